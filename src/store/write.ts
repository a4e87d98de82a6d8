import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replace a file atomically: write a temporary file in the same folder, fsync it, rename it over
 * the target, fsync the folder. A crash leaves either the old file or the new one, never half.
 */
export function writeFileAtomic(abs: string, text: string): void {
  const dir = path.dirname(abs);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, abs);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Append text to a file, creating it when missing (for $GITHUB_STEP_SUMMARY). */
export function appendText(abs: string, text: string): void {
  appendFileSync(abs, text);
}
