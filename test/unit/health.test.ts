import { describe, expect, it } from 'vitest';
import { factsOf, type PartnershipFacts, type SessionFacts } from '../../src/model/facts.js';
import { PartnershipSchema } from '../../src/model/partnership.js';
import { SessionSchema } from '../../src/model/session.js';
import { uclgRoadmap } from '../helpers/method.js';

const { assessHealth } = uclgRoadmap;

// The health warnings of SPEC section 1 (MTR060 to MTR066), each on a small partnership with a fixed "today".

/** Active, in mentoring since 2010-01-04, with one target, one milestone and one planned session, all due in 2012. */
function partnership(overrides: PartnershipFacts = {}): PartnershipFacts {
  return {
    stage: 'mentoring',
    status: 'active',
    history: [
      { stage: 'request', date: '2009-01-05' },
      { stage: 'assessment', date: '2009-03-02' },
      { stage: 'agreement', date: '2009-06-01' },
      { stage: 'setup', date: '2009-09-07' },
      { stage: 'mentoring', date: '2010-01-04' },
    ],
    targets: [{ id: 'budget', title: 'Budget', indicator: 'Adopted', due: '2012-06-30', status: 'in-progress' }],
    milestones: [{ title: 'Draft strategy', due: '2012-03-31' }],
    sessions_planned: [{ date: '2012-02-06', title: 'Workshop' }],
    ...overrides,
  };
}

const technical = (date: string): SessionFacts => ({ date, level: 'technical' });
const political = (date: string): SessionFacts => ({ date, level: 'political' });
const SESSIONS = [technical('2010-02-01'), technical('2010-09-06'), political('2010-12-06'), technical('2011-03-07')];

const codes = (p: PartnershipFacts, sessions: SessionFacts[], today: string) => assessHealth(p, sessions, today).map((f) => f.code);

describe('assessHealth', () => {
  it('finds nothing wrong with a healthy partnership', () => {
    expect(assessHealth(partnership(), SESSIONS, '2011-04-01')).toEqual([]);
  });

  it.each<[string, PartnershipFacts, SessionFacts[], string, string[]]>([
    ['mentoring for 15 months and a day', {}, SESSIONS, '2011-04-05', ['MTR060']],
    ['mentoring for exactly 15 months', {}, SESSIONS, '2011-04-04', []],
    ['evaluation after a long mentoring', { stage: 'evaluation', history: [...partnership().history!, { stage: 'evaluation', date: '2011-03-01' }] }, SESSIONS, '2011-06-01', []],
    ['121 days since the last session', {}, SESSIONS, '2011-07-06', ['MTR060', 'MTR061']],
    ['120 days since the last session', { history: [{ stage: 'mentoring', date: '2010-06-01' }] }, SESSIONS, '2011-07-05', []],
    ['no session since mentoring began 121 days ago', { history: [{ stage: 'mentoring', date: '2011-01-03' }] }, [], '2011-05-04', ['MTR061']],
    ['no session for a long time, in setup', { stage: 'setup', history: [{ stage: 'setup', date: '2009-09-07' }] }, [technical('2009-10-01')], '2011-04-01', []],
    ['no session for a long time, after the launch', { stage: 'launch', history: [{ stage: 'launch', date: '2010-09-06' }] }, [technical('2010-09-06')], '2011-04-01', ['MTR061']],
    ['no session for a long time, once closed', { stage: 'closed', history: [{ stage: 'closed', date: '2010-09-06' }] }, [technical('2010-09-06')], '2011-04-01', []],
    ['more political than technical sessions', {}, [political('2011-01-10'), political('2011-02-07'), technical('2011-03-07')], '2011-04-01', ['MTR062']],
    ['as many political as technical sessions', {}, [political('2011-02-07'), technical('2011-03-07')], '2011-04-01', []],
    ['political sessions only planned in the future', {}, [technical('2011-03-07'), political('2011-05-02'), political('2011-06-06')], '2011-04-01', []],
    ['six targets', { targets: Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, due: '2012-06-30', status: 'in-progress' })) }, SESSIONS, '2011-04-01', ['MTR063']],
    ['five targets', { targets: Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, due: '2012-06-30', status: 'in-progress' })) }, SESSIONS, '2011-04-01', []],
    ['a target past due and in progress', { targets: [{ id: 'budget', due: '2011-03-31', status: 'in-progress' }] }, SESSIONS, '2011-04-01', ['MTR064']],
    ['a target past due and not started', { targets: [{ id: 'budget', due: '2011-03-31', status: 'not-started' }] }, SESSIONS, '2011-04-01', ['MTR064']],
    ['a target due today', { targets: [{ id: 'budget', due: '2011-04-01', status: 'in-progress' }] }, SESSIONS, '2011-04-01', []],
    ['a target past due and achieved', { targets: [{ id: 'budget', due: '2011-03-31', status: 'achieved' }] }, SESSIONS, '2011-04-01', []],
    ['a target past due and dropped', { targets: [{ id: 'budget', due: '2011-03-31', status: 'dropped' }] }, SESSIONS, '2011-04-01', []],
    ['a planned session in the past, never logged', { sessions_planned: [{ date: '2011-03-14', title: 'Review' }] }, SESSIONS, '2011-04-01', ['MTR065']],
    ['a planned session in the past, logged on its date', { sessions_planned: [{ date: '2011-03-07', title: 'Review' }] }, SESSIONS, '2011-04-01', []],
    ['a milestone past due, not done', { milestones: [{ title: 'Draft', due: '2011-03-31' }] }, SESSIONS, '2011-04-01', ['MTR066']],
    ['a milestone past due, done', { milestones: [{ title: 'Draft', due: '2011-03-31', done: true }] }, SESSIONS, '2011-04-01', []],
  ])('%s', (_what, overrides, sessions, today, expected) => {
    expect(codes(partnership(overrides), sessions, today)).toEqual(expected);
  });

  it.each(['suspended', 'cancelled', 'closed'] as const)('warns about nothing while %s', (status) => {
    const p = partnership({ status, targets: [{ id: 'budget', due: '2010-03-31', status: 'in-progress' }], milestones: [{ title: 'Draft', due: '2010-03-31' }] });
    expect(assessHealth(p, [political('2010-02-01')], '2012-01-02')).toEqual([]);
  });

  it('points each warning at the place to fix', () => {
    const p = partnership({
      targets: [{ id: 'budget', due: '2012-06-30', status: 'in-progress' }, { id: 'late', due: '2011-01-31', status: 'in-progress' }],
      milestones: [{ title: 'Done', due: '2011-01-31', done: true }, { title: 'Late', due: '2011-01-31' }],
      sessions_planned: [{ date: '2011-02-07', title: 'Missed' }],
    });
    const paths = Object.fromEntries(assessHealth(p, SESSIONS, '2011-04-04').map((f) => [f.code, f.path]));
    expect(paths).toEqual({ MTR064: ['targets', 1, 'due'], MTR065: ['sessions_planned', 0, 'date'], MTR066: ['milestones', 1, 'due'] });
  });

  it('says how many days have passed since the last session', () => {
    const [finding] = assessHealth(partnership({ history: [{ stage: 'mentoring', date: '2011-01-03' }] }), [technical('2011-01-03')], '2011-05-04');
    expect(finding?.code).toBe('MTR061');
    expect(finding?.message).toContain('121');
    expect(finding?.message).toContain('2011-01-03');
  });

  it('ignores malformed data instead of throwing', () => {
    // What the checks read of such data: its facts, where what does not fit its place is absent.
    const p = factsOf(PartnershipSchema, { ...partnership(), history: 'x', targets: [null, { due: 'soon' }], milestones: {}, sessions_planned: [7] })!;
    expect(() => assessHealth(p, [factsOf(SessionSchema, { date: 'yesterday' })!], '2011-04-01')).not.toThrow();
  });
});
