// Every case of the exit-code table, run in process through `run(argv, io)` without a terminal:
// the same code path as the binary, minus the process start (the binary runs a representative
// part of the table in test/e2e/lifecycle-exit-codes.test.ts).

import { describe, it } from 'vitest';
import { run } from '../../src/cli.js';
import { CASES, checkCase, type Runner } from './exit-cases.js';
import { fakeIo } from './support.js';

const inProcess: Runner = async (args, cwd) => {
  const io = fakeIo(cwd, undefined, { terminal: false });
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err() };
};

describe('exit codes, in process', () => {
  // Standard input belongs to the test runner here; the binary's test covers `--from -`.
  it.each(CASES.filter((c) => c.stdin === undefined))('$name → $code', (c) => checkCase(inProcess, c));
});
