import { describe, expect, it } from 'vitest';
import { builtInMethod } from '../../src/ops/method.js';
import { roadmapOf } from '../../src/roadmap/index.js';
import { uclgRoadmap } from '../helpers/method.js';

// The moves of a method follow its order, whatever its stages are called.

const eu = roadmapOf(builtInMethod('eu-twinning'));
const history = (...stages: string[]) => stages.map((stage, i) => ({ stage, date: `2012-${String(i + 1).padStart(2, '0')}-01` }));

describe('the EU Twinning roadmap', () => {
  it.each<[string, string | undefined]>([
    ['fiche', 'proposals'],
    ['proposals', 'selection'],
    ['selection', 'contract'],
    ['contract', 'implementation'],
    ['implementation', 'closure'],
    ['closure', undefined],
  ])('after %s comes %s', (stage, next) => {
    expect(eu.nextStage(stage, history(stage))).toBe(next);
  });

  it.each<[string, boolean, boolean]>([
    ['fiche', true, false],
    ['contract', true, false],
    ['implementation', false, false],
    ['closure', false, true],
  ])('%s: before implementation %s, closes %s', (stage, before, closes) => {
    expect(eu.isBeforeMentoring(stage)).toBe(before);
    expect(eu.isTerminal(stage)).toBe(closes);
  });

  it('skips ahead through every stage on the way, and knows no UCLG stage', () => {
    expect(eu.stagesOnTheWay('proposals', 'implementation', history('fiche', 'proposals'))).toEqual(['selection', 'contract', 'implementation']);
    expect(eu.isStageId('launch')).toBe(false);
    expect(eu.firstStage()).toBe('fiche');
  });
});

describe('the UCLG roadmap as its method file gives it', () => {
  it('starts at request, closes at closed, and mentors in mentoring', () => {
    expect(uclgRoadmap.firstStage()).toBe('request');
    expect(uclgRoadmap.isTerminal('closed')).toBe(true);
    expect(uclgRoadmap.isBeforeMentoring('setup')).toBe(true);
    expect(uclgRoadmap.isBeforeMentoring('evaluation')).toBe(false);
    expect(uclgRoadmap.stageRank('launch')).toBe(uclgRoadmap.stageRank('evaluation'));
  });
});
