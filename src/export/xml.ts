// A small XML writer: elements as data, every text and attribute escaped, characters XML 1.0
// cannot carry replaced. Pure.

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | undefined>;
  /** Elements, or one text. */
  children?: XmlElement[] | string;
}

/** An element; attributes whose value is undefined are left out. */
export function el(name: string, attrs: XmlElement['attrs'] = {}, children?: XmlElement['children']): XmlElement {
  return { name, attrs, ...(children !== undefined && { children }) };
}

/** Text content for XML 1.0: "&", "<" and ">" as entities; what XML cannot hold (most C0 controls, lone surrogates, U+FFFE, U+FFFF) as "?". */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?')
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    // A parser turns a raw carriage return into a newline: keep it as a reference.
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: also the quote, and the white space a parser would normalise to spaces. */
export function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/["\n\t]/g, (c) => ({ '"': '&quot;', '\n': '&#10;', '\t': '&#9;' })[c]!);
}

function attributes(attrs: XmlElement['attrs']): string {
  return Object.entries(attrs ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('');
}

function serialize(node: XmlElement, indent: string): string {
  const open = `${indent}<${node.name}${attributes(node.attrs)}`;
  if (node.children === undefined || node.children.length === 0) return `${open}/>`;
  if (typeof node.children === 'string') return `${open}>${escapeXml(node.children)}</${node.name}>`;
  const inner = node.children.map((child) => serialize(child, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${node.name}>`;
}

/** A whole document: the XML declaration, then the root element, indented by two spaces. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, '')}\n`;
}
