import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/model/facts.js';
import type { Partnership } from '../../src/model/partnership.js';
import type { Session } from '../../src/model/session.js';
import { assessStalls, longSuspension, mentoringPastTerms, overdueActions, stalledBeforeMentoring } from '../../src/roadmap/stall.js';
import { builtInMethod } from '../../src/ops/method.js';
import { uclg } from '../helpers/method.js';

type P = Facts<Partnership>;
const inStage = (stage: string, entered: string, extra: P = {}): P =>
  ({ stage, status: 'active', history: [{ stage: 'request', date: '2009-01-05' }, { stage, date: entered }], ...extra }) as P;
const action = (due: string, status: string) => ({ what: 'Send the draft by-law', owner: 'Town clerk', due, status }) as Facts<NonNullable<Session['actions']>[number]>;

describe('MTR067: overdue session actions', () => {
  it.each([
    ['open, due before today', '2011-04-15', 'open', '2011-06-01', true],
    ['open, due today', '2011-06-01', 'open', '2011-06-01', false],
    ['open, due later', '2011-07-01', 'open', '2011-06-01', false],
    ['done, due before today', '2011-04-15', 'done', '2011-06-01', false],
    ['dropped, due before today', '2011-04-15', 'dropped', '2011-06-01', false],
    ['no status, due before today', '2011-04-15', undefined, '2011-06-01', true],
    ['an invalid due date', '2011-02-30', 'open', '2011-06-01', false],
  ] as const)('%s -> %s', (_what, due, status, today, warned) => {
    const findings = overdueActions(inStage('mentoring', '2010-01-01'), [{}, { actions: [action('2099-01-01', 'open'), action(due, status as string)] }], today);
    expect(findings.map((f) => [f.code, f.session, f.path])).toEqual(warned ? [['MTR067', 1, ['actions', 1, 'due']]] : []);
  });

  it('names the action, its owner and its due date', () => {
    const [finding] = overdueActions(inStage('mentoring', '2010-01-01'), [{ actions: [action('2011-04-15', 'open')] }], '2011-06-01');
    expect(finding?.message).toBe('the action "Send the draft by-law" (Town clerk) was due on 2011-04-15 and is open');
  });

  it.each(['suspended', 'cancelled', 'closed'])('says nothing while the partnership is %s', (status) => {
    expect(overdueActions({ ...inStage('mentoring', '2010-01-01'), status } as P, [{ actions: [action('2011-04-15', 'open')] }], '2011-06-01')).toEqual([]);
  });
});

describe('MTR068: stalled before mentoring', () => {
  it.each([
    ['request', '2010-01-01', '2010-06-30', false], // 180 days
    ['request', '2010-01-01', '2010-07-01', true],
    ['assessment', '2010-01-01', '2011-01-01', true],
    ['agreement', '2010-01-01', '2011-01-01', true],
    ['setup', '2010-01-01', '2011-01-01', true],
    ['mentoring', '2010-01-01', '2011-01-01', false],
    ['promotion', '2010-01-01', '2011-01-01', false],
  ])('%s since %s, as of %s -> %s', (stage, entered, today, warned) => {
    expect(stalledBeforeMentoring(uclg, inStage(stage, entered), today).map((f) => f.code)).toEqual(warned ? ['MTR068'] : []);
  });

  it('takes the last entry of the current stage (a partnership sent back to setup starts again)', () => {
    const p = { stage: 'setup', status: 'active', history: [{ stage: 'setup', date: '2009-01-01' }, { stage: 'mentoring', date: '2009-03-01' }, { stage: 'setup', date: '2010-12-01', forced: true }] } as P;
    expect(stalledBeforeMentoring(uclg, p, '2011-03-31')).toEqual([]);
  });

  it('says nothing while suspended (MTR070 does)', () => {
    expect(stalledBeforeMentoring(uclg, { ...inStage('agreement', '2009-01-01'), status: 'suspended' } as P, '2011-03-31')).toEqual([]);
  });
});

describe("MTR069: mentoring past the ToR's duration", () => {
  const withTerms = (months: unknown, entered = '2010-01-15') => inStage('mentoring', entered, { agreement: { terms: { duration_months: months } } } as P);
  it.each([
    [12, '2011-01-15', false],
    [12, '2011-01-16', true],
    [18, '2011-03-31', false],
    [6, '2010-07-16', true],
    ['twelve', '2013-01-01', false],
    [undefined, '2013-01-01', false],
  ])('%s months, as of %s -> %s', (months, today, warned) => {
    expect(mentoringPastTerms(uclg, withTerms(months), today).map((f) => f.code)).toEqual(warned ? ['MTR069'] : []);
  });

  it('says when the planned months ended', () => {
    expect(mentoringPastTerms(uclg, withTerms(12), '2011-03-31')[0]?.message).toBe('in mentoring since 2010-01-15: the Terms of Reference planned 12 months, which ended on 2011-01-15');
  });
});

describe('MTR070: a long suspension', () => {
  const suspended = (since: string): P =>
    ({ stage: 'agreement', status: 'suspended', history: [{ stage: 'request', date: '2009-01-05' }, { status: 'suspended', date: '2009-06-01', reason: 'x' }, { status: 'active', date: '2009-07-01' }, { status: 'suspended', date: since, reason: 'elections postponed' }] }) as P;
  it.each([
    ['2010-10-01', '2011-03-30', false], // 180 days
    ['2010-10-01', '2011-03-31', true],
    ['2011-01-01', '2011-03-31', false],
  ])('suspended since %s, as of %s -> %s', (since, today, warned) => {
    expect(longSuspension(uclg, suspended(since), today).map((f) => [f.code, f.path])).toEqual(warned ? [['MTR070', ['status']]] : []);
  });

  it('says nothing once resumed', () => {
    expect(longSuspension(uclg, { ...suspended('2009-01-01'), status: 'active' } as P, '2011-03-31')).toEqual([]);
  });
});

describe('assessStalls', () => {
  it('collects every stall of a partnership, and survives data that failed the schema', () => {
    expect(assessStalls(uclg, { stage: 'setup', status: 'active', history: [null, { stage: 'setup', date: '2010-01-01' }] } as unknown as P, [{ actions: 'none' } as unknown as Facts<Session>], '2011-03-31').map((f) => f.code)).toEqual(['MTR068']);
    expect(assessStalls(uclg, {} as P, [], '2011-03-31')).toEqual([]);
  });
});

describe('limits and stages from the method', () => {
  const strict = { ...uclg, limits: { ...uclg.limits, stall_days: 30, suspended_days: 30 } };
  const twinning = builtInMethod('eu-twinning');

  it('stall_days and suspended_days are the method\'s', () => {
    const p = { stage: 'setup', status: 'active', history: [{ stage: 'setup', date: '2011-02-01' }] } as unknown as P;
    expect(stalledBeforeMentoring(uclg, p, '2011-03-31')).toEqual([]);
    expect(stalledBeforeMentoring(strict, p, '2011-03-31').map((f) => f.message)).toEqual(['in setup since 2011-02-01, 58 days (more than 30): nothing has moved since']);
    const s = { stage: 'mentoring', status: 'suspended', history: [{ stage: 'mentoring', date: '2010-01-01' }, { status: 'suspended', date: '2011-02-01' }] } as unknown as P;
    expect(longSuspension(uclg, s, '2011-03-31')).toEqual([]);
    expect(longSuspension(strict, s, '2011-03-31').map((f) => f.code)).toEqual(['MTR070']);
  });

  it('"before mentoring" and the mentoring stage follow the method\'s stages, not UCLG\'s ids', () => {
    const at = (stage: string) => ({ stage, status: 'active', history: [{ stage, date: '2009-01-01' }], agreement: { terms: { duration_months: 12 } } }) as unknown as P;
    expect(stalledBeforeMentoring(twinning, at('contract'), '2011-03-31').map((f) => f.code)).toEqual(['MTR068']);
    expect(stalledBeforeMentoring(twinning, at('implementation'), '2011-03-31')).toEqual([]);
    expect(stalledBeforeMentoring(twinning, at('setup'), '2011-03-31')).toEqual([]);
    expect(mentoringPastTerms(twinning, at('implementation'), '2011-03-31').map((f) => [f.message, f.hint])).toEqual([
      ['in implementation since 2009-01-01: the Terms of Reference planned 12 months, which ended on 2010-01-01', 'move on to closure with `mentor advance`, or record an amendment and a new agreement.terms.duration_months'],
    ]);
    expect(mentoringPastTerms(twinning, at('mentoring'), '2011-03-31')).toEqual([]);
  });
});
