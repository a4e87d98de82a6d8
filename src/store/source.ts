import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { problem, type Problem, type ProblemCode } from '../check/problem.js';
import type { PathSegment } from '../util/loose.js';
import { fastParse } from './fast-parse.js';
import { lightLocate } from './light-locate.js';

/** Larger data files are refused: a partnership is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A data file read with everything needed to point at a line and column in it. */
export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  text: string;
  /** Set once the file has been read by the positioned parser (see `positioned`). */
  lineCounter?: LineCounter;
  doc?: Document;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
  /** Problems found while reading: syntax, duplicate keys, aliases, tags. */
  problems: Problem[];
}



const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read and parse one YAML data file under `root`, never following a symbolic link. */
let fastPath = true;

/** Turn the js-yaml fast path on or off (tests prove both give the same problems). */
export function useFastPath(on: boolean): void {
  fastPath = on;
}

export function readSource(root: string, file: string): SourceFile {
  const source: SourceFile = { file, text: '', data: undefined, problems: [] };
  const at1 = { file, line: 1, column: 1 };
  const abs = path.join(root, file);
  let bytes: Buffer;
  try {
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) {
      source.problems.push(problem('MTR006', at1, 'a symbolic link; mentor does not follow links in a repository', 'replace the link by the file itself'));
      return source;
    }
    if (!stat.isFile()) {
      // A named pipe would block the read forever; a folder or device is no data file either.
      const kind = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a named pipe' : 'not a regular file';
      source.problems.push(problem('MTR006', at1, `${kind}, not a data file`, 'replace it by a YAML file'));
      return source;
    }
    if (stat.size > MAX_FILE_BYTES) {
      source.problems.push(problem('MTR006', at1, `the file is ${stat.size} bytes; data files are limited to ${MAX_FILE_BYTES} bytes`));
      return source;
    }
    bytes = readFileSync(abs);
  } catch (error) {
    source.problems.push(problem('MTR006', at1, `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`));
    return source;
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    source.problems.push(problem('MTR006', at1, 'the file is not valid UTF-8 text', 'save it as UTF-8'));
    return source;
  }
  if (text.includes('\u0000')) {
    source.problems.push(problem('MTR006', at1, 'the file holds binary data (a NUL byte), not YAML text'));
    return source;
  }
  const fast = fastPath ? fastParse(text) : undefined;
  // Accepted by the fast path: no parse problems; positions are computed only if a check needs them.
  if (fast) return { file, text, data: fast.data, problems: [] };
  return parseSource(file, text);
}

/** The file as read by the positioned parser, which `locate` needs; parsed on first use. */
function positioned(source: SourceFile): { doc?: Document; lineCounter: LineCounter } {
  if (!source.lineCounter) {
    const full = parseSource(source.file, source.text);
    source.lineCounter = full.lineCounter!;
    if (full.doc) source.doc = full.doc;
  }
  return { doc: source.doc, lineCounter: source.lineCounter };
}

/** Parse YAML text as a data file: core schema, no tags, anchors, aliases or extra documents. */
export function parseSource(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  const source: SourceFile = { file, text, lineCounter, data: undefined, problems: [] };
  const at = (offset: number, code: ProblemCode, message: string, hint?: string) =>
    source.problems.push(problem(code, { file, ...positionAt(source, offset) }, message, hint));

  let doc: Document;
  try {
    // Duplicate keys are found below, so one duplicate does not hide every other problem of the file.
    doc = parseDocument(text, { lineCounter, schema: 'core', resolveKnownTags: false, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    at(0, 'MTR001', error instanceof RangeError ? 'the file is nested too deeply to read' : `cannot parse the file: ${String(error)}`);
    return source;
  }
  source.doc = doc;
  let fatal = false;
  const overflow = doc.errors.find((error) => /call stack/i.test(error.message));
  if (overflow) {
    // The parser gave up on the depth: one clear problem, not one per level.
    at(overflow.pos[0], 'MTR001', 'the file is nested too deeply to read', 'data files are a few levels deep; this one is probably damaged');
    return source;
  }
  let lastErrorLine = -1;
  for (const error of doc.errors) {
    fatal = true;
    if (error.code === 'MULTIPLE_DOCS') {
      at(error.pos[0], 'MTR005', 'a second YAML document ("---") in a data file', 'keep one document per file');
      continue;
    }
    const { offset, message } = explainYamlError(text, error.code, error.message, error.pos[0]);
    // One mistake often trips several errors on its line and the next: report the first.
    const { line } = positionAt(source, offset);
    const cascade = line >= lastErrorLine && line <= lastErrorLine + 1;
    lastErrorLine = line;
    if (!cascade) at(offset, 'MTR001', message);
  }
  if (doc.directives?.yaml.explicit || hasTagDirectives(text)) {
    at(0, 'MTR004', 'a %YAML or %TAG directive; data files are plain YAML 1.2', 'delete the directive line');
  }
  try {
    fatal = findForbiddenNodes(text, doc, at) || fatal;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    at(0, 'MTR001', 'the file is nested too deeply to read');
    return source;
  }
  if (!fatal) {
    try {
      source.data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      at(0, 'MTR001', error instanceof RangeError ? 'the file is nested too deeply to read' : `cannot read the data: ${String(error)}`);
    }
  }
  return source;
}

function hasTagDirectives(text: string): boolean {
  return /^%TAG\b/m.test(text);
}

/** Aliases, anchors, tags and duplicate keys; returns whether the data cannot be used safely. */
function findForbiddenNodes(
  text: string,
  doc: Document,
  at: (offset: number, code: ProblemCode, message: string, hint?: string) => void,
): boolean {
  let fatal = false;
  visit(doc, {
    Alias(_key, node) {
      fatal = true;
      at(node.range?.[0] ?? 0, 'MTR003', `an alias (*${node.source}); data files do not use anchors and aliases`, 'write the value out in full');
    },
    Node(_key, node) {
      if ('anchor' in node && node.anchor) {
        at(propertyOffset(text, `&${node.anchor}`, node.range?.[0] ?? 0), 'MTR003', `an anchor (&${node.anchor}); data files do not use anchors and aliases`, 'delete the anchor');
      }
      if (node.tag) {
        fatal = true;
        let start = propertyOffset(text, '!', node.range?.[0] ?? 0);
        while (text[start - 1] === '!') start--;
        const written = /^\S+/.exec(text.slice(start))?.[0] ?? node.tag;
        at(start, 'MTR004', `a tag (${written}); data files are plain YAML without tags`, 'delete the tag and write the plain value');
      }
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const name = String(pair.key.value);
          if (seen.has(name)) at(pair.key.range?.[0] ?? 0, 'MTR002', `duplicate key "${name}"`, 'keep one of the two entries');
          seen.add(name);
        }
      }
    },
  });
  return fatal;
}

/**
 * Where a YAML error really is, in plain words. The parser reports an over-indented line at the
 * value above it, and an unclosed quote at the end of the file; point at the line to fix instead.
 */
function explainYamlError(text: string, code: string, message: string, offset: number): { offset: number; message: string } {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const words = `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const next = text.indexOf('\n', offset);
    const indent = (from: number) => {
      let at = from;
      while (text[at] === ' ') at++;
      return at - from;
    };
    if (next !== -1 && indent(next + 1) > indent(lineStart)) {
      return { offset: next + 1 + indent(next + 1), message: 'this line is indented more than the line above it allows' };
    }
    if (code === 'BLOCK_AS_IMPLICIT_KEY') return { offset, message: 'a value that contains ": " must be put in quotes' };
  }
  if (code === 'MISSING_CHAR' && /quote/i.test(first)) {
    const opening = unclosedQuote(text);
    if (opening !== undefined) return { offset: opening, message: 'this quoted text is never closed' };
  }
  if (code === 'BAD_INDENT') return { offset, message: `bad indentation (${words})` };
  if (code === 'TAB_AS_INDENT') return { offset, message: 'a tab used for indentation; YAML indents with spaces' };
  return { offset, message: words };
}

/** The offset of the first quote that opens a value and is not closed on its line. */
function unclosedQuote(text: string): number | undefined {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = /^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)(["'])/.exec(line);
    if (m) {
      const quote = m[2]!;
      const rest = line.slice(m[1]!.length + 1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
      if (!closed) return lineStart + m[1]!.length;
    }
    lineStart += line.length + 1;
  }
  return undefined;
}

/** An anchor or tag stands before its node's value: find it there, where the user wrote it. */
function propertyOffset(text: string, property: string, valueStart: number): number {
  const found = text.lastIndexOf(property, valueStart);
  return found === -1 ? valueStart : found;
}

/** 1-based line and column of an offset. */
export function positionAt(source: SourceFile, offset: number): { line: number; column: number } {
  const { line, col } = positioned(source).lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line, column: col };
}

/**
 * Where a path points: the value's start, or for `key` the key's start. A path that does not exist
 * points at its nearest existing parent, which is where a missing key has to be written.
 */
export function locate(source: SourceFile, keys: readonly PathSegment[], target: 'key' | 'value' = 'value'): { line: number; column: number } {
  if (!source.lineCounter) {
    // Read by the fast path: plain block YAML, where the lines alone often tell.
    const light = lightLocate(source.text, keys, target);
    if (light) return light;
  }
  const { doc } = positioned(source);
  if (!doc?.contents) return { line: 1, column: 1 };
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node).range?.[0] ?? 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const last = i === keys.length - 1;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(key));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0];
      if (keyStart !== undefined) offset = keyStart;
      if (last && target === 'key') break;
      node = pair.value;
      const valueStart = isAlias(node) || !node ? undefined : (node as Node).range?.[0];
      if (last && valueStart !== undefined) offset = valueStart;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return positionAt(source, offset);
}

/** The text of a 1-based line, without its line ending. */
export function lineText(source: SourceFile, line: number): string {
  return sourceLine(source.text, line);
}

/**
 * The pairs of a mapping by key (the first of duplicates, as a search from the top finds it), built
 * once per mapping: a file with thousands of unknown keys is located in linear time, not quadratic.
 */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

/** Where each line of the last text asked about starts: problems come sorted by file, so one text at a time. */
let lineStarts: { text: string; starts: number[] } | undefined;

/** The text of a 1-based line of a text, without its line ending. */
export function sourceLine(text: string, line: number): string {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    lineStarts = { text, starts };
  }
  const start = lineStarts.starts[line - 1];
  if (start === undefined || line < 1) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
