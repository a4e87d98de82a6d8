// A writer stopped (Ctrl-Z, a debugger) for longer than the stale limit finds, when it resumes,
// that another mentor broke its lock and swept its temporary file. It must say so, not "a folder on
// the way is missing", and write nothing. The sweep is simulated here, right before the link or
// rename that needs the vanished file.
import * as fs from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, test, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { withLock } from '../../src/store/lock.js';
import { replaceFile } from '../../src/store/write.js';
import { tempDir } from '../helpers/cli.js';

const sweepBefore = vi.hoisted(() => ({ link: false, rename: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    linkSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (sweepBefore.link && String(to).endsWith('.lock')) real.rmSync(from, { force: true });
      return real.linkSync(from, to);
    },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (sweepBefore.rename) real.rmSync(from, { force: true });
      return real.renameSync(from, to);
    },
  };
});

beforeEach(() => {
  sweepBefore.link = false;
  sweepBefore.rename = false;
});

test('taking the lock after its temporary file was swept: another process took the lock; nothing was written', () => {
  const dir = tempDir();
  const lock = path.join(dir, '.partnership.yaml.lock');
  sweepBefore.link = true;
  let ran = false;
  const error = (() => {
    try {
      withLock(lock, () => (ran = true), { waitMs: 100 });
    } catch (e) {
      return e;
    }
  })();
  expect(ran).toBe(false);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toBe(
    `another mentor process took the lock of ${path.join(dir, 'partnership.yaml')} while this one was stopped (it judged the lock stale, broke it and removed this one's temporary file); nothing was written`,
  );
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('replacing the file after its temporary file was swept: the same words, and the file as the other process left it', () => {
  const dir = tempDir();
  const file = path.join(dir, 'partnership.yaml');
  fs.writeFileSync(file, 'id: ekurhuleni-blantyre\nstatus: suspended\n');
  sweepBefore.rename = true;
  expect(() => replaceFile(file, 'id: ekurhuleni-blantyre\nstatus: active\n')).toThrow(/another mentor process took the lock of .*partnership\.yaml while this one was stopped.*nothing was written/);
  expect(fs.readFileSync(file, 'utf8')).toBe('id: ekurhuleni-blantyre\nstatus: suspended\n');
});
