// Escaping for each place a value from the data lands. Every value goes through one of these;
// templates never print data raw (see environment.ts, which refuses plain {{value}}).

/** Characters with a meaning anywhere in a line of Markdown (GitHub Flavored). */
const MD_INLINE = /[\\`*_[\]<>|~&#$]/g;

/** Markdown text on one line: no emphasis, link, HTML, table cell break or line break can come out of it. */
export function mdInline(value: string): string {
  const line = value.replace(/\r\n?|\n|\u2028|\u2029/g, ' ').trim();
  return line
    // "<" and ">" as entities, not backslash escapes: a linkifying viewer (VS Code's preview) may take
    // the backslash into a URL before them and leave the bracket to open a tag.
    .replace(MD_INLINE, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    // What only means something at the start of a block: list markers, heading underlines.
    .replace(/^([-+=])(?=\s|$|\1)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Markdown text in a table cell: like inline text, with line breaks kept as <br>. */
export function mdCell(value: string): string {
  return value
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => mdInline(line.trim()))
    .join('<br>');
}

/** Paragraphs of Markdown text: blank lines separate paragraphs, single line breaks join words. */
export function mdParagraphs(value: string): string {
  return paragraphsOf(value).map(mdInline).join('\n\n');
}

/** The paragraphs of a free text: split at blank lines, each on one line. */
export function paragraphsOf(value: string): string[] {
  return value
    .split(/(?:\r\n?|\n)\s*(?:\r\n?|\n)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Text for an HTML element or a quoted attribute. */
export function html(value: string): string {
  return value.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!);
}

/** The URL when it is an absolute http(s) URL, else undefined: no javascript:, data: or relative links. */
export function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A URL inside Markdown link parentheses: nothing that could end the destination early. */
export function mdUrl(url: string): string {
  return url.replace(/[()<>\s\\`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const MERMAID_KEYWORDS = /^(click|section|title|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|inclusiveenddates|topaxis|acctitle|accdescr|call|href|gantt|%%)/i;

/**
 * Text in a Mermaid gantt line: the characters that end a task name (":"), start comments or
 * entities ("%%", "#", ";") or open markup ("<") are replaced by look-alikes, and a name that
 * starts like a Mermaid keyword is prefixed so it cannot become a directive or a click handler.
 */
export function mermaidText(value: string): string {
  const text = value
    .replace(/\s+/g, ' ')
    .replace(/:/g, '∶')
    .replace(/;/g, ',')
    .replace(/#/g, '№')
    .replace(/%/g, '٪')
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/["`\\{}[\]]/g, "'")
    .trim();
  return MERMAID_KEYWORDS.test(text) ? `· ${text}` : text;
}

/**
 * Text inside a double-quoted CSS string in a <style> element: everything but letters, digits and
 * spaces as a hexadecimal escape, so no quote, backslash, "</style>" or newline can end it.
 */
export function cssString(value: string): string {
  return [...value.replace(/\s+/g, ' ')].map((c) => (/[\p{L}\p{N} ]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('');
}
