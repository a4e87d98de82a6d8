import type { Problem } from './problem.js';

/** A step in a path into a YAML document: a key or a list index. */
export type PathSegment = string | number;

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * A data file as read from the repository: its text, its data, the problems of reading it, and the
 * means to point at any path in it. Store makes them; checks only read them.
 */
export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly file: string;
  readonly text: string;
  /** The plain data, or undefined when the file could not be parsed. */
  readonly data: unknown;
  /** Problems found while reading: the file's kind and size, syntax, duplicate keys, aliases, tags. */
  readonly problems: Problem[];
  /**
   * Whether the file was read with mentor's speed-ups on (MENTOR_FAST_PATH is not 0): the schema
   * check may then ask its verdict-only reading (check/verdict.ts) before zod.
   */
  readonly fastChecks?: boolean;
  /**
   * Where a path points: the value's start, or for `key` the key's start. A path that does not
   * exist points at its nearest existing parent, which is where a missing key has to be written.
   */
  locate(path: readonly PathSegment[], target?: 'key' | 'value'): Position;
  /** The text of a 1-based line, without its line ending. */
  line(line: number): string;
}

/** One partnership folder as read: its partnership.yaml, its session files, and the problems of its layout. */
export interface PartnershipFolder {
  /** The folder name. */
  id: string;
  partnership?: SourceFile;
  sessions: SourceFile[];
  /** Problems of the folder's layout: links, bad names, missing or stray files. */
  layout: Problem[];
}
