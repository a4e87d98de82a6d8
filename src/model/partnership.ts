import * as z from 'zod';
import {
  AgreementState,
  Direction,
  EvaluationType,
  FundingStatus,
  Host,
  PartnerRole,
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

export const HistoryEntrySchema = z
  .strictObject({
    stage: Stage.optional(),
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

const Signatory = z.strictObject({ side: Side, name: NonEmptyText, title: NonEmptyText, date: IsoDate.optional() });
const Amendment = z.strictObject({ date: IsoDate, summary: NonEmptyText });
const LanguageCode = z.string().regex(/^[a-z]{2}$/, { error: 'a language is a two-letter ISO 639-1 code, like "en" or "es"' });

const Agreement = z.strictObject({
  approvals: z.array(Approval).optional(),
  terms: Terms.optional(),
  version: NonEmptyText.optional().describe('The version of the Terms of Reference, such as "1.2"'),
  state: AgreementState.optional(),
  signatories: z.array(Signatory).optional(),
  amendments: z.array(Amendment).optional(),
  languages: z.array(LanguageCode).optional().describe('Working languages, ISO 639-1 codes'),
});

const TaskForceMember = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or team where no name is to be kept'),
  role: NonEmptyText,
  organisation: NonEmptyText.optional(),
  side: TaskForceSide,
  lead: z.boolean().optional(),
});

const Measurement = z.strictObject({
  date: IsoDate,
  value: z.union([z.number(), NonEmptyText]).describe('A number or a short text, as the indicator needs'),
  note: z.string().optional(),
  source: z.string().optional(),
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
  target: z.string().optional().describe('The value aimed for'),
  verification: z.string().optional().describe('Means of verification'),
  measurements: z.array(Measurement).optional().describe('Dated progress readings'),
});

const Milestone = z.strictObject({ title: NonEmptyText, due: IsoDate, done: z.boolean().optional() });
const PlannedSession = z.strictObject({ date: IsoDate, title: NonEmptyText, host: Host.optional() });

const Product = z.strictObject({
  kind: ProductKind,
  title: NonEmptyText,
  adopted: IsoDate.optional(),
  launched: IsoDate.optional(),
});

const Score = z.number().int().min(1, { error: 'a rating is from 1 to 4' }).max(4, { error: 'a rating is from 1 to 4' });
const Rating = z.union([Score, z.strictObject({ score: Score, evidence: NonEmptyText })]);
const Ratings = z.strictObject(Object.fromEntries(RATING_KEYS.map((key) => [key, Rating])) as Record<(typeof RATING_KEYS)[number], typeof Rating>);

const Recommendation = z.union([
  NonEmptyText,
  z.strictObject({ text: NonEmptyText, owner: NonEmptyText, due: IsoDate.optional(), response: z.string().optional() }),
]);

const Evaluation = z.strictObject({
  date: IsoDate,
  type: EvaluationType.optional(),
  evaluator: z.strictObject({ name: NonEmptyText, independent: z.boolean() }).optional(),
  method: z.string().optional(),
  ratings: Ratings.describe('The six OECD DAC criteria plus ownership, each from 1 to 4 or {score, evidence}'),
  findings: z.string().optional(),
  conclusions: z.string().optional(),
  lessons: z.array(NonEmptyText).optional(),
  recommendations: z.array(Recommendation).optional(),
  mentor_benefits: z.array(NonEmptyText).optional().describe('What the mentor city gained'),
});

const Handover = z.strictObject({
  date: IsoDate,
  owner: NonEmptyText.describe('Who in the mentee city owns the follow-up'),
  note: z.string().optional(),
});

const Funding = z.strictObject({
  funder: NonEmptyText,
  amount: Amount.optional().describe('Absent for an in-kind contribution with no estimated value'),
  currency: CurrencyCode,
  note: z.string().optional(),
  status: FundingStatus.optional().describe('Where absent, documents say the status is not recorded'),
  in_kind: z.boolean().optional().describe('The amount is an estimated value of staff time, venues...'),
});
const Partner = z.strictObject({ name: NonEmptyText, country: CountryCode.optional(), role: PartnerRole, note: z.string().optional() });
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
    partners: z.array(Partner).optional().describe('Co-mentors, member municipalities, associations, funders, observers'),
    focus: z.array(NonEmptyText).optional(),
    direction: Direction.optional().describe('Overrides the direction derived from the two countries'),
    locale: Locale.optional(),
  })
  .describe('A city-to-city mentoring partnership');

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Party = z.infer<typeof PartySchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Target = z.infer<typeof Target>;
export type Rating = z.infer<typeof Rating>;
export type Recommendation = z.infer<typeof Recommendation>;
