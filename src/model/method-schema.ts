import * as z from 'zod';
import type { Method } from './method.js';
import { Evaluation, historyEntrySchema, PartnershipSchema, ratingSchema } from './partnership.js';

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
  const ratings = z.strictObject(Object.fromEntries(criteria.map((id) => [id, rating])));
  return PartnershipSchema.extend({
    stage: stage.describe('The current roadmap stage; the last stage entry of history'),
    history: z.array(historyEntrySchema(stage)).min(1, { error: 'history needs at least the first stage entry' }),
    evaluation: Evaluation.extend({ ratings: ratings.describe(method.ratings.description ?? `${criteria.join(', ')}: each from ${min} to ${max}`) }).optional(),
  }).describe(PartnershipSchema.description ?? '');
}
