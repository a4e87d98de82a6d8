import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';

test('suspend keeps a private partnership file private, and its byte-order mark', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/durban-mzuzu/partnership.yaml');
  writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8')}`);
  chmodSync(file, 0o600);
  const r = mentor(['suspend', 'durban-mzuzu', '--reason', 'local elections postponed', '--date', '2011-04-01'], { cwd: root });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, '#'.charCodeAt(0)]);
  expect(bytes.toString('utf8')).toMatch(/^status: suspended$/m);
});
