import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';

test('session list with a file left in merge conflict: the readable sessions, the problem on stderr as validate shows it, exit 1', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8')
      .replace('title: ', '<<<<<<< HEAD\ntitle: ')
      .replace('\ntype:', '\n=======\ntitle: Study visit to Bergen (draft)\n>>>>>>> feature/visit\ntype:'),
  );
  const r = mentor(['session', 'list', 'bergen-mombasa'], { cwd: root });
  expect(r.stdout).toMatch(/^1 {2}2010-06-07/m);
  expect(r.stdout).not.toContain('2010-10-18');
  expect(r.stderr).toContain(
    'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml:4:1 error MTR001 unresolved merge-conflict markers (<<<<<<<, =======, >>>>>>>): a merge left both versions in the file',
  );
  expect(r.code).toBe(1);
  const json = mentor(['session', 'list', 'bergen-mombasa', '--json'], { cwd: root });
  expect(json.code).toBe(1);
  expect((JSON.parse(json.stdout) as { sessions: { date: string }[] }).sessions.map((s) => s.date)).toEqual(['2010-06-07', '2011-02-14']);
});
