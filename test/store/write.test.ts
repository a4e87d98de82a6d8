import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { replaceFile, writeFileAtomic } from '../../src/store/write.js';
import { tempDir } from '../helpers/cli.js';

const mode = (file: string) => statSync(file).mode & 0o7777;

test.each([0o600, 0o640, 0o755, 0o444])('a rewritten file keeps its mode %o', (before) => {
  const file = path.join(tempDir(), 'partnership.yaml');
  writeFileSync(file, 'id: bergen-mombasa\n');
  chmodSync(file, before);
  writeFileAtomic(file, 'id: bergen-mombasa\nstatus: suspended\n');
  expect(mode(file)).toBe(before);
  expect(readFileSync(file, 'utf8')).toContain('suspended');
});

test.skipIf(process.getuid?.() !== 0)('a rewritten file keeps its owner (where this user may give files away)', () => {
  const file = path.join(tempDir(), 'partnership.yaml');
  writeFileSync(file, 'id: durban-mzuzu\n');
  chownSync(file, 4321, 4321);
  writeFileAtomic(file, 'id: durban-mzuzu\n# edited\n');
  expect([statSync(file).uid, statSync(file).gid]).toEqual([4321, 4321]);
});

test('a new file follows the umask', () => {
  const previous = process.umask(0o027);
  try {
    const file = path.join(tempDir(), 'new.yaml');
    writeFileAtomic(file, 'id: rosario-ciudad-sur\n');
    expect(mode(file)).toBe(0o640);
    process.umask(0o002);
    const other = path.join(tempDir(), 'sessions', 'new.yaml');
    writeFileAtomic(other, 'title: x\n');
    expect(mode(other)).toBe(0o664);
  } finally {
    process.umask(previous);
  }
});

test('a byte-order mark survives a rewrite, once', () => {
  const file = path.join(tempDir(), 'partnership.yaml');
  writeFileSync(file, '\uFEFFid: ekurhuleni-blantyre\n');
  expect(replaceFile(file, 'id: ekurhuleni-blantyre\nstatus: active\n', 'id: ekurhuleni-blantyre\n')).toBe(true);
  expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  writeFileAtomic(file, '\uFEFFid: ekurhuleni-blantyre\n');
  expect(readFileSync(file, 'utf8')).toBe('\uFEFFid: ekurhuleni-blantyre\n');
  const plain = path.join(tempDir(), 'plain.yaml');
  writeFileSync(plain, 'id: x\n');
  writeFileAtomic(plain, 'id: y\n');
  expect(readFileSync(plain, 'utf8')).toBe('id: y\n');
});
