import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { requireMethod } from '../../src/ops/method.js';
import { chunked, forEachFolder } from '../../src/ops/pool.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples } from '../helpers/cli.js';

describe('chunks of partnership folders for the threads', () => {
  it.each([
    [0, 2],
    [1, 2],
    [7, 1],
    [999, 2],
    [10_000, 2],
    [10_001, 8],
  ])('%i folders on %i threads: every folder once, in order, chunks of at most 50 that shrink towards the end', (count, threads) => {
    const ids = Array.from({ length: count }, (_, i) => `p-${i}`);
    const chunks = chunked(ids, threads);
    expect(chunks.flat()).toEqual(ids);
    const sizes = chunks.map((c) => c.length);
    for (const [i, size] of sizes.entries()) {
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(50);
      if (i > 0) expect(size).toBeLessThanOrEqual(sizes[i - 1]!);
    }
    if (count >= 10_000) {
      expect(sizes[0]).toBe(50);
      expect(sizes.at(-1)).toBeLessThanOrEqual(5);
    }
  });
});

describe('one listing of the repository per run', () => {
  it('checks many chunks of folders with links between partnerships, listing the ids once', async () => {
    const root = copyOfExamples();
    // 30 copies of the phase 2 that links to its pilot: many chunks, each with a link to check.
    const from = path.join(root, 'partnerships', 'durban-mzuzu-phase-2');
    for (let i = 0; i < 30; i++) {
      const to = path.join(root, 'partnerships', `durban-mzuzu-phase-2-copy-${i}`);
      cpSync(from, to, { recursive: true });
      const file = path.join(to, 'partnership.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: .*$/m, `id: durban-mzuzu-phase-2-copy-${i}`));
    }
    const repo = openRepository(root, { threads: 1 });
    const ids = repo.partnerships().ids;
    const listings = vi.spyOn(repo, 'partnerships');
    const results = await forEachFolder(repo, requireMethod(repo), ids, { kind: 'check', today: '2016-06-30', sourceLines: false });
    expect(results.length).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.problems).filter((p) => p.code === 'MTR045')).toEqual([]);
    expect(listings).toHaveBeenCalledTimes(1);
  });
});
