import { lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type Problem, type ProblemCode } from '../check/problem.js';
import type { PathSegment } from '../util/loose.js';

/** Larger data files are refused: a partnership is a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A data file read with everything needed to point at a line and column in it. */
export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  text: string;
  lineCounter: LineCounter;
  doc?: Document;
  /** The plain data, or undefined when the file could not be parsed. */
  data: unknown;
  /** Problems found while reading: syntax, duplicate keys, aliases, tags. */
  problems: Problem[];
}



const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Read and parse one YAML data file under `root`, never following a symbolic link. */
export function readSource(root: string, file: string): SourceFile {
  const lineCounter = new LineCounter();
  const source: SourceFile = { file, text: '', lineCounter, data: undefined, problems: [] };
  const at1 = { file, line: 1, column: 1 };
  const abs = path.join(root, file);
  let bytes: Buffer;
  try {
    const stat = lstatSync(abs);
    if (stat.isSymbolicLink()) {
      source.problems.push(problem('MTR006', at1, 'a symbolic link; mentor does not follow links in a repository', 'replace the link by the file itself'));
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
  return parseSource(file, text);
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
    doc = parseDocument(text, { lineCounter, schema: 'core', resolveKnownTags: false, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    at(0, 'MTR001', error instanceof RangeError ? 'the file is nested too deeply to read' : `cannot parse the file: ${String(error)}`);
    return source;
  }
  source.doc = doc;
  let fatal = false;
  for (const error of doc.errors) {
    fatal = true;
    if (error.code === 'MULTIPLE_DOCS') at(error.pos[0], 'MTR005', 'a second YAML document ("---") in a data file', 'keep one document per file');
    else at(error.pos[0], 'MTR001', describeYamlError(error.code, error.message));
  }
  if (doc.directives?.yaml.explicit || hasTagDirectives(text)) {
    at(0, 'MTR004', 'a %YAML or %TAG directive; data files are plain YAML 1.2', 'delete the directive line');
  }
  try {
    fatal = findForbiddenNodes(doc, at) || fatal;
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
        at(node.range?.[0] ?? 0, 'MTR003', `an anchor (&${node.anchor}); data files do not use anchors and aliases`, 'delete the anchor');
      }
      if (node.tag) {
        fatal = true;
        at(node.range?.[0] ?? 0, 'MTR004', `a tag (${node.tag}); data files are plain YAML without tags`, 'delete the tag and write the plain value');
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

const YAML_ERROR_WORDS: Record<string, string> = {
  BAD_INDENT: 'bad indentation',
  TAB_AS_INDENT: 'a tab used for indentation; YAML indents with spaces',
  MISSING_CHAR: 'a quote or bracket is not closed',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line (a missing ":" or bad indentation?)',
  UNEXPECTED_TOKEN: 'unexpected text here',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block where a key belongs (bad indentation?)',
  DUPLICATE_KEY: 'duplicate key',
};

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const words = YAML_ERROR_WORDS[code];
  return words ? `${words} (${first.charAt(0).toLowerCase()}${first.slice(1)})` : first;
}

/** 1-based line and column of an offset. */
export function positionAt(source: SourceFile, offset: number): { line: number; column: number } {
  const { line, col } = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line, column: col };
}

/**
 * Where a path points: the value's start, or for `key` the key's start. A path that does not exist
 * points at its nearest existing parent, which is where a missing key has to be written.
 */
export function locate(source: SourceFile, keys: readonly PathSegment[], target: 'key' | 'value' = 'value'): { line: number; column: number } {
  const doc = source.doc;
  if (!doc?.contents) return { line: 1, column: 1 };
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node).range?.[0] ?? 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const last = i === keys.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
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
  const starts = source.lineCounter.lineStarts;
  const start = starts[line - 1];
  if (start === undefined) return '';
  const end = starts[line] ?? source.text.length;
  return source.text.slice(start, end).replace(/\r?\n$/, '');
}
