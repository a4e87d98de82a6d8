import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/ops/shard.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    ['5/5', { index: 5, count: 5 }],
  ])('%s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['0/3', '4/3', '1/0', '1', '1/', '/2', 'a/b', '-1/2', '1.5/3', '1/2/3', ''])('%s is a usage error', (text) => {
    expect(() => parseShard(text)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('shardOf', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `city-${i}-town-${i * 7}`);

  it('puts every id in one shard from 1 to n', () => {
    for (const n of [1, 2, 3, 5, 16]) {
      const seen = new Set(ids.map((id) => shardOf(id, n)));
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  it('depends on the id alone (a known value pins the hash across versions)', () => {
    expect(shardOf('johannesburg-lilongwe', 4)).toBe(shardOf('johannesburg-lilongwe', 4));
    expect([1, 2, 3, 4, 5].map((n) => shardOf('johannesburg-lilongwe', n))).toMatchInlineSnapshot(`
      [
        1,
        2,
        1,
        4,
        5,
      ]
    `);
  });

  it('shares the ids about evenly', () => {
    const counts = [0, 0, 0, 0];
    for (const id of ids) counts[shardOf(id, 4) - 1]!++;
    for (const count of counts) expect(count).toBeGreaterThan(400);
  });
});
