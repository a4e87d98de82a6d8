import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';

test.each([
  [['status', '--as-of', '0050-06-15']],
  [['report', 'bergen-mombasa', '--kind', 'tor', '--stdout', '--as-of', '0050-06-15']],
  [['validate', '--as-of', '1899-12-31']],
  [['suspend', 'bergen-mombasa', '--reason', 'elections', '--date', '0011-04-01']],
])('mentor %j: exit 2, the date is before 1900', (args) => {
  const r = mentor([...args, '-C', EXAMPLES]);
  expect(r.stderr).toMatch(/^mentor: --(as-of|date) \d{4}-\d\d-\d\d is before 1900; mentor accepts dates from 1900-01-01/);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
});

test('a date before 1900 in a file is an error at its line and column (MTR014)', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2009-06-15', 'date: 0009-06-15'));
  const r = mentor(['validate', '--as-of', '2011-03-31'], { cwd: root });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/partnerships\/bergen-mombasa\/partnership\.yaml:29:11 error MTR014 "0009-06-15" is before 1900/);
});
