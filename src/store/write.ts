import { appendFileSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replace a file atomically: write a temporary file in the same folder, fsync it, rename it over
 * the target, fsync the folder. A crash leaves either the old file or the new one, never half.
 */
export function writeFileAtomic(abs: string, text: string | Uint8Array): void {
  const dir = path.dirname(abs);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeFileSync(fd, text); // writes all of it, text or bytes (a PDF)
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

/**
 * Create a new file with its whole content, never replacing one that exists: the text goes to a
 * temporary file first, which is then hard-linked to its name (an atomic "create if absent").
 * Throws an error with code EEXIST when the name is taken.
 */
export function createFileExclusive(abs: string, text: string): void {
  const dir = path.dirname(abs);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, abs);
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(dir);
}
