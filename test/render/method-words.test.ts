// The documents under another method: its stage and criterion names, its count of criteria and its scale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { Method } from '../../src/model/method.js';
import { PartnershipSchema, type Partnership } from '../../src/model/partnership.js';
import { builtInMethod } from '../../src/ops/method.js';
import { DocumentRenderer } from '../../src/render/index.js';
import { ROOT } from '../helpers/cli.js';

const COMPLETE = path.join(ROOT, 'test/fixtures/complete');
const complete = PartnershipSchema.parse(parse(readFileSync(path.join(COMPLETE, 'partnerships/johannesburg-lilongwe/partnership.yaml'), 'utf8')));
const twinning = builtInMethod('eu-twinning');
const render = (partnership: Partnership, method: Method, format: 'md' | 'html' = 'md') =>
  new DocumentRenderer(format).partnership('evaluation', { partnership, sessions: [], today: '2011-09-30', method }, 'en');

describe('the evaluation document under eu-twinning', () => {
  const atImplementation: Partnership = { ...complete, stage: 'implementation', history: [{ stage: 'fiche', date: '2008-05-12' }, { stage: 'implementation', date: '2009-01-15', forced: true, reason: 'test' }] };

  test('before an evaluation: its six criteria, counted, named by the method', () => {
    const withoutEvaluation: Partnership = { ...atImplementation };
    delete withoutEvaluation.evaluation;
    for (const format of ['md', 'html'] as const) {
      const text = render(withoutEvaluation, twinning, format);
      expect(text).toContain('the 6 criteria below will be rated at the evaluation');
      expect(text).not.toContain('seven criteria');
      expect(text).not.toContain('Ownership');
      expect(text).toContain('Sustainability');
    }
  });

  test('with an evaluation on another scale: the scale written out, scores out of its maximum', () => {
    const scaled: Method = { ...twinning, ratings: { ...twinning.ratings, scale: { min: 1, max: 5 } } };
    const ratings = Object.fromEntries(scaled.ratings.criteria.map((c) => [c.id, 5]));
    const text = render({ ...atImplementation, evaluation: { date: '2011-07-29', ratings } as Partnership['evaluation'] }, scaled);
    expect(text).toContain('Each criterion is rated from 1 to 5.');
    expect(text).toContain('Relevance: 5 / 5');
    expect(text).toContain('Implementation');
  });
});
