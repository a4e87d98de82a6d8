import * as z from 'zod';
import {
  Direction,
  Host,
  PartyKind,
  ProductKind,
  RATING_KEYS,
  Side,
  Stage,
  Status,
  TargetStatus,
  TaskForceSide,
} from './enums.js';
import { Amount, CountryCode, CurrencyCode, IsoDate, Locale, NonEmptyText, Slug } from './primitives.js';

/** Custom issues carry the problem code they stand for, so checks need not guess from wording. */
export const MISSING_KEY = 'MTR010';

const Contact = z.strictObject({
  name: NonEmptyText,
  role: NonEmptyText,
  email: z.email({ error: 'not an e-mail address' }).optional(),
});

/** A party: a mentor or mentee city, association or region. The mentor may be "tbd" before the assessment. */
export const PartySchema = z
  .strictObject({
    name: NonEmptyText.describe('The city, association or region; "tbd" for a mentor not yet found'),
    kind: PartyKind.optional(),
    country: CountryCode.optional().describe('ISO 3166-1 alpha-2 code, such as "MW"'),
    lga: NonEmptyText.optional().describe('The national local-government association'),
    contacts: z.array(Contact).optional(),
  })
  .superRefine((party, ctx) => {
    if (party.name === 'tbd') return;
    for (const key of ['kind', 'country'] as const) {
      if (party[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `missing required key "${key}"`,
          params: { code: MISSING_KEY },
        });
      }
    }
  });

/** A history entry whose stage is one of `stage` (the method's stages; any stage id in the base schema). */
export function historyEntrySchema(stage: z.ZodType<string>) {
  return z
    .strictObject({
      stage: stage.optional(),
      status: Status.optional(),
      date: IsoDate,
      note: z.string().optional(),
      forced: z.boolean().optional(),
      reason: z.string().optional(),
    })
    .superRefine((entry, ctx) => {
      if ((entry.stage === undefined) === (entry.status === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: 'a history entry records either a "stage" or a "status", not both or neither',
          params: { code: MISSING_KEY },
        });
      }
    });
}

export const HistoryEntrySchema = historyEntrySchema(Stage);

const Request = z.strictObject({ date: IsoDate, from: NonEmptyText, topic: NonEmptyText });

const Assessment = z.strictObject({
  date: IsoDate,
  lga: NonEmptyText.describe('The national local-government association consulted'),
  interest_confirmed: z.boolean(),
  summary: z.string().optional(),
});

const Approval = z.strictObject({ side: Side, body: NonEmptyText, date: IsoDate });

const Budget = z.strictObject({ amount: Amount, currency: CurrencyCode, note: z.string().optional() });

const Terms = z.strictObject({
  objectives: z.array(NonEmptyText),
  scope: z.string().optional(),
  product: z.string().optional(),
  duration_months: z.number().int().positive(),
  evaluation_method: NonEmptyText,
  budget: Budget.optional(),
});

const Agreement = z.strictObject({ approvals: z.array(Approval).optional(), terms: Terms.optional() });

const TaskForceMember = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or team where no name is to be kept'),
  role: NonEmptyText,
  organisation: NonEmptyText.optional(),
  side: TaskForceSide,
  lead: z.boolean().optional(),
});

const Target = z.strictObject({
  id: Slug,
  title: NonEmptyText,
  indicator: NonEmptyText,
  baseline: z.string().optional(),
  due: IsoDate,
  status: TargetStatus,
  result: z.string().optional().describe('What was achieved, against the indicator'),
  achieved: IsoDate.optional().describe('The date the target was achieved'),
});

const Milestone = z.strictObject({ title: NonEmptyText, due: IsoDate, done: z.boolean().optional() });
const PlannedSession = z.strictObject({ date: IsoDate, title: NonEmptyText, host: Host.optional() });

const Product = z.strictObject({
  kind: ProductKind,
  title: NonEmptyText,
  adopted: IsoDate.optional(),
  launched: IsoDate.optional(),
});

/** A rating on a method's scale. */
export function ratingSchema(min: number, max: number) {
  const error = `a rating is from ${min} to ${max}`;
  return z.number().int().min(min, { error }).max(max, { error });
}
const Rating = ratingSchema(1, 4);
const Ratings = z.strictObject(Object.fromEntries(RATING_KEYS.map((key) => [key, Rating])) as Record<(typeof RATING_KEYS)[number], typeof Rating>);

export const Evaluation = z.strictObject({
  date: IsoDate,
  ratings: Ratings.describe('The six OECD DAC criteria plus ownership, each from 1 to 4'),
  findings: z.string().optional(),
  lessons: z.array(NonEmptyText).optional(),
  recommendations: z.array(NonEmptyText).optional(),
});

const Handover = z.strictObject({
  date: IsoDate,
  owner: NonEmptyText.describe('Who in the mentee city owns the follow-up'),
  note: z.string().optional(),
});

const Funding = z.strictObject({ funder: NonEmptyText, amount: Amount, currency: CurrencyCode, note: z.string().optional() });
const Risk = z.strictObject({ risk: NonEmptyText, mitigation: z.string().optional() });

/** partnerships/<id>/partnership.yaml */
export const PartnershipSchema = z
  .strictObject({
    id: Slug.describe('Equal to the folder name: partnerships/<id>/'),
    title: NonEmptyText,
    mentor: PartySchema,
    mentee: PartySchema,
    stage: Stage.describe('The current roadmap stage; the last stage entry of history'),
    status: Status,
    history: z.array(HistoryEntrySchema).min(1, { error: 'history needs at least the first stage entry' }),
    request: Request.optional(),
    assessment: Assessment.optional(),
    agreement: Agreement.optional(),
    task_force: z.array(TaskForceMember).optional(),
    targets: z.array(Target).optional(),
    milestones: z.array(Milestone).optional(),
    sessions_planned: z.array(PlannedSession).optional(),
    product: Product.optional(),
    evaluation: Evaluation.optional(),
    handover: Handover.optional(),
    funding: z.array(Funding).optional(),
    risks: z.array(Risk).optional(),
    focus: z.array(NonEmptyText).optional(),
    direction: Direction.optional().describe('Overrides the direction derived from the two countries'),
    locale: Locale.optional(),
  })
  .describe('A city-to-city mentoring partnership');

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Party = z.infer<typeof PartySchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Target = z.infer<typeof Target>;
