import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2011-03-31'];

/** Bergen – Mombasa with a title that would set the window title and clear the screen, and a session title with a newline. */
function plantedRepository(): string {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/bergen-mombasa/partnership.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Bergen – Mombasa land use', 'title: "Bergen \\e]0;PWNED\\a\\e[2J"'));
  const session = path.join(root, 'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml');
  writeFileSync(session, readFileSync(session, 'utf8').replace(/^title: .*$/m, 'title: "Study visit\\nto Bergen \\e[8m hidden"'));
  return root;
}

test('status, status <id> and session list show control characters escaped, never raw', () => {
  const root = plantedRepository();
  for (const args of [['status'], ['status', 'bergen-mombasa'], ['session', 'list', 'bergen-mombasa']]) {
    const r = mentor([...args, ...(args[0] === 'status' ? AS_OF : [])], { cwd: root });
    expect(r.code, args.join(' ')).toBe(0);
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    if (args[0] === 'session') expect(r.stdout).toContain('Study visit\\nto Bergen \\x1b[8m hidden');
    if (args[1] === 'bergen-mombasa' && args[0] === 'status') expect(r.stdout).toContain('Bergen \\x1b]0;PWNED\\x07\\x1b[2J');
  }
});

test('validate warns MTR019 at the line and column of each text', () => {
  const root = plantedRepository();
  const r = mentor(['validate', '--format', 'json', ...AS_OF], { cwd: root });
  const problems = (JSON.parse(r.stdout) as { problems: { file: string; line: number; column: number; code: string; severity: string }[] }).problems.filter((p) => p.code === 'MTR019');
  expect(problems.map(({ file, line, column, severity }) => ({ file, line, column, severity }))).toEqual([
    { file: 'partnerships/bergen-mombasa/partnership.yaml', line: 4, column: 8, severity: 'warning' },
    { file: 'partnerships/bergen-mombasa/sessions/2010-10-18-study-visit-to-bergen.yaml', line: 4, column: 8, severity: 'warning' },
  ]);
  const text = mentor(['validate', ...AS_OF], { cwd: root });
  expect(text.stdout).toMatch(/partnerships\/bergen-mombasa\/partnership\.yaml:4:8 warning MTR019 the text holds a control character \(\\x1b/);
  expect(text.stdout).not.toContain('\u001b');
});

test('an error message that quotes a path or the data escapes it on stderr', () => {
  const root = copyOfExamples();
  writeFileSync(path.join(root, 'in\u001b[2Jthe-way'), 'a file where a folder should be');
  const r = mentor(['report', 'bergen-mombasa', '--kind', 'tor', '--out', 'in\u001b[2Jthe-way/reports', ...AS_OF], { cwd: root });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^mentor: cannot write .*in\\x1b\[2Jthe-way\/reports\/tor\.md/);
  expect(r.stderr).not.toContain('\u001b');
});
