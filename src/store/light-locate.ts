import type { PathSegment } from '../model/source.js';

// Positions without the positioned parser. Most problems a large repository has are health
// warnings in partnership.yaml (a target overdue, no session for 120 days), pointing at simple
// paths like ['stage'] or ['targets', 2, 'due'] in plain block YAML. Reading the lines finds those
// in microseconds; anything it is not sure of (flow collections, odd keys, missing paths) returns
// undefined and the positioned parser decides. A test holds it to the parser's answer on every path
// of thousands of files.

interface Line {
  start: number;
  indent: number;
  /** The line without its line ending. */
  text: string;
}

const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +|$)/;

/** The lines of the last text asked about: problems come file by file, many for one text. */
let lastLines: { text: string; lines: Line[] } | undefined;

function linesOf(text: string): Line[] {
  if (lastLines?.text === text) return lastLines.lines;
  const lines = splitLines(text);
  lastLines = { text, lines };
  return lines;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, '');
    lines.push({ start, indent: leadingSpaces(raw), text: raw });
    start = end + 1;
  }
  return lines;
}

// YAML's white space is the space (tabs never reach here); not JavaScript's, which takes in
// no-break spaces and byte-order marks that YAML reads as text.
const leadingSpaces = (text: string) => /^ */.exec(text)![0].length;
const isContent = (line: Line) => line.indent < line.text.length && line.text[line.indent] !== '#';

/** The lines of a block: from `from` while lines are blank, comments, or indented more than `indent`. */
function blockEnd(lines: Line[], from: number, indent: number): number {
  let i = from;
  while (i < lines.length && (!isContent(lines[i]!) || lines[i]!.indent > indent)) i++;
  return i;
}

type KeyAt = { index: number; column: number };

/**
 * The keys of each block searched so far, first occurrence of each: found by one pass over the
 * block, so a file with thousands of problems in one mapping is located in linear time.
 */
const blockKeys = new WeakMap<Line[], Map<string, Map<string, KeyAt>>>();

/** A key's line in lines[from, to) at exactly `indent` (after `prefix`, like "- "), or undefined. */
function findKey(lines: Line[], from: number, to: number, indent: number, key: string, firstPrefix = 0): KeyAt | undefined {
  let blocks = blockKeys.get(lines);
  if (!blocks) blockKeys.set(lines, (blocks = new Map()));
  const block = `${from}:${to}:${indent}:${firstPrefix}`;
  let keys = blocks.get(block);
  if (!keys) {
    keys = new Map();
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      const column = i === from ? indent + firstPrefix : indent;
      if (!isContent(line) || (i !== from && line.indent !== indent)) continue;
      const m = KEY.exec(line.text.slice(column));
      if (m && !keys.has(m[1]!)) keys.set(m[1]!, { index: i, column });
    }
    blocks.set(block, keys);
  }
  return keys.get(key);
}

type Pos = { line: number; column: number };

/** The position `locate` would give, from the lines alone; undefined when not sure. */
export function lightLocate(text: string, path: readonly PathSegment[], target: 'key' | 'value' = 'value'): Pos | undefined {
  if (path.length === 0) return undefined;
  const lines = linesOf(text);
  // The mapping being searched: its lines [from, to), its indentation, and the prefix of its first line.
  let from = 0;
  let to = lines.length;
  let indent = 0;
  let prefix = 0;
  while (from < to && !isContent(lines[from]!)) from++;
  for (let p = 0; p < path.length; p++) {
    const segment = path[p]!;
    const last = p === path.length - 1;
    if (typeof segment !== 'string') return undefined;
    const found = findKey(lines, from, to, indent, segment, prefix);
    if (!found) return undefined;
    const keyLine = lines[found.index]!;
    const keyColumn = found.column;
    if (last && target === 'key') return { line: found.index + 1, column: keyColumn + 1 };
    const afterKey = keyColumn + segment.length + 1;
    const inline = keyLine.text.slice(afterKey).replace(/ +#.*$/, '');
    const valueEnd = blockEnd(lines, found.index + 1, indent);
    if (leadingSpaces(inline) < inline.length) {
      // A value on the key's line: a scalar. Nothing can be inside it.
      if (!last || /^ *[[{"'|>&*!#]/.test(inline)) return undefined;
      return { line: found.index + 1, column: afterKey + leadingSpaces(inline) + 1 };
    }
    // A collection below the key.
    let first = found.index + 1;
    while (first < valueEnd && !isContent(lines[first]!)) first++;
    if (first >= valueEnd) return undefined;
    const child = lines[first]!;
    if (last) return { line: first + 1, column: child.indent + 1 };
    const next = path[p + 1];
    if (typeof next === 'number') {
      // A list: its items start with "- " at the same indentation.
      if (!/^- [^\s#]/.test(child.text.slice(child.indent))) return undefined;
      const items: number[] = [];
      for (let i = first; i < valueEnd; i++) {
        const line = lines[i]!;
        if (!isContent(line)) continue;
        if (line.indent === child.indent) {
          if (!/^- [^\s#]/.test(line.text.slice(line.indent))) return undefined;
          items.push(i);
        } else if (line.indent < child.indent) return undefined;
      }
      const item = items[next];
      if (item === undefined) return undefined;
      const itemEnd = items[next + 1] ?? valueEnd;
      if (p + 1 === path.length - 1) return { line: item + 1, column: child.indent + 3 };
      // The item is a mapping whose first key follows "- ".
      if (!KEY.test(lines[item]!.text.slice(child.indent + 2))) return undefined;
      from = item;
      to = itemEnd;
      indent = child.indent + 2;
      prefix = 0;
      p++;
    } else {
      if (child.indent <= indent && !(child.indent === indent && p === 0)) return undefined;
      from = first;
      to = valueEnd;
      indent = child.indent;
      prefix = 0;
    }
  }
  return undefined;
}
