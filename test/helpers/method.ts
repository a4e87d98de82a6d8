// The built-in methods as the tests read them, and their roadmaps with the method bound.
import { builtInMethod } from '../../src/ops/method.js';
import { roadmapOf } from '../../src/roadmap/index.js';

export const uclg = builtInMethod('uclg');
export const uclgRoadmap = roadmapOf(uclg);
/** The UCLG stage ids, in order. */
export const STAGE_IDS = uclg.stages.map((s) => s.id);
