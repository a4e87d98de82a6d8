import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateRepository } from '../../bench/generate.mjs';
import { mentor, tempDir } from '../helpers/cli.js';
import { damage, random } from '../helpers/damage.js';
import { cases, LONG } from '../robustness/figures.js';

// Every speed-up (the js-yaml fast path, worker threads) must give exactly the problems, positions,
// codes and messages of a plain single-threaded run with the positioned parser.

describe('validate gives the same results with and without its speed-ups', () => {
  // `npm test` keeps more than two of the pool's chunks of 50 partnerships (src/ops/pool.ts), so
  // that a worker and this thread each validate a share, with fewer sessions each; the long run
  // has 160 partnerships of about ten sessions.
  const partnerships = cases(110, 160);
  const sessionsEach = cases(2, 10);
  const damaged = cases(20, 40);
  // A generous limit: the verdict must not depend on how busy the machine is.
  it(`on a generated repository of ${partnerships} partnerships with ${damaged} damaged files`, { timeout: 180_000 }, () => {
    const root = tempDir();
    (generateRepository as (dir: string, count: number, seed: number, sessionsEach: number) => number)(root, partnerships, 7, sessionsEach);
    const rand = random(7);
    const ids = readdirSync(path.join(root, 'partnerships'));
    for (let n = 0; n < damaged; n++) {
      const id = ids[Math.floor(rand() * ids.length)]!;
      const sessions = readdirSync(path.join(root, 'partnerships', id, 'sessions'));
      const file = rand() < 0.3 ? path.join(root, 'partnerships', id, 'partnership.yaml') : path.join(root, 'partnerships', id, 'sessions', sessions[0]!);
      writeFileSync(file, damage(readFileSync(file, 'utf8'), rand));
    }
    const run = (env: Record<string, string>) => mentor(['validate', '-C', root, '--format', 'json', '--as-of', '2016-06-30'], { env });
    // Two threads asked for by number: the pool shares even this small repository.
    const fast = run({ MENTOR_THREADS: '2' });
    const oneThread = run({ MENTOR_THREADS: '1' });
    const plain = run({ MENTOR_THREADS: '1', MENTOR_FAST_PATH: '0' });
    expect(fast.code).toBe(1);
    const report = JSON.parse(fast.stdout) as { problems: unknown[]; errors: number; warnings: number };
    expect(report.errors).toBeGreaterThan(0);
    expect(report.warnings).toBeGreaterThan(0);
    expect(oneThread.stdout).toBe(fast.stdout);
    expect(plain.stdout).toBe(fast.stdout);
    expect([oneThread.code, plain.code]).toEqual([1, 1]);
    // The text format (source lines and carets) agrees too: threads and the fast path against
    // neither (with MENTOR_LONG=1; the source lines come from the same files in both formats).
    if (!LONG) return;
    const text = (env: Record<string, string>) => mentor(['validate', '-C', root, '--as-of', '2016-06-30'], { env }).stdout;
    expect(text({ MENTOR_THREADS: '2' })).toBe(text({ MENTOR_THREADS: '1', MENTOR_FAST_PATH: '0' }));
  });
});
