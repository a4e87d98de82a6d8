// A long report read through a pipe by a reader that stops and starts (a CI log collector, a
// `| less`): the binary must wait for the pipe, write everything, and exit with its own code. A
// last small write that the pipe takes late never asks for "drain"; waiting for that event alone
// ended the process with Node's exit 13 (a top-level await never settled) in 6 runs of 40.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyOfExamples } from '../helpers/cli.js';
import { cases } from '../robustness/figures.js';
import { pool } from '../robustness/support.js';

/**
 * Unknown keys in one session, one error each: in the long run 10,000 (about 4 MB of JSON); in
 * `npm test` 2,000, still a dozen times what a pipe holds.
 */
const UNKNOWN_KEYS = cases(2_000, 10_000);

/** The examples with one session holding UNKNOWN_KEYS unknown keys: a report of as many errors. */
function repositoryWithALongReport(): string {
  const root = copyOfExamples();
  const sessions = path.join(root, 'partnerships/durban-mzuzu/sessions');
  const file = path.join(sessions, readdirSync(sessions).sort()[0]!);
  writeFileSync(file, `${readFileSync(file, 'utf8')}${Array.from({ length: UNKNOWN_KEYS }, (_, i) => `k${i}: v\n`).join('')}`);
  return root;
}

/** Run the binary with its standard output read in fits and starts, by a seeded schedule. */
function readSlowly(args: string[], cwd: string, seed: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (random() < 0.3) {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), random() * 30);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a long report into a pipe read in fits and starts', () => {
  const RUNS = cases(2, 40);
  it(`${RUNS} runs of validate: every one exits 1 with the whole report`, async () => {
    const root = repositoryWithALongReport();
    const runs = await pool(Array.from({ length: RUNS }, (_, i) => i), 3, (i) =>
      readSlowly(['validate', '--as-of', '2011-04-01', ...(i % 2 === 0 ? ['--format', 'json'] : [])], root, 1000 + i),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.code, `run ${i + 1}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toBe('');
      if (i % 2 === 0) expect((JSON.parse(run.stdout) as { errors: number }).errors).toBe(UNKNOWN_KEYS);
      else expect(run.stdout).toMatch(new RegExp(`files checked: ${UNKNOWN_KEYS} errors, \\d+ warnings\\n$`));
    }
  });
});
