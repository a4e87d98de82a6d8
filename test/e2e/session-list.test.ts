import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';

test('session list with a file left in merge conflict: the row, the problem on stderr, exit 1', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('title: ', '<<<<<<< HEAD\ntitle: ')
      .replace('\ntype:', '\n=======\ntitle: Study visit to Bergen (draft)\n>>>>>>> feature/visit\ntype:'),
  );
  const r = mentor(['session', 'list', 'bergen-mombasa'], { cwd: root });
  expect(r.stdout).toMatch(/^2 {2}2010-10-18/m);
  expect(r.stderr).toBe(
    'mentor: partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml:4:1 MTR001 unresolved merge-conflict markers (<<<<<<<, =======, >>>>>>>): a merge left both versions in the file (`mentor validate` shows every problem)\n',
  );
  expect(r.code).toBe(1);
  const json = mentor(['session', 'list', 'bergen-mombasa', '--json'], { cwd: root });
  expect(json.code).toBe(1);
  expect((JSON.parse(json.stdout) as { sessions: { problem?: string }[] }).sessions[1]!.problem).toMatch(/:4:1 MTR001 unresolved merge-conflict markers/);
});
