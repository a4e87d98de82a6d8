import type { Method } from '../model/method.js';
import { evaluateGate } from './gates.js';
import { assessHealth } from './health.js';
import { firstStage, forcedStages, isBeforeMentoring, isForward, isStageId, isTerminal, nextStage, stageIds, stageRank, stagesBehind, stagesOnTheWay } from './stages.js';

export * from './stages.js';
export * from './gates.js';
export * from './health.js';
export * from './figures.js';

type Bound<F> = F extends (method: Method, ...args: infer A) => infer R ? (...args: A) => R : never;
const bind =
  <A extends unknown[], R>(method: Method, f: (method: Method, ...args: A) => R) =>
  (...args: A): R =>
    f(method, ...args);

/** The roadmap of one method: its moves, gates and health checks with the method bound. */
export interface Roadmap {
  method: Method;
  stageIds: Bound<typeof stageIds>;
  isStageId: Bound<typeof isStageId>;
  stageRank: Bound<typeof stageRank>;
  firstStage: Bound<typeof firstStage>;
  isBeforeMentoring: Bound<typeof isBeforeMentoring>;
  isTerminal: Bound<typeof isTerminal>;
  nextStage: Bound<typeof nextStage>;
  isForward: Bound<typeof isForward>;
  stagesOnTheWay: Bound<typeof stagesOnTheWay>;
  stagesBehind: Bound<typeof stagesBehind>;
  forcedStages: Bound<typeof forcedStages>;
  evaluateGate: Bound<typeof evaluateGate>;
  assessHealth: Bound<typeof assessHealth>;
}

/** Bind a method's roadmap once, for code that works with one method throughout. */
export function roadmapOf(method: Method): Roadmap {
  return {
    method,
    stageIds: bind(method, stageIds),
    isStageId: bind(method, isStageId),
    stageRank: bind(method, stageRank),
    firstStage: bind(method, firstStage),
    isBeforeMentoring: bind(method, isBeforeMentoring),
    isTerminal: bind(method, isTerminal),
    nextStage: bind(method, nextStage),
    isForward: bind(method, isForward),
    stagesOnTheWay: bind(method, stagesOnTheWay),
    stagesBehind: bind(method, stagesBehind),
    forcedStages: bind(method, forcedStages),
    evaluateGate: bind(method, evaluateGate),
    assessHealth: bind(method, assessHealth),
  };
}
