import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Where a problem is expected: repository-relative file, 1-based line and column, and its code. */
export interface Expected {
  file: string;
  line: number;
  column: number;
  code: string;
}

/** 1-based line and column (UTF-16 code units, as YAML positions are) of an offset in LF text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The offset of the only occurrence of `needle` in `text`; throws when there is none or more than one. */
export function onlyOffset(text: string, needle: string, what = 'text'): number {
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`${JSON.stringify(needle)} not found in ${what}`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`${JSON.stringify(needle)} occurs more than once in ${what}`);
  return first;
}

/** 1-based position of `token` inside the only occurrence of `where` in `text`. */
export function positionIn(text: string, where: string, token = where): { line: number; column: number } {
  const inner = where.indexOf(token);
  if (inner < 0) throw new Error(`${JSON.stringify(token)} is not part of ${JSON.stringify(where)}`);
  return lineColumn(text, onlyOffset(text, where) + inner);
}

interface Mark {
  code: string;
  file: string;
  /** Unique text of the final file that the problem points into; absent for a file-level problem (1:1). */
  where?: string;
  /** The part of `where` the position is at; defaults to its start. */
  token?: string;
}

/**
 * Plants problems in a copy of a repository by editing known text, and computes where each problem
 * must be reported from the planted text itself (never from hard-coded line numbers).
 */
export class Planter {
  private readonly texts = new Map<string, string>();
  private readonly bytes = new Map<string, Buffer>();
  private readonly crlfBom = new Set<string>();
  private readonly marks: Mark[] = [];

  constructor(readonly root: string) {}

  /** The current text of a file (LF line endings), edited or as on disk. */
  text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = readFileSync(path.join(this.root, file), 'utf8');
      this.texts.set(file, text);
    }
    return text;
  }

  /** Replace the only occurrence of `find` in a file. */
  replace(file: string, find: string, replacement: string): this {
    const text = this.text(file);
    const at = onlyOffset(text, find, file);
    this.texts.set(file, text.slice(0, at) + replacement + text.slice(at + find.length));
    return this;
  }

  /** Create or overwrite a file with this text. */
  write(file: string, text: string): this {
    this.texts.set(file, text);
    return this;
  }

  /** Create a file with raw bytes (not UTF-8 text, for instance). */
  writeBytes(file: string, content: Buffer): this {
    this.bytes.set(file, content);
    return this;
  }

  /** Write this file with CRLF line endings and a byte-order mark; positions must not change. */
  crlfWithBom(file: string): this {
    this.text(file);
    this.crlfBom.add(file);
    return this;
  }

  /** Expect a problem with `code` at the start of `token` within the unique text `where` of the final file (1:1 without `where`). */
  expect(code: string, file: string, where?: string, token?: string): this {
    this.marks.push({ code, file, ...(where !== undefined && { where }), ...(token !== undefined && { token }) });
    return this;
  }

  /** Write every edited file; returns the expected problems, each located in the planted text. */
  commit(): Expected[] {
    for (const [file, text] of this.texts) {
      const abs = path.join(this.root, file);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, this.crlfBom.has(file) ? `\uFEFF${text.replace(/\n/g, '\r\n')}` : text);
    }
    for (const [file, content] of this.bytes) {
      const abs = path.join(this.root, file);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
    return this.marks.map((mark) => {
      if (mark.where === undefined) return { file: mark.file, line: 1, column: 1, code: mark.code };
      return { file: mark.file, ...positionIn(this.text(mark.file), mark.where, mark.token), code: mark.code };
    });
  }

  /** The final text of line `line` (1-based) of an edited file, without line ending. */
  sourceLine(file: string, line: number): string {
    if (this.bytes.has(file)) return '';
    return this.text(file).split('\n')[line - 1] ?? '';
  }
}

/** A stable key for comparing problem sets across formats. */
export const keyOf = (p: { file: string; line: number; column: number; code: string }) => `${p.file}:${p.line}:${p.column} ${p.code}`;

/**
 * A temporary copy of a repository that lives for the whole test file (copyOfExamples's copies are
 * removed after each test), for fixtures shared by the tests of a describe block.
 */
export function copyForFile(source: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-test-'));
  cpSync(source, dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
