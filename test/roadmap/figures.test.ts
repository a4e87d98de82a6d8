// Each figure derived from a partnership has one definition (src/roadmap/figures.ts): one table each.

import { describe, expect, it } from 'vitest';
import type { PartnershipFacts, SessionRecord } from '../../src/model/facts.js';
import { daysInStage, isTargetOverdue, lastHistoryDate, levelCounts, nextDue, numberVisits, stageEnteredOn } from '../../src/roadmap/figures.js';

const visit = (file: string, date?: string, level?: 'technical' | 'political'): SessionRecord => ({
  file: `partnerships/x/sessions/${file}`,
  session: { ...(date !== undefined && { date }), ...(level && { level }) },
});

describe('numberVisits: by date, then file name; only dated sessions up to today', () => {
  it.each([
    ['date order', [visit('2010-03-01-b.yaml', '2010-03-01'), visit('2010-01-01-a.yaml', '2010-01-01')], undefined, ['2010-01-01-a.yaml', '2010-03-01-b.yaml']],
    ['same day: file name, not title', [visit('2010-01-01-z.yaml', '2010-01-01'), visit('2010-01-01-a.yaml', '2010-01-01')], undefined, ['2010-01-01-a.yaml', '2010-01-01-z.yaml']],
    ['after today left out', [visit('2010-01-01-a.yaml', '2010-01-01'), visit('2012-01-01-b.yaml', '2012-01-01')], '2011-01-01', ['2010-01-01-a.yaml']],
    ['on today counted', [visit('2011-01-01-a.yaml', '2011-01-01')], '2011-01-01', ['2011-01-01-a.yaml']],
    ['undated left out', [visit('2010-01-01-a.yaml'), visit('2010-02-01-b.yaml', '2010-02-01')], undefined, ['2010-02-01-b.yaml']],
    ['none', [], '2011-01-01', []],
  ] as const)('%s', (_name, records, today, files) => {
    const numbered = numberVisits([...records], today);
    expect(numbered.map((n) => n.file.split('/').pop())).toEqual(files);
    expect(numbered.map((n) => n.number)).toEqual(files.map((_f, i) => i + 1));
  });

  it('days since the previous visit', () => {
    const numbered = numberVisits([visit('2010-01-01-a.yaml', '2010-01-01'), visit('2010-03-01-b.yaml', '2010-03-01')]);
    expect(numbered.map((n) => n.daysSincePrevious)).toEqual([undefined, 59]);
  });
});

describe('levelCounts', () => {
  it.each([
    [[], 0, 0],
    [['technical', 'technical', 'political'], 2, 1],
    [['political', undefined], 0, 1],
  ] as const)('%j', (levels, technical, political) => {
    expect(levelCounts(levels.map((level) => ({ ...(level && { level }) })))).toEqual({ technical, political });
  });
});

describe('isTargetOverdue: past due and neither achieved nor dropped', () => {
  it.each([
    ['2011-01-01', 'in-progress', '2011-03-31', true],
    ['2011-01-01', 'not-started', '2011-03-31', true],
    ['2011-01-01', 'achieved', '2011-03-31', false],
    ['2011-01-01', 'dropped', '2011-03-31', false],
    ['2011-03-31', 'in-progress', '2011-03-31', false],
    [undefined, 'in-progress', '2011-03-31', false],
    ['2011-01-01', undefined, '2011-03-31', true],
  ] as const)('due %s, %s, as of %s: %s', (due, status, today, overdue) => {
    expect(isTargetOverdue({ ...(due && { due }), ...(status && { status }) }, today)).toBe(overdue);
  });
  it('no target is not overdue', () => expect(isTargetOverdue(undefined, '2011-03-31')).toBe(false));
});

describe('stage dates', () => {
  const p: PartnershipFacts = {
    stage: 'mentoring',
    history: [
      { stage: 'request', date: '2009-11-02' },
      { stage: 'mentoring', date: '2010-05-10' },
      { status: 'suspended', date: '2010-06-01', reason: 'elections' },
      { stage: 'setup', date: '2010-07-01', forced: true, reason: 'redo' },
      { stage: 'mentoring', date: '2010-08-01' },
      undefined,
    ],
  };
  it.each([
    ['stageEnteredOn: its last entry', stageEnteredOn(p), '2010-08-01'],
    ['daysInStage', daysInStage(p, '2010-08-31'), 30],
    ['daysInStage on the day', daysInStage(p, '2010-08-01'), 0],
    ['daysInStage before it was entered', daysInStage(p, '2010-07-31'), undefined],
    ['lastHistoryDate: status entries count', lastHistoryDate({ history: [{ stage: 'request', date: '2009-11-02' }, { status: 'suspended', date: '2010-01-05' }] }), '2010-01-05'],
    ['no history', stageEnteredOn({ stage: 'request' }), undefined],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('nextDue: the earliest open item due from today on', () => {
  const p: PartnershipFacts = {
    targets: [
      { id: 'done', due: '2011-04-01', status: 'achieved' },
      { id: 'open', due: '2011-06-30', status: 'in-progress' },
    ],
    milestones: [{ title: 'Reached', due: '2011-04-02', done: true }, { title: 'Report', due: '2011-05-01' }],
    sessions_planned: [{ date: '2011-03-01', title: 'Past visit' }],
  };
  const sessions: SessionRecord[] = [
    { file: 'a', session: { actions: [{ what: 'Closed', owner: 'x', due: '2011-04-03', status: 'done' }, { what: 'Survey', owner: 'x', due: '2011-04-20', status: 'open' }] } },
  ];
  it.each([
    ['2011-03-31', { date: '2011-04-20', what: 'action: Survey' }],
    ['2011-04-21', { date: '2011-05-01', what: 'milestone: Report' }],
    ['2011-05-02', { date: '2011-06-30', what: 'target open' }],
    ['2011-07-01', undefined],
  ])('as of %s', (today, expected) => {
    expect(nextDue(p, sessions, today)).toEqual(expected);
  });
});
