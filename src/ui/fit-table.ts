// A table that fits a terminal's width without wrapping: whole columns (ids, names, dates, numbers)
// are never cut; free-text columns are cut with an ellipsis; when even that is too wide, the
// least important columns are left out, and the caller is told which.

export interface Column {
  header: string;
  /** `whole`: never cut (ids, codes, dates, numbers); `cut`: free text, cut to fit. */
  fit: 'whole' | 'cut';
  /** Higher is kept longer: when the whole columns do not fit, the lowest goes first; among cut columns, the highest gets room first. */
  priority: number;
  /** The narrowest a cut column is worth showing. */
  min?: number;
  align?: 'left' | 'right';
  /** How a cut column's text is made to fit `width` (default: cut at the end, with an ellipsis). */
  shorten?: (text: string, width: number) => string;
}

export interface FittedTable {
  text: string;
  /** Headers of the columns left out for want of room. */
  hidden: string[];
}

const SEPARATOR = '  ';

/** Length in characters as a terminal shows them (code points, not UTF-16 units). */
export function displayWidth(text: string): number {
  return [...text].length;
}

/** `text` cut to `width` characters, the last one an ellipsis when something was cut. */
export function cutText(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('').trimEnd()}…`;
}

/** Lay out `rows` under `columns`; with `width`, no line is longer than it. Without, every cell is whole. */
export function fitTable(columns: Column[], rows: string[][], width?: number): FittedTable {
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  let visible = columns.map((_, i) => i);
  let widths = [...natural];
  if (width !== undefined) {
    const least = (i: number) => (columns[i]!.fit === 'cut' ? Math.min(natural[i]!, Math.max(columns[i]!.min ?? 8, displayWidth(columns[i]!.header))) : natural[i]!);
    const needed = (shown: number[]) => shown.reduce((sum, i) => sum + least(i), 0) + SEPARATOR.length * (shown.length - 1);
    // Leave out the least important columns until the rest fit; the first (the id) always stays.
    while (visible.length > 1 && needed(visible) > width) {
      const drop = visible.slice(1).reduce((a, b) => (columns[b]!.priority < columns[a]!.priority ? b : a));
      visible = visible.filter((i) => i !== drop);
    }
    widths = natural.map((n, i) => (visible.includes(i) ? least(i) : 0));
    // Share what is left among the cut columns, in proportion to what each lacks; rounding leftovers go to the most important.
    const cut = visible.filter((v) => columns[v]!.fit === 'cut').sort((a, b) => columns[b]!.priority - columns[a]!.priority);
    let spare = width - needed(visible);
    const lacking = cut.reduce((sum, i) => sum + natural[i]! - widths[i]!, 0);
    if (lacking > 0) {
      const share = Math.min(1, spare / lacking);
      for (const i of cut) {
        const more = Math.floor((natural[i]! - widths[i]!) * share);
        widths[i]! += more;
        spare -= more;
      }
      for (const i of cut) {
        const more = Math.max(0, Math.min(spare, natural[i]! - widths[i]!));
        widths[i]! += more;
        spare -= more;
      }
    }
  }
  const cell = (text: string, i: number) => {
    const column = columns[i]!;
    const w = widths[i]!;
    const fitted = displayWidth(text) <= w ? text : column.shorten ? column.shorten(text, w) : cutText(text, w);
    const pad = ' '.repeat(Math.max(0, w - displayWidth(fitted)));
    return column.align === 'right' ? pad + fitted : fitted + pad;
  };
  const line = (cells: string[]) => visible.map((i) => cell(cells[i] ?? '', i)).join(SEPARATOR).trimEnd();
  const text = `${[line(columns.map((c) => c.header)), ...rows.map(line)].join('\n')}\n`;
  return { text, hidden: columns.filter((_, i) => !visible.includes(i)).map((c) => c.header) };
}
