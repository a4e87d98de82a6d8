// The moves of a method's roadmap. Stages are ranked by the method's order; stages of one rank
// (a group, such as UCLG's evaluation and launch) may be entered in either order, and the next
// rank needs all of them.
import type { StageId } from '../model/constants.js';
import type { PartnershipFacts } from '../model/facts.js';
import type { Method, MethodStage } from '../model/method.js';

/** A partnership's history as its facts give it. */
export type History = PartnershipFacts['history'];

/** A stage entry of a history: the stage, its date when valid, whether forced, and its index in the list. */
export interface StageEntry {
  stage: StageId;
  date?: string;
  forced: boolean;
  index: number;
}

/** The ids of a method's stages, in the order written. */
export function stageIds(method: Method): StageId[] {
  return method.stages.map((s) => s.id);
}

export function isStageId(method: Method, value: unknown): value is StageId {
  return typeof value === 'string' && method.stages.some((s) => s.id === value);
}

/** A stage's position: stages that may come in either order share one. -1 for a stage the method lacks. */
export function stageRank(method: Method, stage: StageId): number {
  return method.stages.find((s) => s.id === stage)?.rank ?? -1;
}

/** The first stage: where every partnership starts. */
export function firstStage(method: Method): StageId {
  return method.stages[0]!.id;
}

/** The stage of the mentoring itself, if the method has one. */
export function mentoringStage(method: Method): MethodStage | undefined {
  return method.stages.find((s) => s.mentoring);
}

/** Whether `stage` comes before the mentoring stage (always false for a method without one). */
export function isBeforeMentoring(method: Method, stage: StageId): boolean {
  const mentoring = mentoringStage(method);
  return mentoring !== undefined && stageRank(method, stage) >= 0 && stageRank(method, stage) < mentoring.rank;
}

/** Whether entering `stage` closes a partnership. */
export function isTerminal(method: Method, stage: StageId | undefined): boolean {
  return method.stages.some((s) => s.id === stage && s.terminal);
}

/** Stages in their order: by rank, then as written. */
function ordered(method: Method): MethodStage[] {
  return [...method.stages].sort((a, b) => a.rank - b.rank);
}

const groupOf = (method: Method, stage: StageId) => method.stages.filter((s) => s.rank === stageRank(method, stage));

/** The stage entries of a history, in the order written, ignoring malformed entries. */
export function stageEntries(history: History): StageEntry[] {
  const entries: StageEntry[] = [];
  if (!Array.isArray(history)) return entries;
  history.forEach((entry, index) => {
    if (typeof entry?.stage === 'string') {
      entries.push({ stage: entry.stage, forced: entry.forced === true, index, ...(typeof entry.date === 'string' && { date: entry.date }) });
    }
  });
  return entries;
}

/** Whether the history has entered `stage` since it last stood before the stage's group. */
function enteredSinceGroup(method: Method, stage: StageId, history: History): boolean {
  let entered = false;
  for (const entry of stageEntries(history)) {
    if (stageRank(method, entry.stage) < stageRank(method, stage)) entered = false;
    else if (entry.stage === stage) entered = true;
  }
  return entered;
}

/**
 * The stages a partnership at `from` enters on its way to `to`, in order, `to` last. Passing a
 * group enters all of it; leaving a group passes through the members not yet entered. Empty when
 * `to` is not ahead of `from`.
 */
export function stagesOnTheWay(method: Method, from: StageId, to: StageId, history: History): StageId[] {
  if (!isForward(method, from, to, history)) return [];
  const [rankFrom, rankTo] = [stageRank(method, from), stageRank(method, to)];
  return ordered(method)
    .filter((s) => {
      if (s.id === to) return true;
      if (s.rank === rankTo || s.id === from) return false;
      if (s.rank === rankFrom) return !enteredSinceGroup(method, s.id, history);
      return s.rank > rankFrom && s.rank < rankTo;
    })
    .map((s) => s.id);
}

/** Whether moving from `from` to `to` goes forward on the roadmap. */
export function isForward(method: Method, from: StageId, to: StageId, history: History): boolean {
  const [rankFrom, rankTo] = [stageRank(method, from), stageRank(method, to)];
  if (rankTo !== rankFrom) return rankTo > rankFrom;
  // within a group: forward only into a member not yet entered
  if (from === to) return false;
  return !enteredSinceGroup(method, to, history);
}

/** The stage plain `advance` takes: the first member of the group not yet entered, else the first stage of the next step. */
export function nextStage(method: Method, current: StageId, history: History): StageId | undefined {
  const left = groupOf(method, current).find((s) => s.id !== current && !enteredSinceGroup(method, s.id, history));
  if (left) return left.id;
  return ordered(method).find((s) => s.rank === stageRank(method, current) + 1)?.id;
}

/**
 * The stages whose gates a partnership recorded at `stage` must meet: every stage up to it, and of
 * its own group only those it entered (all of a group once past it).
 */
export function stagesBehind(method: Method, stage: StageId, history: History): StageId[] {
  const rank = stageRank(method, stage);
  return ordered(method)
    .filter((s) => s.rank < rank || s.id === stage || (s.rank === rank && enteredSinceGroup(method, s.id, history)))
    .map((s) => s.id);
}

/** The stages entered by forced moves (including those a forced skip passed over). */
export function forcedStages(method: Method, history: History): Set<StageId> {
  const forced = new Set<StageId>();
  let previous: StageId | undefined;
  const prefix: NonNullable<History> = [];
  for (const entry of stageEntries(history)) {
    if (entry.forced) {
      const way = previous ? stagesOnTheWay(method, previous, entry.stage, prefix) : [];
      for (const stage of way.length > 0 ? way : [entry.stage]) forced.add(stage);
    }
    prefix.push({ stage: entry.stage });
    previous = entry.stage;
  }
  return forced;
}
