// editDistanceWithin and closest stop early; they must give what the whole table gives. Checked
// against the plain algorithm (the full table of optimal string alignment) on random strings over
// small alphabets, where swaps, repeats and near misses are common.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, editDistanceWithin } from '../../src/util/text.js';

/** The whole table: insertions, deletions, substitutions and adjacent swaps. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The plain search: the first candidate at the smallest distance, if within a third of the word. */
function referenceClosest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = reference(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', 'A'), maxLength: 14 });

describe('edit distance', () => {
  it('is the whole table’s, and within a limit either exact or over it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
        const full = reference(a, b);
        expect(editDistance(a, b)).toBe(full);
        const within = editDistanceWithin(a, b, limit);
        if (full <= limit) expect(within).toBe(full);
        else expect(within).toBeGreaterThan(limit);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a swap of neighbours as one edit, across the rows where it stops early', () => {
    expect(editDistance('durban-mzuzu', 'durban-mzzuu')).toBe(1);
    expect(editDistanceWithin('ab', 'ba', 1)).toBe(1);
    expect(editDistanceWithin('abcdef', 'badcfe', 2)).toBe(3);
    expect(editDistanceWithin('abcdef', 'badcfe', 3)).toBe(3);
  });

  it('closest picks what the plain search picks', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 12 }), (w, candidates) => {
        expect(closest(w, candidates)).toBe(referenceClosest(w, candidates));
        expect(closest(w, new Set(candidates))).toBe(referenceClosest(w, [...new Set(candidates)]));
      }),
      { numRuns: 2000 },
    );
  });
});
