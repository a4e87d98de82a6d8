import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import type { PathSegment } from '../model/source.js';

/** A change to a YAML data file, described by paths, applied so that untouched bytes stay as they were. */
export interface YamlEdit {
  /** Scalars to set, such as [['stage'], 'evaluation']. */
  set?: [PathSegment[], string | number | boolean][];
  /** Items to append to lists, such as [['history'], {stage, date}]. */
  append?: [PathSegment[], unknown][];
}

// logLevel 'error': a hand-written oddity (a mapping as a key) must not print a Node warning.
const PARSE = { schema: 'core', resolveKnownTags: false, uniqueKeys: false, logLevel: 'error' } as const;

/**
 * Apply an edit to YAML text. The text is spliced at the nodes' positions, so comments, quoting,
 * key order and every other line survive byte for byte and a diff shows only what changed. Where
 * splicing cannot be proven right (the result must parse to exactly the edited data), the edit
 * goes through the yaml Document instead, which still keeps comments.
 */
export function applyYamlEdit(text: string, edit: YamlEdit): string {
  const doc = parseDocument(text, PARSE);
  const expected = applyToData(doc.toJS(), edit);
  const spliced = spliceEdit(text, doc, edit);
  if (spliced !== undefined && readsAs(spliced, expected)) return spliced;
  const rewritten = editThroughDocument(text, edit);
  // Never write what would not read back as the edit meant: a failure here is a bug, not data.
  if (!readsAs(rewritten, expected)) throw new Error('the edited file would not read back as edited; nothing was written');
  return rewritten;
}

/** Whether a text parses to exactly `expected`; a splice gone wrong may not parse at all. */
function readsAs(text: string, expected: unknown): boolean {
  try {
    const doc = parseDocument(text, PARSE);
    return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), expected);
  } catch {
    return false;
  }
}

function applyToData(data: unknown, edit: YamlEdit): unknown {
  const copy = structuredClone(data) as Record<PathSegment, unknown>;
  for (const [path, value] of edit.set ?? []) {
    const parent = walk(copy, path.slice(0, -1));
    (parent as Record<PathSegment, unknown>)[path.at(-1)!] = value;
  }
  for (const [path, item] of edit.append ?? []) {
    const parent = walk(copy, path.slice(0, -1)) as Record<PathSegment, unknown>;
    const key = path.at(-1)!;
    const current = parent[key];
    parent[key] = Array.isArray(current) ? [...current, item] : [item];
  }
  return copy;
}

function walk(data: unknown, path: PathSegment[]): unknown {
  let current = data;
  for (const segment of path) current = (current as Record<PathSegment, unknown>)[segment];
  return current;
}

interface Splice {
  at: number;
  end: number;
  text: string;
}

function spliceEdit(text: string, doc: Document, edit: YamlEdit): string | undefined {
  const splices: Splice[] = [];
  for (const [path, value] of edit.set ?? []) {
    const node = doc.getIn(path, true);
    // A value of several lines would need the indentation of its key: left to the Document.
    if (!isScalar(node) || !node.range || (typeof value === 'string' && /[\r\n]/.test(value))) return undefined;
    splices.push({ at: node.range[0], end: node.range[1], text: scalarText(value, node) });
  }
  for (const [path, item] of edit.append ?? []) {
    const node = doc.getIn(path, true);
    if (!isSeq(node) || node.flow || !node.range || node.items.length === 0) return undefined;
    const last = node.items.at(-1) as Node | undefined;
    if (!last?.range) return undefined;
    const indent = columnOf(text, node.range[0]);
    let at = last.range[1];
    while (at < text.length && text[at - 1] !== '\n') at++;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const before = at >= text.length && !text.endsWith('\n') ? eol : '';
    splices.push({ at, end: at, text: before + listItemText(item, indent, eol) });
  }
  splices.sort((a, b) => b.at - a.at);
  let result = text;
  for (const s of splices) result = result.slice(0, s.at) + s.text + result.slice(s.end);
  return result;
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

/** A scalar written the way the one it replaces was: quoted values stay quoted. */
function scalarText(value: string | number | boolean, previous: Scalar): string {
  if (typeof value === 'string' && previous.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (typeof value === 'string' && previous.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** "- key: value" lines at the list's indentation, with the file's line endings. */
function listItemText(item: unknown, indent: number, eol: string): string {
  const body = new Document(item).toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  const pad = ' '.repeat(indent);
  return body.map((line, i) => (i === 0 ? `${pad}- ${line}` : line === '' ? '' : `${pad}  ${line}`)).join(eol) + eol;
}

function editThroughDocument(text: string, edit: YamlEdit): string {
  const doc = parseDocument(text, PARSE);
  for (const [path, value] of edit.set ?? []) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) {
      node.value = value;
      // A plain or quoted style chosen for one line may not hold several: let yaml choose again.
      if (typeof value === 'string' && /[\r\n]/.test(value)) node.type = undefined;
    } else {
      doc.setIn(path, value);
    }
  }
  for (const [path, item] of edit.append ?? []) {
    const node = doc.getIn(path, true);
    if (isSeq(node)) {
      node.flow = false;
      node.items.push(doc.createNode(item));
    } else if (node === undefined || (isScalar(node) && node.value === null)) {
      doc.setIn(path, doc.createNode([item]));
    } else if (!isMap(node)) {
      throw new Error(`cannot append to ${path.join('.')}: it is not a list`);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
