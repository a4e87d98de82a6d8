import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { StageId } from '../../src/model/enums.js';
import { factsOf, type PartnershipFacts } from '../../src/model/facts.js';
import { PartnershipSchema } from '../../src/model/partnership.js';
import { EXAMPLES } from '../helpers/cli.js';
import { STAGE_IDS, uclgRoadmap } from '../helpers/method.js';

const { evaluateGate } = uclgRoadmap;

// Each gate of SPEC section 1, met by a complete partnership, and unmet when one thing is missing.

/** The data of a partnership.yaml as parsed, edited freely by the cases (possibly into invalid data). */
type Loose = Record<string, unknown>;

/** What a gate reads of such data: its facts, where every value that does not fit its place is absent. */
const facts = (p: Loose): PartnershipFacts => factsOf(PartnershipSchema, p) ?? {};

/** Johannesburg - Lilongwe from the examples, completed with an evaluation and a handover. */
function complete(): Loose {
  const p = parse(readFileSync(path.join(EXAMPLES, 'partnerships/johannesburg-lilongwe/partnership.yaml'), 'utf8')) as Loose;
  p.evaluation = {
    date: '2011-07-29',
    ratings: { relevance: 4, coherence: 3, effectiveness: 3, efficiency: 3, impact: 3, sustainability: 2, ownership: 4 },
  };
  p.handover = { date: '2011-09-30', owner: 'Chief Executive, Lilongwe City Assembly' };
  return p;
}

const unmetOf = (stage: StageId, p: Loose, sessionCount = 3) =>
  evaluateGate(stage, { partnership: facts(p), sessionCount })
    .requirements.filter((r) => !r.met)
    .map((r) => r.id);

type Edit = (p: Loose) => void;
const del = (object: unknown, key: string) => delete (object as Loose)[key];
const get = (p: Loose, ...keys: (string | number)[]) => keys.reduce<unknown>((v, k) => (v as Loose)[k], p) as Loose;

describe('evaluateGate', () => {
  it.each(STAGE_IDS)('the gate of %s is met by a complete partnership', (stage) => {
    const gate = evaluateGate(stage, { partnership: facts(complete()), sessionCount: 3 });
    expect(gate.stage).toBe(stage);
    expect(gate.requirements.length).toBeGreaterThan(0);
    expect(gate.requirements.filter((r) => !r.met)).toEqual([]);
    expect(gate.met).toBe(true);
  });

  it.each<[StageId, string, Edit, string | string[]]>([
    ['request', 'no id', (p) => del(p, 'id'), 'id'],
    ['request', 'no mentor name', (p) => del(p.mentor, 'name'), 'mentor'],
    ['request', 'the mentee without a country', (p) => del(p.mentee, 'country'), 'mentee'],
    ['request', 'no request date', (p) => del(p.request, 'date'), 'request.date'],
    ['request', 'a request date that is no date', (p) => (get(p, 'request').date = '2008-02-30'), 'request.date'],
    ['request', 'nobody who sent the request', (p) => (get(p, 'request').from = ' '), 'request.from'],
    ['request', 'no request topic', (p) => del(p.request, 'topic'), 'request.topic'],
    ['assessment', 'no request at all', (p) => del(p, 'request'), ['request.date', 'request.from', 'request.topic']],
    ['assessment', 'no request topic', (p) => del(p.request, 'topic'), 'request.topic'],
    ['agreement', 'no assessment date', (p) => del(p.assessment, 'date'), 'assessment.date'],
    ['agreement', 'no LGA consulted', (p) => del(p.assessment, 'lga'), 'assessment.lga'],
    ['agreement', 'interest not confirmed', (p) => (get(p, 'assessment').interest_confirmed = false), 'assessment.interest_confirmed'],
    ['agreement', 'a mentor still tbd', (p) => (p.mentor = { name: 'tbd' }), 'mentor.identified'],
    ['agreement', 'a mentor without a country', (p) => del(p.mentor, 'country'), 'mentor.identified'],
    ['setup', 'no approval on the mentor side', (p) => get(p, 'agreement').approvals = (get(p, 'agreement').approvals as Loose[]).filter((a) => a.side !== 'mentor'), 'agreement.approval.mentor'],
    ['setup', 'no approval on the mentee side', (p) => get(p, 'agreement').approvals = (get(p, 'agreement').approvals as Loose[]).filter((a) => a.side !== 'mentee'), 'agreement.approval.mentee'],
    ['setup', 'a mentee approval without its date', (p) => del(get(p, 'agreement', 'approvals', 1), 'date'), 'agreement.approval.mentee'],
    ['setup', 'a mentor approval without its body', (p) => del(get(p, 'agreement', 'approvals', 0), 'body'), 'agreement.approval.mentor'],
    ['setup', 'no objectives', (p) => (get(p, 'agreement', 'terms').objectives = []), 'terms.objectives'],
    ['setup', 'no duration', (p) => del(get(p, 'agreement', 'terms'), 'duration_months'), 'terms.duration_months'],
    ['setup', 'a duration of zero months', (p) => (get(p, 'agreement', 'terms').duration_months = 0), 'terms.duration_months'],
    ['setup', 'no evaluation method', (p) => del(get(p, 'agreement', 'terms'), 'evaluation_method'), 'terms.evaluation_method'],
    ['mentoring', 'no task force', (p) => del(p, 'task_force'), 'task_force.lead'],
    ['mentoring', 'a lead on the mentor side only', (p) => (p.task_force = [{ name: 'Jan Erasmus', role: 'Lead', side: 'mentor', lead: true }]), 'task_force.lead'],
    ['mentoring', 'no targets', (p) => del(p, 'targets'), 'targets.some'],
    ['mentoring', 'six targets', (p) => (p.targets as Loose[]).push({ ...(p.targets as Loose[])[0], id: 'sixth' }), 'targets.at-most-5'],
    ['mentoring', 'a target without an indicator', (p) => del(get(p, 'targets', 2), 'indicator'), 'targets.complete'],
    ['mentoring', 'a target without a due date', (p) => del(get(p, 'targets', 0), 'due'), 'targets.complete'],
    ['launch', 'no product', (p) => del(p, 'product'), ['product.title', 'product.adopted']],
    ['launch', 'a product not adopted', (p) => del(p.product, 'adopted'), 'product.adopted'],
    ['promotion', 'no evaluation', (p) => del(p, 'evaluation'), 'evaluation.ratings'],
    ['promotion', 'an evaluation without its date', (p) => del(p.evaluation, 'date'), 'evaluation.ratings'],
    ['promotion', 'a rating missing', (p) => del(get(p, 'evaluation', 'ratings'), 'ownership'), 'evaluation.ratings'],
    ['promotion', 'a product not launched', (p) => del(p.product, 'launched'), 'product.launched'],
    ['closed', 'no handover', (p) => del(p, 'handover'), ['handover.date', 'handover.owner']],
    ['closed', 'nobody owning the follow-up', (p) => del(p.handover, 'owner'), 'handover.owner'],
  ])('the gate of %s is unmet with %s', (stage, _what, edit, requirement) => {
    const p = complete();
    edit(p);
    expect(unmetOf(stage, p)).toEqual([requirement].flat());
    expect(evaluateGate(stage, { partnership: facts(p), sessionCount: 3 }).met).toBe(false);
  });

  it.each<StageId>(['evaluation', 'launch'])('the gate of %s needs at least one session logged', (stage) => {
    expect(unmetOf(stage, complete(), 0)).toEqual(['sessions.logged']);
    expect(unmetOf(stage, complete(), 1)).toEqual([]);
  });

  it.each([
    ['a score with its evidence', { score: 2, evidence: 'Staff trained' }, true],
    ['a score of 5 in a mapping', { score: 5, evidence: 'x' }, false],
    ['evidence without a score', { evidence: 'x' }, false],
    ['a text', 'good', false],
  ])('the promotion gate takes a rating written as %s: met %s', (_what, rating, met) => {
    const p = complete();
    get(p, 'evaluation', 'ratings').impact = rating;
    expect(unmetOf('promotion', p)).toEqual(met ? [] : ['evaluation.ratings']);
  });

  it('the promotion gate needs the data of both evaluation and launch', () => {
    const p = complete();
    del(p, 'evaluation');
    del(p.product, 'launched');
    expect(unmetOf('promotion', p)).toEqual(['evaluation.ratings', 'product.launched']);
  });

  it('lists every unmet requirement, each with a label and where to record it', () => {
    const gate = evaluateGate('setup', { partnership: { id: 'x' }, sessionCount: 0 });
    expect(gate.requirements.filter((r) => !r.met)).toHaveLength(gate.requirements.length);
    for (const r of gate.requirements) {
      expect(r.label).not.toBe('');
      expect(r.field).not.toBe('');
    }
  });

  it.each(STAGE_IDS)('the gate of %s does not throw on data of the wrong shape', (stage) => {
    const junk: Loose = { id: 7, mentor: 'x', mentee: [], request: 'r', assessment: null, agreement: { approvals: 'y', terms: [] }, task_force: {}, targets: 'z', product: 3, evaluation: [], handover: 'h' };
    expect(evaluateGate(stage, { partnership: facts(junk), sessionCount: 0 }).met).toBe(false);
  });

  it('shows the number of targets when there are too many', () => {
    const p = complete();
    for (let i = 0; i < 2; i++) (p.targets as Loose[]).push({ ...(p.targets as Loose[])[0], id: `extra-${i}` });
    const count = evaluateGate('mentoring', { partnership: facts(p), sessionCount: 1 }).requirements.find((r) => r.id === 'targets.at-most-5');
    expect(count?.detail).toContain('7');
  });

  it('leaves the 5-target cap out once the stage is entered (more is a health warning then)', () => {
    const p = complete();
    for (let i = 0; i < 2; i++) (p.targets as Loose[]).push({ ...(p.targets as Loose[])[0], id: `extra-${i}` });
    expect(evaluateGate('mentoring', { partnership: facts(p), sessionCount: 1 }).met).toBe(false);
    expect(evaluateGate('mentoring', { partnership: facts(p), sessionCount: 1 }, { entered: true }).met).toBe(true);
  });
});
