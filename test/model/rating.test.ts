import { describe, expect, it } from 'vitest';
import { ratingEvidence, ratingScore } from '../../src/model/rating.js';

describe('ratingScore and ratingEvidence: a rating written either way', () => {
  it.each([
    [3, 3, undefined],
    [{ score: 4, evidence: 'Asked for by the council' }, 4, 'Asked for by the council'],
    [{ score: 2 }, 2, undefined],
    [{ score: 2, evidence: '  ' }, 2, undefined],
    [0, undefined, undefined],
    [5, undefined, undefined],
    [2.5, undefined, undefined],
    ['3', undefined, undefined],
    [{ score: '3' }, undefined, undefined],
    [[3], undefined, undefined],
    [null, undefined, undefined],
    [undefined, undefined, undefined],
  ])('%j -> score %s, evidence %s', (value, score, evidence) => {
    expect(ratingScore(value)).toBe(score);
    expect(ratingEvidence(value)).toBe(evidence);
  });
});
