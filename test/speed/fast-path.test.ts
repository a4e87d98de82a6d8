import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/store/fast-parse.js';
import { parseSource } from '../../src/store/source.js';
import { damage, exampleTexts, random } from '../helpers/damage.js';
import { cases } from '../robustness/figures.js';

// The fast path (js-yaml) may only accept a file the positioned parser (yaml) accepts too, and read
// it the same; everything else must go to the positioned parser. Proven on thousands of damaged files.

describe('the js-yaml fast path', () => {
  const texts = exampleTexts();

  it('accepts the example files as they are, reading them exactly as the positioned parser does', () => {
    let accepted = 0;
    for (const text of texts) {
      const fast = fastParse(text);
      if (!fast) continue;
      accepted++;
      expect(fast.data).toEqual(parseSource('f.yaml', text).data);
    }
    // The fast path only helps if it takes most plain files.
    expect(accepted).toBeGreaterThan(texts.length / 2);
  });

  // `npm test` tries the first 400 cases (every kind of damage dozens of times), the long run 4,000.
  const damaged = cases(400, 4000);
  it(`never accepts a damaged file that the positioned parser rejects or reads differently (${damaged} cases)`, () => {
    const rand = random(20110331);
    let accepted = 0;
    let rejectedByPositioned = 0;
    for (let n = 0; n < damaged; n++) {
      let text = texts[n % texts.length]!;
      const times = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < times; k++) text = damage(text, rand);
      const full = parseSource('f.yaml', text);
      if (full.problems.length > 0) rejectedByPositioned++;
      const fast = fastParse(text);
      if (!fast) continue;
      accepted++;
      expect(full.problems.map((p) => `${p.code} ${p.message}`), text).toEqual([]);
      expect(fast.data, text).toEqual(full.data);
    }
    // Both kinds of case were tried in numbers.
    expect(accepted).toBeGreaterThan(damaged / 8);
    expect(rejectedByPositioned).toBeGreaterThan(damaged / 8);
  });
});
