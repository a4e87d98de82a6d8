import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built binary: global-setup's private snapshot of the build when there is one. */
export const BIN = process.env.MENTOR_TEST_BIN ?? path.join(ROOT, 'bin/mentor.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawn the built binary without a terminal, as CI does. */
export function mentor(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
    // A whole repository's problems as JSON can pass the default megabyte.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'mentor-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A temporary copy of the examples repository (or another fixture), removed after the test. */
export function copyOfExamples(source = EXAMPLES): string {
  const dir = tempDir();
  cpSync(source, dir, { recursive: true });
  return dir;
}
