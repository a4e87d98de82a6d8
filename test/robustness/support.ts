// Shared by the robustness tests: running mentor in this process or as the real binary, and
// fingerprints of folders to prove what was (not) written.

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli.js';
import { fakeIo, spawnMentor } from '../lifecycle/support.js';
import { HANG_MS } from './figures.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  killed?: boolean;
}

/** Run the CLI in this process, as CI would (no terminal): thousands of cases cost seconds. */
export async function inProcess(args: string[], cwd: string): Promise<Ran> {
  const io = fakeIo(cwd, undefined, { terminal: false });
  const started = performance.now();
  const code = await run(args, io);
  return { code, stdout: io.out(), stderr: io.err(), ms: performance.now() - started };
}

/** Run the built binary, killed after `timeoutMs` (then reported as killed). */
export async function binary(args: string[], cwd: string, timeoutMs = HANG_MS): Promise<Ran> {
  const r = await spawnMentor(args, { cwd, timeoutMs });
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, ms: r.ms, killed: r.killed };
}

/** Run tasks with at most `limit` at a time (the machine has two cores). */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every entry under `dir` with a hash of its content (links by their target, not followed). */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, relPath);
      const stat = lstatSync(abs);
      if (stat.isSymbolicLink()) out[relPath] = `-> ${readlinkSync(abs)}`;
      else if (stat.isDirectory()) {
        out[`${relPath}/`] = 'folder';
        walk(relPath);
      } else if (stat.isFile()) out[relPath] = createHash('sha1').update(readFileSync(abs)).digest('hex');
      else out[relPath] = 'special';
    }
  };
  walk('');
  return out;
}

/** Temporary files and folders, stale locks and locks under `dir`: what a finished command must not leave. */
export function leftovers(dir: string): string[] {
  return Object.keys(fingerprint(dir)).filter((rel) => /(^|\/)\.[^/]*(\.tmp|\.stale|\.lock)\/?$/.test(rel));
}
