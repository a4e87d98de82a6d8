import { describe, expect, it } from 'vitest';
import type { StageId } from '../../src/model/enums.js';
import { factsOf } from '../../src/model/facts.js';
import { PartnershipSchema } from '../../src/model/partnership.js';
import type { History } from '../../src/roadmap/stages.js';
import { uclgRoadmap } from '../helpers/method.js';

const { forcedStages, isForward, nextStage, stagesBehind, stagesOnTheWay } = uclgRoadmap;

// SPEC section 1: forward one stage at a time; evaluation and launch in either order after
// mentoring, promotion once both are entered.

/** A history through the given stages, one month apart; `!` after a stage marks it forced. */
function history(...stages: string[]): NonNullable<History> {
  return stages.map((s, i) => ({
    stage: s.replace('!', '') as StageId,
    date: `2010-${String(i + 1).padStart(2, '0')}-01`,
    ...(s.endsWith('!') && { forced: true, reason: 'test' }),
  }));
}

const UP_TO_MENTORING = ['request', 'assessment', 'agreement', 'setup', 'mentoring'];

describe('nextStage', () => {
  it.each<[StageId, string[], StageId | undefined]>([
    ['request', ['request'], 'assessment'],
    ['assessment', ['request', 'assessment'], 'agreement'],
    ['agreement', UP_TO_MENTORING.slice(0, 3), 'setup'],
    ['setup', UP_TO_MENTORING.slice(0, 4), 'mentoring'],
    ['mentoring', UP_TO_MENTORING, 'evaluation'],
    ['evaluation', [...UP_TO_MENTORING, 'evaluation'], 'launch'],
    ['launch', [...UP_TO_MENTORING, 'launch'], 'evaluation'],
    ['launch', [...UP_TO_MENTORING, 'evaluation', 'launch'], 'promotion'],
    ['evaluation', [...UP_TO_MENTORING, 'launch', 'evaluation'], 'promotion'],
    ['promotion', [...UP_TO_MENTORING, 'evaluation', 'launch', 'promotion'], 'closed'],
    ['closed', [...UP_TO_MENTORING, 'evaluation', 'launch', 'promotion', 'closed'], undefined],
  ])('from %s after %j: %s', (current, stages, expected) => {
    expect(nextStage(current, history(...stages))).toBe(expected);
  });

  it('forgets an evaluation entered before a forced move back to mentoring', () => {
    const stages = [...UP_TO_MENTORING, 'evaluation', 'mentoring!', 'launch'];
    expect(nextStage('launch', history(...stages))).toBe('evaluation');
  });
});

describe('stagesOnTheWay', () => {
  it.each<[StageId, StageId, string[], StageId[]]>([
    ['request', 'assessment', ['request'], ['assessment']],
    ['request', 'mentoring', ['request'], ['assessment', 'agreement', 'setup', 'mentoring']],
    ['mentoring', 'evaluation', UP_TO_MENTORING, ['evaluation']],
    ['mentoring', 'launch', UP_TO_MENTORING, ['launch']],
    ['setup', 'launch', UP_TO_MENTORING.slice(0, 4), ['mentoring', 'launch']],
    ['mentoring', 'promotion', UP_TO_MENTORING, ['evaluation', 'launch', 'promotion']],
    ['launch', 'promotion', [...UP_TO_MENTORING, 'launch'], ['evaluation', 'promotion']],
    ['evaluation', 'promotion', [...UP_TO_MENTORING, 'evaluation'], ['launch', 'promotion']],
    ['launch', 'promotion', [...UP_TO_MENTORING, 'evaluation', 'launch'], ['promotion']],
    ['evaluation', 'launch', [...UP_TO_MENTORING, 'evaluation'], ['launch']],
    ['launch', 'evaluation', [...UP_TO_MENTORING, 'launch'], ['evaluation']],
    ['request', 'closed', ['request'], ['assessment', 'agreement', 'setup', 'mentoring', 'evaluation', 'launch', 'promotion', 'closed']],
    ['setup', 'setup', UP_TO_MENTORING.slice(0, 4), []],
    ['mentoring', 'agreement', UP_TO_MENTORING, []],
    ['launch', 'evaluation', [...UP_TO_MENTORING, 'evaluation', 'launch'], []],
  ])('from %s to %s after %j: %j', (from, to, stages, expected) => {
    expect(stagesOnTheWay(from, to, history(...stages))).toEqual(expected);
  });
});

describe('isForward', () => {
  it.each<[StageId, StageId, string[], boolean]>([
    ['request', 'assessment', ['request'], true],
    ['request', 'closed', ['request'], true],
    ['assessment', 'request', ['request', 'assessment'], false],
    ['mentoring', 'mentoring', UP_TO_MENTORING, false],
    ['mentoring', 'evaluation', UP_TO_MENTORING, true],
    ['mentoring', 'launch', UP_TO_MENTORING, true],
    ['evaluation', 'launch', [...UP_TO_MENTORING, 'evaluation'], true],
    ['launch', 'evaluation', [...UP_TO_MENTORING, 'launch'], true],
    ['launch', 'evaluation', [...UP_TO_MENTORING, 'evaluation', 'launch'], false],
    ['evaluation', 'launch', [...UP_TO_MENTORING, 'launch', 'evaluation'], false],
    ['evaluation', 'evaluation', [...UP_TO_MENTORING, 'evaluation'], false],
    ['launch', 'promotion', [...UP_TO_MENTORING, 'launch'], true],
    ['promotion', 'launch', [...UP_TO_MENTORING, 'evaluation', 'launch', 'promotion'], false],
    ['evaluation', 'mentoring', [...UP_TO_MENTORING, 'evaluation'], false],
  ])('%s -> %s after %j: %s', (from, to, stages, expected) => {
    expect(isForward(from, to, history(...stages))).toBe(expected);
  });
});

describe('stagesBehind: the gates a recorded stage must meet', () => {
  it.each<[StageId, string[], StageId[]]>([
    ['request', ['request'], ['request']],
    ['setup', UP_TO_MENTORING.slice(0, 4), ['request', 'assessment', 'agreement', 'setup']],
    ['launch', [...UP_TO_MENTORING, 'launch'], [...(UP_TO_MENTORING as StageId[]), 'launch']],
    ['evaluation', [...UP_TO_MENTORING, 'evaluation'], [...(UP_TO_MENTORING as StageId[]), 'evaluation']],
    ['evaluation', [...UP_TO_MENTORING, 'launch', 'evaluation'], [...(UP_TO_MENTORING as StageId[]), 'evaluation', 'launch']],
    ['promotion', [...UP_TO_MENTORING, 'launch', 'promotion'], [...(UP_TO_MENTORING as StageId[]), 'evaluation', 'launch', 'promotion']],
    ['closed', [...UP_TO_MENTORING, 'evaluation', 'launch', 'promotion', 'closed'], [...(UP_TO_MENTORING as StageId[]), 'evaluation', 'launch', 'promotion', 'closed']],
  ])('%s after %j: %j', (stage, stages, expected) => {
    expect(stagesBehind(stage, history(...stages))).toEqual(expected);
  });
});

describe('forcedStages', () => {
  it.each<[string[], StageId[]]>([
    [UP_TO_MENTORING, []],
    [['request', 'assessment', 'agreement', 'mentoring!'], ['setup', 'mentoring']],
    [['request', 'assessment!'], ['assessment']],
    [[...UP_TO_MENTORING, 'setup!'], ['setup']],
    [[...UP_TO_MENTORING, 'promotion!'], ['evaluation', 'launch', 'promotion']],
    [[...UP_TO_MENTORING, 'launch', 'promotion!'], ['evaluation', 'promotion']],
  ])('after %j: %j', (stages, expected) => {
    expect([...forcedStages(history(...stages))].sort()).toEqual([...expected].sort());
  });

  it('ignores status entries and malformed entries in the history', () => {
    const entries = [...history('request', 'assessment!'), { status: 'suspended', date: '2010-03-01', reason: 'elections' }, 'junk', null];
    // What the checks read of such a history: its facts, where an entry that is no mapping is absent.
    expect([...forcedStages(factsOf(PartnershipSchema, { history: entries })!.history)]).toEqual(['assessment']);
  });
});
