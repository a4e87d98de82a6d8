import { appendFileSync, closeSync, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import { MentorError, UsageError } from '../errors.js';

// Every temporary file is named `.<target>.<host>-<pid>-<random>.tmp` (and a lock moved aside
// `.<lock>.<host>-<pid>-<random>.stale`). A process killed with SIGKILL cannot remove its own; the
// next write in the same folder does, once the process that made it is gone.

const HOST = createHash('sha1').update(hostname()).digest('hex').slice(0, 6);
const LEFTOVER = /^\..*\.([0-9a-f]{6})-(\d+)-[0-9a-f]{12}\.(?:tmp|stale)$/;
/** A leftover this old is removed whoever made it (another machine's process, on a shared folder). */
export const LEFTOVER_STALE_MS = 2 * 60_000;

/** A name beside `abs` for a file of this process only, hidden, with the suffix given. */
export function scratchPath(abs: string, suffix: 'tmp' | 'stale'): string {
  const base = path.basename(abs);
  const hidden = base.startsWith('.') ? base : `.${base}`;
  return path.join(path.dirname(abs), `${hidden}.${HOST}-${process.pid}-${randomBytes(6).toString('hex')}.${suffix}`);
}

/** Whether a process of this machine is still running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files and stale locks that killed processes left in a folder. Best effort. */
export function sweepLeftovers(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m) continue;
    const abs = path.join(dir, name);
    try {
      const gone = m[1] === HOST && Number(m[2]) !== process.pid && !isAlive(Number(m[2]));
      // A staging folder (see createWithFolder) goes with its content.
      if (gone || Date.now() - lstatSync(abs).mtimeMs > LEFTOVER_STALE_MS) rmSync(abs, { recursive: true, force: true });
    } catch {
      // removed by someone else meanwhile, or not ours to remove
    }
  }
}

/**
 * Write `text` to a new temporary file beside `abs` (fsynced unless `sync` is false) and return its
 * path. On failure nothing is left behind and a UsageError says why.
 */
export function writeTemp(abs: string, text: string | Uint8Array, options: { sync?: boolean; like?: Stats } = {}): string {
  const dir = path.dirname(abs);
  ensureFolder(dir, abs);
  sweepLeftovers(dir);
  const temp = scratchPath(abs, 'tmp');
  let fd: number | undefined;
  try {
    // A new file follows the umask; a replacement takes the mode and owner of the file it replaces.
    fd = openSync(temp, 'wx', 0o666);
    if (options.like) keepModeAndOwner(fd, options.like);
    writeFileSync(fd, text); // writes all of it, text or bytes (a PDF)
    if (options.sync !== false) fsyncSync(fd);
    const done = fd;
    fd = undefined;
    closeSync(done);
  } catch (error) {
    if (fd !== undefined) quietly(() => closeSync(fd!));
    removeQuietly(temp);
    throw writeFailure(abs, error, 'nothing was written to it');
  }
  return temp;
}

/**
 * Replace a file atomically: write a temporary file in the same folder, fsync it, rename it over
 * the target, fsync the folder. A crash leaves either the old file or the new one, never half.
 */
export function writeFileAtomic(abs: string, text: string | Uint8Array): void {
  replaceFile(abs, text);
}

/**
 * Like writeFileAtomic, but only if the file still holds `expected` just before the rename (someone
 * saving it in an editor meanwhile is not overwritten). Returns whether it was replaced.
 */
export function replaceFile(abs: string, text: string | Uint8Array, expected?: string): boolean {
  const before = statQuietly(abs);
  const temp = writeTemp(abs, typeof text === 'string' && before?.isFile() && startsWithBom(abs) ? `\uFEFF${text.replace(/^\uFEFF/, '')}` : text, before?.isFile() ? { like: before } : {});
  try {
    if (expected !== undefined && currentText(abs) !== expected) {
      removeQuietly(temp);
      return false;
    }
    renameSync(temp, abs);
  } catch (error) {
    removeQuietly(temp);
    throw tookOver(abs, temp, error) ?? writeFailure(abs, error, 'the file was left as it was');
  }
  syncFolder(path.dirname(abs));
  return true;
}

/** chmod and (where this user may) chown a new file to match the one it replaces: `chmod 600` stays 600. */
function keepModeAndOwner(fd: number, like: Stats): void {
  // chown first: it clears set-id bits, which the chmod then restores.
  if (typeof process.getuid === 'function' && (like.uid !== process.getuid() || like.gid !== process.getgid?.())) {
    try {
      fchownSync(fd, like.uid, like.gid);
    } catch {
      // Only root may give a file away; the file then belongs to whoever rewrote it, as with any editor.
    }
  }
  fchmodSync(fd, like.mode & 0o7777);
}

function statQuietly(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/** Whether a file starts with a UTF-8 byte-order mark, which a rewrite keeps (some Windows editors want it). */
function startsWithBom(abs: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && BOM.every((byte, i) => head[i] === byte);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) quietly(() => closeSync(fd!));
  }
}

/** A file's text decoded as readSource decodes it (a byte-order mark dropped); undefined when absent. */
function currentText(abs: string): string | undefined {
  try {
    return new TextDecoder('utf-8').decode(readFileSync(abs));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) quietly(() => closeSync(fd!));
  }
}

/** Append text to a file, creating it when missing (for $GITHUB_STEP_SUMMARY); a failure is said, exit 2. */
export function appendText(abs: string, text: string): void {
  try {
    appendFileSync(abs, text);
  } catch (error) {
    throw writeFailure(abs, error, 'the summary is incomplete');
  }
}

/**
 * Create a new file with its whole content, never replacing one that exists: the text goes to a
 * temporary file first, which is then hard-linked to its name (an atomic "create if absent").
 * Throws an error with code EEXIST when the name is taken.
 */
export function createFileExclusive(abs: string, text: string): void {
  if (!exists(path.dirname(abs)) && createWithFolder(abs, text)) return;
  const temp = writeTemp(abs, text);
  try {
    linkSync(temp, abs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    throw writeFailure(abs, error, 'no file was created');
  } finally {
    removeQuietly(temp);
  }
  syncFolder(path.dirname(abs));
}

/**
 * Create a missing folder together with its first file (a new partnership, a first session): both
 * are written in a hidden staging folder that is then renamed into place, so a process killed
 * meanwhile leaves no empty folder behind. Returns false when the folder appeared meanwhile.
 */
function createWithFolder(abs: string, text: string): boolean {
  const dir = path.dirname(abs);
  ensureFolder(path.dirname(dir), abs);
  sweepLeftovers(path.dirname(dir));
  const staging = scratchPath(dir, 'tmp');
  try {
    mkdirSync(staging);
    const fd = openSync(path.join(staging, path.basename(abs)), 'wx', 0o666);
    try {
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(staging, dir);
  } catch (error) {
    removeQuietly(staging);
    const code = (error as NodeJS.ErrnoException).code;
    // Someone made the folder first: create the file in it as usual.
    if ((code === 'EEXIST' || code === 'ENOTEMPTY') && exists(dir)) return false;
    throw writeFailure(abs, error, 'nothing was written to it');
  }
  syncFolder(path.dirname(dir));
  return true;
}

/**
 * The error to report when a file of this process vanished from a folder that is still there: this
 * process was stopped (Ctrl-Z, a debugger, a frozen machine) long enough for another mentor to judge
 * its lock stale, break it, and sweep its temporary files. Undefined for any other failure.
 */
export function tookOver(abs: string, scratch: string, error: unknown): UsageError | undefined {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT' || exists(scratch) || !exists(path.dirname(abs))) return undefined;
  return new UsageError(
    `another mentor process took the lock of ${abs} while this one was stopped (it judged the lock stale, broke it and removed this one's temporary file); nothing was written`,
    'run the command again: it starts from the file as it is now',
  );
}

/** Create a folder and its parents; a failure names the real cause, not recursive mkdir's ENOENT. */
function ensureFolder(dir: string, abs: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    let cause: unknown = error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // On a read-only file system recursive mkdir says ENOENT: the first missing level alone says why.
      let missing = dir;
      while (path.dirname(missing) !== missing && !exists(path.dirname(missing))) missing = path.dirname(missing);
      try {
        mkdirSync(missing);
      } catch (inner) {
        cause = inner;
      }
    }
    throw writeFailure(abs, cause, 'nothing was written to it');
  }
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EIO: 'an input/output error on the device',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file is where a folder should be',
  EISDIR: 'a folder is in the way',
  ENOENT: 'a folder on the way is missing',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EMLINK: 'too many links',
  ELOOP: 'too many symbolic links on the way',
};

/**
 * A file-system failure as the environment problem it is (exit 2), in words a user can act on.
 * Anything but a file-system error is passed on unchanged.
 */
export function writeFailure(abs: string, error: unknown, outcome: string): unknown {
  if (error instanceof MentorError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return error;
  return new UsageError(`cannot write ${abs}: ${REASONS[code] ?? 'the file system refused'} (${code}); ${outcome}`);
}

function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // best effort
  }
}

/** Remove a file or folder if it is there; a failure is ignored (a leftover is swept later). */
export function removeQuietly(file: string): void {
  quietly(() => rmSync(file, { recursive: true, force: true }));
}
