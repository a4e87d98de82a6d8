import { describe, expect, it } from 'vitest';
import { chunked } from '../../src/ops/pool.js';

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
