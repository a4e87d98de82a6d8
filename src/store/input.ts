import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { MAX_FILE_BYTES, parseSource } from './source.js';

/** Read a YAML or JSON document from a file, or from standard input for "-", with the data-file refusals. */
export function readDataInput(given: string, cwd: string): Record<string, unknown> {
  let bytes: Buffer;
  const name = given === '-' ? '(standard input)' : given;
  try {
    bytes = given === '-' ? readBounded(0, name) : readFileBounded(path.resolve(cwd, given), name);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DataError(`${name} is not valid UTF-8 text`, 'save it as UTF-8');
  }
  const source = parseSource(name, text.replace(/^\uFEFF/, ''));
  const first = source.problems.find((p) => p.severity === 'error');
  if (first) throw new DataError(`${name}:${first.line}:${first.column} ${first.message}`);
  const data = source.data !== null && typeof source.data === 'object' && !Array.isArray(source.data) ? (source.data as Record<string, unknown>) : undefined;
  if (!data) throw new DataError(`${name} does not hold a mapping of session fields`);
  return data;
}

function readFileBounded(abs: string, name: string): Buffer {
  const fd = openSync(abs, 'r');
  try {
    return readBounded(fd, name);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read to the end, but no more than a data file may hold: `--from /dev/zero` or an endless pipe is
 * refused instead of filling the memory. A pipe whose writer is slower than us (EAGAIN) is waited for.
 */
function readBounded(fd: number, name: string): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw new DataError(`${name} holds more than ${MAX_FILE_BYTES} bytes; a session is a few kilobytes`);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

const pause = new Int32Array(new SharedArrayBuffer(4));
