import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateRepository } from '../../bench/generate.mjs';
import { fastParse } from '../../src/store/fast-parse.js';
import { lightLocate } from '../../src/store/light-locate.js';
import type { PathSegment } from '../../src/model/source.js';
import { parseSource } from '../../src/store/source.js';
import { tempDir } from '../helpers/cli.js';
import { damage, exampleTexts, random } from '../helpers/damage.js';
import { cases } from '../robustness/figures.js';

// lightLocate may decline, but whenever it answers, it must answer what the positioned parser does.

function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

function compare(text: string): { answered: number; asked: number } {
  const fast = fastParse(text);
  if (!fast) return { answered: 0, asked: 0 };
  const full = parseSource('f.yaml', text);
  let answered = 0;
  let asked = 0;
  // Missing keys too: the light locator must decline those.
  const paths = [...pathsOf(fast.data), ['missing'], ['targets', 99, 'due'], ['stage', 'x']];
  for (const p of paths) {
    for (const target of ['key', 'value'] as const) {
      asked++;
      const light = lightLocate(text, p, target);
      if (!light) continue;
      answered++;
      const expected = full.locate(p, target);
      // The message (the whole file) is only built for a disagreement: expect's own cost and that
      // string, on every one of a hundred thousand answers, were most of this file's time.
      if (!isDeepStrictEqual(light, expected)) expect(light, `${JSON.stringify(p)} ${target}\n${text}`).toEqual(expected);
    }
  }
  return { answered, asked };
}

describe('lightLocate agrees with the positioned parser', () => {
  it('on every path of the example files, and answers most of them', () => {
    let answered = 0;
    let asked = 0;
    for (const text of exampleTexts()) {
      const r = compare(text);
      answered += r.answered;
      asked += r.asked;
    }
    expect(answered).toBeGreaterThan(asked / 2);
  });

  // `npm test` generates each of the seven example partnerships once (about 80 files) and damages
  // 200 files (every kind of damage, twenty times or more); the long run 100 and 3,000.
  const partnerships = cases(7, 100);
  const damaged = cases(200, 3000);
  it(`on every path of ${partnerships} generated partnerships' files and ${damaged} damaged files`, () => {
    const root = tempDir();
    (generateRepository as (dir: string, count: number, seed: number) => number)(root, partnerships, 3);
    const texts: string[] = [];
    for (const id of readdirSync(path.join(root, 'partnerships'))) {
      texts.push(readFileSync(path.join(root, 'partnerships', id, 'partnership.yaml'), 'utf8'));
      for (const f of readdirSync(path.join(root, 'partnerships', id, 'sessions'))) texts.push(readFileSync(path.join(root, 'partnerships', id, 'sessions', f), 'utf8'));
    }
    for (const text of texts) compare(text);
    const rand = random(2011);
    const examples = exampleTexts();
    let answeredOnDamaged = 0;
    for (let n = 0; n < damaged; n++) {
      let text = examples[n % examples.length]!;
      for (let k = 0; k < 1 + Math.floor(rand() * 2); k++) text = damage(text, rand);
      answeredOnDamaged += compare(text).answered;
    }
    expect(answeredOnDamaged).toBeGreaterThan(damaged / 3);
  });
});
