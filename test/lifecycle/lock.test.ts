// The lock that serialises edits of one partnership file: a live owner makes others wait and then
// give up (exit 2); an owner that is gone, or a lock far too old, is broken.

import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentorError, UsageError } from '../../src/errors.js';
import { changeStatus } from '../../src/ops/status-change.js';
import { openRepository } from '../../src/store/repository.js';
import { LOCK_STALE_MS, LOCK_WAIT_MS, withLock } from '../../src/store/lock.js';
import { copyOfExamples, tempDir } from '../helpers/cli.js';
import { deadPid, readPartnershipText } from './support.js';

const owner = (pid: number, host = hostname(), time = Date.now()) => JSON.stringify({ pid, host, time, token: 'held-by-the-test' });

function lockIn(dir = tempDir()): string {
  return path.join(dir, '.partnership.yaml.lock');
}

/** Run withLock and report how it ended and how long it took. */
function attempt(lockPath: string, waitMs: number): { called: boolean; error?: unknown; ms: number } {
  const started = Date.now();
  let called = false;
  try {
    withLock(lockPath, () => (called = true), { waitMs });
    return { called, ms: Date.now() - started };
  } catch (error) {
    return { called, error, ms: Date.now() - started };
  }
}

describe('withLock', () => {
  it('waits for a lock held by a live process (this one), then fails with a usage error (exit 2), leaving the lock alone', () => {
    const lock = lockIn();
    const content = owner(process.pid);
    writeFileSync(lock, content);
    const result = attempt(lock, 300);
    expect(result.called).toBe(false);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as MentorError).exitCode).toBe(2);
    expect((result.error as MentorError).message).toContain(`process ${process.pid}`);
    expect((result.error as MentorError).hint).toContain(lock);
    // It waited the time it was given, not the default LOCK_WAIT_MS.
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(result.ms).toBeLessThan(LOCK_WAIT_MS);
    expect(readFileSync(lock, 'utf8')).toBe(content);
  });

  it('waits 10 seconds by default: long enough for another edit, short enough for a script', () => {
    expect(LOCK_WAIT_MS).toBe(10_000);
    expect(LOCK_STALE_MS).toBeGreaterThan(LOCK_WAIT_MS);
  });

  it('breaks a lock whose process is gone, runs the edit and leaves no lock or stale copy behind', () => {
    const dir = tempDir();
    const lock = lockIn(dir);
    writeFileSync(lock, owner(deadPid()));
    const result = attempt(lock, 300);
    // No error within the 300 ms it may wait: it broke the lock instead of waiting it out.
    expect(result.error).toBeUndefined();
    expect(result.called).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('breaks a lock of a live process when it is older than LOCK_STALE_MS (a reused pid, a machine that rebooted)', () => {
    const dir = tempDir();
    const lock = lockIn(dir);
    writeFileSync(lock, owner(process.pid, hostname(), Date.now() - LOCK_STALE_MS - 60_000));
    const old = (Date.now() - LOCK_STALE_MS - 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(attempt(lock, 300)).toEqual({ called: true, ms: expect.any(Number) });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not break a fresh lock of another machine, even with a pid unknown here', () => {
    const lock = lockIn();
    writeFileSync(lock, owner(deadPid(), `not-${hostname()}`));
    const result = attempt(lock, 200);
    expect(result.called).toBe(false);
    expect((result.error as MentorError).exitCode).toBe(2);
    expect(existsSync(lock)).toBe(true);
  });

  it('judges a lock it cannot read (being written, or damaged) by its age', () => {
    const dir = tempDir();
    const lock = lockIn(dir);
    writeFileSync(lock, '{"pid": 12');
    const fresh = attempt(lock, 200);
    expect(fresh.called).toBe(false);
    expect((fresh.error as MentorError).exitCode).toBe(2);
    const old = (Date.now() - LOCK_STALE_MS - 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(attempt(lock, 200)).toEqual({ called: true, ms: expect.any(Number) });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('holds a lock naming this process while the edit runs, and releases it when the edit throws', () => {
    const dir = tempDir();
    const lock = lockIn(dir);
    expect(() =>
      withLock(lock, () => {
        const held = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string; token: string };
        expect(held).toMatchObject({ pid: process.pid, host: hostname() });
        expect(held.token).toMatch(/^[0-9a-f]+$/);
        throw new Error('the edit failed');
      }),
    ).toThrow('the edit failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not delete a lock that is no longer its own at release (someone broke it and took it)', () => {
    const lock = lockIn();
    const other = owner(process.pid);
    withLock(lock, () => writeFileSync(lock, other));
    expect(readFileSync(lock, 'utf8')).toBe(other);
  });
});

describe('edits of a partnership under its lock', () => {
  it('suspend breaks a stale lock left by a killed process and succeeds', () => {
    const root = copyOfExamples();
    const lock = path.join(root, 'partnerships/durban-mzuzu/.partnership.yaml.lock');
    writeFileSync(lock, owner(deadPid()));
    const result = changeStatus(openRepository(root), { id: 'durban-mzuzu', action: 'suspend', date: '2011-04-01', today: '2011-04-01', reason: 'Local elections postponed' });
    expect(result.refusal).toBeUndefined();
    expect(readPartnershipText(root, 'durban-mzuzu')).toContain('  - status: suspended\n    date: 2011-04-01\n    reason: Local elections postponed\n');
    expect(readdirSync(path.dirname(lock)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
