import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { BIN, copyOfExamples, EXAMPLES } from '../helpers/cli.js';
import { HANG_MS, LONG } from '../robustness/figures.js';

// /dev/full takes no byte: every write fails with ENOSPC, as on a full disk.
const hasFull = existsSync('/dev/full');
const full = hasFull ? openSync('/dev/full', 'w') : -1;
afterAll(() => {
  if (hasFull) closeSync(full);
});

function mentorInto(args: string[], stdout: 'full' | 'pipe', stderr: 'full' | 'pipe' = 'pipe', cwd = EXAMPLES) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '' },
    stdio: ['ignore', stdout === 'full' ? full : 'pipe', stderr === 'full' ? full : 'pipe'],
    encoding: 'utf8',
    timeout: HANG_MS,
  });
  return { code: r.status, stderr: r.stderr ?? '' };
}

// A table, a document, commander's help and the shim's --version: each way output is written;
// the other commands with MENTOR_LONG=1.
const OUTPUTS = [
  { args: ['status', '--as-of', '2011-03-31'], always: true },
  { args: ['status', 'bergen-mombasa', '--as-of', '2011-03-31'] },
  { args: ['validate', '--as-of', '2011-03-31'] },
  { args: ['schema'] },
  { args: ['report', 'bergen-mombasa', '--kind', 'tor', '--stdout', '--as-of', '2011-03-31'], always: true },
  { args: ['--help'], always: true },
  { args: ['--version'], always: true },
];

test.skipIf(!hasFull).each(OUTPUTS.filter((o) => LONG || o.always).map((o) => [o.args]))('mentor %j >/dev/full: one line on stderr, exit 2, no stack trace', (args) => {
  const r = mentorInto(args, 'full');
  expect(r.stderr).toBe('mentor: cannot write to standard output: no space left on the device (ENOSPC)\n');
  expect(r.code).toBe(2);
});

test.skipIf(!hasFull)('suspend >/dev/full: the change is saved, and said to be', () => {
  const root = copyOfExamples();
  const r = mentorInto(['suspend', 'bergen-mombasa', '--reason', 'local elections postponed', '--date', '2011-04-01'], 'full', 'pipe', root);
  expect(r.stderr).toBe('mentor: cannot write to standard output: no space left on the device (ENOSPC); the change itself was saved\n');
  expect(r.code).toBe(2);
  expect(readFileSync(path.join(root, 'partnerships/bergen-mombasa/partnership.yaml'), 'utf8')).toMatch(/^status: suspended$/m);
});

test.skipIf(!hasFull)('standard error to /dev/full keeps the exit code of the failure (2 stays 2)', () => {
  expect(mentorInto(['status', 'no-such-partnership'], 'pipe', 'full').code).toBe(2);
  expect(mentorInto(['report', 'bergen-mombasa', '--kind', 'minutes'], 'pipe', 'full').code).toBe(2);
  expect(mentorInto(['validate', '--as-of', '2011-03-31'], 'full', 'full').code).toBe(2);
});

test('a reader that goes away (| head) is no error: quiet, and the exit code of the command', () => {
  const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" schema | head -c 10 >/dev/null`], { cwd: EXAMPLES, encoding: 'utf8', env: { ...process.env, DEBUG: '' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test.skipIf(!hasFull)('a job summary ($GITHUB_STEP_SUMMARY) on a full device: one line, exit 2, not a bug', () => {
  const r = spawnSync(process.execPath, [BIN, 'validate', '--format', 'github', '--as-of', '2011-03-31'], {
    cwd: EXAMPLES,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '', GITHUB_STEP_SUMMARY: '/dev/full' },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('mentor: cannot write /dev/full: no space left on the device (ENOSPC); the summary is incomplete\n');
  expect(r.status).toBe(2);
});
