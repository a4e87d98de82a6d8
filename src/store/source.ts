import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { problem, type Problem, type ProblemCode } from '../model/problem.js';
import type { PathSegment, Position, SourceFile } from '../model/source.js';
import { fastParse } from './fast-parse.js';
import { lightLocate } from './light-locate.js';

/** Larger data files are refused: a partnership is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ReadOptions {
  /** Read clean files with js-yaml first (see fast-parse.ts); the problems are the same either way. */
  fastPath?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A data file read by mentor. Positions need the positioned parser: a file accepted by the fast
 * path is parsed again, once, only when a check asks where something is.
 */
class DataFile implements SourceFile {
  data: unknown = undefined;
  readonly problems: Problem[] = [];
  fastChecks = false;
  lineCounter?: LineCounter;
  doc?: Document;
  private lineStarts?: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  /** The positioned parse of the file, made on first use. */
  positioned(): { doc?: Document; lineCounter: LineCounter } {
    if (!this.lineCounter) {
      const full = parseSource(this.file, this.text);
      this.lineCounter = full.lineCounter!;
      if (full.doc) this.doc = full.doc;
    }
    return { ...(this.doc && { doc: this.doc }), lineCounter: this.lineCounter };
  }

  locate(keys: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position {
    return locateIn(this, keys, target);
  }

  line(line: number): string {
    if (!this.lineStarts) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
    }
    const start = this.lineStarts[line - 1];
    if (start === undefined || line < 1) return '';
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? this.text.length : end).replace(/\r$/, '');
  }
}

/** A file that could not be read as data: only its problem, at its first line. */
function unreadable(file: string, code: ProblemCode, message: string, hint?: string): DataFile {
  const source = new DataFile(file, '');
  source.problems.push(problem(code, { file, line: 1, column: 1 }, message, hint));
  return source;
}

// Opening with O_NOFOLLOW refuses a link at the file itself, and O_NONBLOCK keeps a named pipe
// from blocking the open: one open, one fstat and one read a file, with no lstat before them.
// (Where the flags do not exist, as on Windows, an lstat comes first instead.)
const NOFOLLOW = constants.O_NOFOLLOW;
const OPEN_FLAGS = constants.O_RDONLY | (NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const link = (file: string) => unreadable(file, 'MTR006', 'a symbolic link; mentor does not follow links in a repository', 'replace the link by the file itself');

/** The bytes of a regular file under `root`, or the problem that stops it being read. */
function readBytes(abs: string, file: string): Buffer | DataFile {
  const refuse = (kind: string) => unreadable(file, 'MTR006', `${kind}, not a data file`, 'replace it by a YAML file');
  let fd: number;
  try {
    if (NOFOLLOW === undefined && lstatSync(abs).isSymbolicLink()) return link(file);
    fd = openSync(abs, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return link(file);
    if (code === 'ENXIO') return refuse('not a regular file'); // a socket
    return unreadable(file, 'MTR006', `cannot read the file: ${code ?? String(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      // A named pipe would block a read forever; a folder or device is no data file either.
      return refuse(stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a named pipe' : 'not a regular file');
    }
    if (stat.size > MAX_FILE_BYTES) {
      return unreadable(file, 'MTR006', `the file is ${stat.size} bytes; data files are limited to ${MAX_FILE_BYTES} bytes`);
    }
    const buffer = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    return unreadable(file, 'MTR006', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // What was read stands; a descriptor that fails to close holds nothing of ours.
    }
  }
}

/** Read and parse one YAML data file under `root`, never following a symbolic link. */
export function readSource(root: string, file: string, options: ReadOptions = {}): SourceFile {
  const bytes = readBytes(path.join(root, file), file);
  if (bytes instanceof DataFile) return bytes;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable(file, 'MTR006', 'the file is not valid UTF-8 text', 'save it as UTF-8');
  }
  if (text.includes('\u0000')) {
    return unreadable(file, 'MTR006', 'the file holds binary data (a NUL byte), not YAML text');
  }
  return sourceOf(file, text, options);
}

/**
 * A data file from its text (as read, or as about to be written): through the fast path when it
 * takes the text, else the positioned parser. The data and problems are the same either way.
 */
export function sourceOf(file: string, text: string, options: ReadOptions = {}): SourceFile {
  const fast = options.fastPath === false ? undefined : fastParse(text);
  let source: DataFile;
  if (fast) {
    // Accepted by the fast path: no parse problems; positions are computed only if a check needs them.
    source = new DataFile(file, text);
    source.data = fast.data;
  } else {
    source = parseSource(file, text);
  }
  source.fastChecks = options.fastPath !== false;
  return source;
}

/** Parse YAML text as a data file: core schema, no tags, anchors, aliases or extra documents. */
export function parseSource(file: string, text: string): SourceFile & DataFile {
  const lineCounter = new LineCounter();
  const source = new DataFile(file, text);
  source.lineCounter = lineCounter;
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
function positionAt(source: DataFile, offset: number): Position {
  const { line, col } = source.positioned().lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line, column: col };
}

function locateIn(source: DataFile, keys: readonly PathSegment[], target: 'key' | 'value'): Position {
  if (!source.lineCounter) {
    // Read by the fast path: plain block YAML, where the lines alone often tell.
    const light = lightLocate(source.text, keys, target);
    if (light) return light;
  }
  const { doc } = source.positioned();
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
