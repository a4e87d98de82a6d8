import * as z from 'zod';
import type { Method } from './method.js';
import { Evaluation, historyEntrySchema, PartnershipSchema, ratingDescription, ratingSchema } from './partnership.js';

/**
 * The partnership schema under a method: its stage ids as the only stages, its criteria as the
 * ratings, on its scale. Validation and the exported JSON Schema both use it.
 */
export function partnershipSchemaFor(method: Pick<Method, 'stages' | 'ratings'>) {
  const ids = method.stages.map((s) => s.id) as [string, ...string[]];
  const stage = z.enum(ids);
  const { min, max } = method.ratings.scale;
  const rating = ratingSchema(min, max);
  const criteria = method.ratings.criteria.map((c) => c.id);
  const ratings = z.strictObject(Object.fromEntries(criteria.map((id) => [id, rating.describe(ratingDescription(id, min, max))])));
  const base = PartnershipSchema.shape;
  const described = method.ratings.description ?? `${criteria.join(', ')}: each from ${min} to ${max}`;
  return PartnershipSchema.extend({
    stage: stage.describe(base.stage.description ?? ''),
    history: z
      .array(historyEntrySchema(stage))
      .min(1, { error: 'history needs at least the first stage entry' })
      .describe(base.history.description ?? ''),
    evaluation: Evaluation.extend({ ratings: ratings.describe(`${described} or {score, evidence}`) })
      .optional()
      .describe(base.evaluation.description ?? ''),
  }).describe(PartnershipSchema.description ?? '');
}
