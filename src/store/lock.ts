import { hostname } from 'node:os';
import { linkSync, readFileSync, renameSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isAlive, removeQuietly, scratchPath, tookOver, writeFailure, writeTemp } from './write.js';

/** How long to wait for another mentor process to finish its edit. */
export const LOCK_WAIT_MS = 10_000;
/** A lock older than this is stale even if its owner seems alive (a machine that rebooted, a reused pid). */
export const LOCK_STALE_MS = 2 * 60_000;

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  token: string;
}

/**
 * Run `fn` holding an exclusive lock file: edits of one file by several processes happen one after
 * another, and none is lost. A lock whose owner process is gone (killed mid-edit), or that is older
 * than LOCK_STALE_MS, is broken; waiting longer than LOCK_WAIT_MS is an error.
 */
export function withLock<T>(lockPath: string, fn: () => T, options: { waitMs?: number } = {}): T {
  const token = acquire(lockPath, options.waitMs ?? LOCK_WAIT_MS);
  try {
    return fn();
  } finally {
    release(lockPath, token);
  }
}

function acquire(lockPath: string, waitMs: number): string {
  const me: LockOwner = { pid: process.pid, host: hostname(), time: Date.now(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + waitMs;
  let pause = 5;
  // The lock is linked from a file already holding its owner: it never exists empty, so a process
  // killed while taking it leaves a lock that names a dead owner, which the next one breaks.
  const written = writeTemp(lockPath, JSON.stringify(me), { sync: false });
  try {
    for (;;) {
      try {
        linkSync(written, lockPath);
        return me.token;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw tookOver(lockedFile(lockPath), written, error) ?? writeFailure(lockPath, error, 'nothing was changed');
        }
      }
      const owner = readOwner(lockPath);
      if (owner === 'gone') continue;
      if (isStale(lockPath, owner)) {
        breakLock(lockPath, owner);
        continue;
      }
      if (Date.now() > deadline) {
        const who = owner ? `process ${owner.pid} on ${owner.host}` : 'another process';
        throw new UsageError(`the partnership is being edited by ${who}; try again in a moment`, `if no mentor command is running, delete ${lockPath}`);
      }
      sleep(pause);
      pause = Math.min(pause * 2, 100);
    }
  } finally {
    removeQuietly(written);
  }
}

/** The file a lock guards: `.partnership.yaml.lock` guards `partnership.yaml`. */
function lockedFile(lockPath: string): string {
  return path.join(path.dirname(lockPath), path.basename(lockPath).replace(/^\./, '').replace(/\.lock$/, ''));
}

function readOwner(lockPath: string): LockOwner | undefined | 'gone' {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return undefined; // being written right now, or damaged: judged by its age
  }
}

function isStale(lockPath: string, owner: LockOwner | undefined): boolean {
  if (owner && owner.host === hostname() && !isAlive(owner.pid)) return true;
  try {
    return Date.now() - statSync(lockPath).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

/** Move the stale lock aside atomically and delete it only if it is still the one judged stale. */
function breakLock(lockPath: string, stale: LockOwner | undefined): void {
  const aside = scratchPath(lockPath, 'stale');
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  const taken = readOwner(aside);
  const same = taken !== 'gone' && (stale === undefined ? taken === undefined : taken?.token === stale.token);
  if (!same) {
    // A fresh lock was taken between our look and the rename: give it back.
    try {
      linkSync(aside, lockPath);
    } catch {
      // the owner will find its lock gone at release; nothing else to do
    }
  }
  removeQuietly(aside);
}

function release(lockPath: string, token: string): void {
  const owner = readOwner(lockPath);
  // A lock that cannot be removed names this process, which is about to end: the next one breaks it.
  if (owner !== 'gone' && owner?.token === token) removeQuietly(lockPath);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
