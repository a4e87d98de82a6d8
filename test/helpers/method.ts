// The built-in methods as the tests read them, and their roadmaps with the method bound.
import * as z from 'zod';
import { historyEntrySchema } from '../../src/model/partnership.js';
import { builtInMethod } from '../../src/ops/method.js';
import { roadmapOf } from '../../src/roadmap/index.js';

export const uclg = builtInMethod('uclg');
export const uclgRoadmap = roadmapOf(uclg);
/** The UCLG stage ids, in order. */
export const STAGE_IDS = uclg.stages.map((s) => s.id);
/** partnership.yaml and its history entries under the UCLG method (the base schemas take any stage id). */
export const UclgPartnershipSchema = uclg.schema;
export const UclgHistoryEntrySchema = historyEntrySchema(z.enum(STAGE_IDS as [string, ...string[]]));
