import { STAGE_IDS, type StageId } from '../model/constants.js';
import type { PartnershipFacts } from '../model/facts.js';

/** A partnership's history as its facts give it. */
export type History = PartnershipFacts['history'];

/** A stage entry of a history: the stage, its date when valid, whether forced, and its index in the list. */
export interface StageEntry {
  stage: StageId;
  date?: string;
  forced: boolean;
  index: number;
}

/** A stage's position: evaluation and launch share one, since they may come in either order. */
export function stageRank(stage: StageId): number {
  const index = STAGE_IDS.indexOf(stage);
  return stage === 'launch' ? STAGE_IDS.indexOf('evaluation') : index > STAGE_IDS.indexOf('launch') ? index - 1 : index;
}

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}

/** The stage entries of a history, in the order written, ignoring malformed entries. */
export function stageEntries(history: History): StageEntry[] {
  const entries: StageEntry[] = [];
  (history ?? []).forEach((entry, index) => {
    if (entry?.stage !== undefined) {
      entries.push({ stage: entry.stage, forced: entry.forced === true, index, ...(entry.date !== undefined && { date: entry.date }) });
    }
  });
  return entries;
}

/** Whether the history has entered `stage` since it last stood before the evaluation/launch pair. */
function enteredSinceMentoring(stage: 'evaluation' | 'launch', history: History): boolean {
  let entered = false;
  for (const entry of stageEntries(history)) {
    if (stageRank(entry.stage) < stageRank('evaluation')) entered = false;
    else if (entry.stage === stage) entered = true;
  }
  return entered;
}

/**
 * The stages a partnership at `from` enters on its way to `to`, in order, `to` last. Going to
 * promotion or beyond passes through whichever of evaluation and launch was not yet entered.
 * Empty when `to` is not ahead of `from`.
 */
export function stagesOnTheWay(from: StageId, to: StageId, history: History): StageId[] {
  if (!isForward(from, to, history)) return [];
  if (to === 'evaluation' || to === 'launch') {
    return from === 'evaluation' || from === 'launch' ? [to] : [...between(from, 'mentoring'), to];
  }
  const fromPair = from === 'evaluation' || from === 'launch';
  return STAGE_IDS.filter((stage) => {
    if (stage === 'evaluation' || stage === 'launch') {
      if (stage === from || stageRank(from) > stageRank(stage) || stageRank(to) <= stageRank(stage)) return false;
      return !(fromPair && enteredSinceMentoring(stage, history));
    }
    return stageRank(stage) > stageRank(from) && stageRank(stage) <= stageRank(to);
  });
}

function between(from: StageId, upTo: StageId): StageId[] {
  return STAGE_IDS.filter((stage) => stageRank(stage) > stageRank(from) && stageRank(stage) <= stageRank(upTo));
}

/** Whether moving from `from` to `to` goes forward on the roadmap. */
export function isForward(from: StageId, to: StageId, history: History): boolean {
  if (stageRank(to) !== stageRank(from)) return stageRank(to) > stageRank(from);
  // evaluation <-> launch: forward only into the one not yet entered
  if (from === to) return false;
  return !enteredSinceMentoring(to as 'evaluation' | 'launch', history);
}

/** The stage plain `advance` takes: evaluation after mentoring, then whichever of evaluation and launch is left, then promotion. */
export function nextStage(current: StageId, history: History): StageId | undefined {
  switch (current) {
    case 'mentoring':
      return 'evaluation';
    case 'evaluation':
      return enteredSinceMentoring('launch', history) ? 'promotion' : 'launch';
    case 'launch':
      return enteredSinceMentoring('evaluation', history) ? 'promotion' : 'evaluation';
    case 'closed':
      return undefined;
    default:
      return STAGE_IDS[STAGE_IDS.indexOf(current) + 1];
  }
}

/**
 * The stages whose gates a partnership recorded at `stage` must meet: every stage up to it, and of
 * evaluation and launch only those it entered (or both, once past them).
 */
export function stagesBehind(stage: StageId, history: History): StageId[] {
  return STAGE_IDS.filter((candidate) => {
    if (stageRank(candidate) < stageRank(stage)) return true;
    if (candidate === stage) return true;
    if (stageRank(candidate) === stageRank(stage)) return enteredSinceMentoring(candidate as 'evaluation' | 'launch', history);
    return false;
  });
}

/** The stages entered by forced moves (including those a forced skip passed over). */
export function forcedStages(history: History): Set<StageId> {
  const forced = new Set<StageId>();
  let previous: StageId | undefined;
  const prefix: NonNullable<History> = [];
  for (const entry of stageEntries(history)) {
    if (entry.forced) {
      const way = previous ? stagesOnTheWay(previous, entry.stage, prefix) : [];
      for (const stage of way.length > 0 ? way : [entry.stage]) forced.add(stage);
    }
    prefix.push({ stage: entry.stage });
    previous = entry.stage;
  }
  return forced;
}
