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
  Relation,
  Side,
  Stage,
  Status,
  TargetStatus,
  TaskForceSide,
} from './enums.js';
import { Amount, CountryCode, CurrencyCode, IsoDate, LanguageCode, Locale, NonEmptyText, Slug } from './primitives.js';

/** Custom issues carry the problem code they stand for, so checks need not guess from wording. */
export const MISSING_KEY = 'MTR010';

const Contact = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or office where no name is to be kept'),
  role: NonEmptyText.describe('Their role in the partnership'),
  email: z.email({ error: 'not an e-mail address' }).optional().describe('An e-mail address'),
});

/** A party: a mentor or mentee city, association or region. The mentor may be "tbd" before the assessment. */
export const PartySchema = z
  .strictObject({
    name: NonEmptyText.describe('The city, association or region; "tbd" for a mentor not yet found'),
    kind: PartyKind.optional().describe('city, association or region (required unless the name is "tbd")'),
    country: CountryCode.optional().describe('ISO 3166-1 alpha-2 code, such as "MW" (required unless the name is "tbd")'),
    lga: NonEmptyText.optional().describe('The national local-government association'),
    contacts: z.array(Contact).optional().describe('People to contact on this side'),
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
  })
  // The same rule for the exported JSON Schema.
  .meta({ if: { properties: { name: { not: { const: 'tbd' } } } }, then: { required: ['kind', 'country'] } });

/** A history entry whose stage is one of `stage` (the method's stages; any stage id in the base schema). */
export function historyEntrySchema(stage: z.ZodType<string>) {
  return z
    .strictObject({
      stage: stage.optional().describe('The stage entered (either stage or status)'),
      status: Status.optional().describe('The status changed to (either stage or status)'),
      date: IsoDate.describe('When, YYYY-MM-DD'),
      note: z.string().optional().describe('A note on the move'),
      forced: z.boolean().optional().describe('true when the move skipped an unmet gate or went back (mentor advance --force)'),
      reason: z.string().optional().describe('Why: required for a forced move, a suspension or a cancellation'),
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
    })
    .meta({ oneOf: [{ required: ['stage'] }, { required: ['status'] }] });
}

export const HistoryEntrySchema = historyEntrySchema(Stage);

const Request = z.strictObject({
  date: IsoDate.describe('When the request was made'),
  from: NonEmptyText.describe('Who sent it: the mentee city or its national association'),
  topic: NonEmptyText.describe('What the mentee asks help with'),
});

const Assessment = z.strictObject({
  date: IsoDate.describe('When the needs assessment was made'),
  lga: NonEmptyText.describe('The national local-government association consulted'),
  interest_confirmed: z.boolean().describe('Whether the association confirmed its interest'),
  summary: z.string().optional().describe('The needs found'),
});

const Approval = z.strictObject({
  side: Side.describe('mentor or mentee'),
  body: NonEmptyText.describe('The approving body, such as the city council'),
  date: IsoDate.describe('The date of the approval'),
});

const Budget = z.strictObject({
  amount: Amount.describe('The budget of the partnership'),
  currency: CurrencyCode.describe('ISO 4217 code, such as "USD"'),
  note: z.string().optional().describe('What the budget covers'),
});

const Terms = z.strictObject({
  objectives: z.array(NonEmptyText).describe('What the partnership is to achieve'),
  scope: z.string().optional().describe('The small first project the mentoring starts with'),
  product: z.string().optional().describe('The expected product, such as a City Development Strategy'),
  duration_months: z.number().int().positive().describe('The planned length of the mentoring, in months'),
  evaluation_method: NonEmptyText.describe('How the partnership will be evaluated'),
  budget: Budget.optional().describe('The budget agreed in the Terms of Reference'),
});

const Signatory = z.strictObject({
  side: TaskForceSide.describe('mentor, mentee, lga or programme'),
  name: NonEmptyText.describe('Who signed: a person, or the office where no name is to be kept'),
  title: NonEmptyText.describe('Their office, such as "Executive Mayor"'),
  date: IsoDate.optional().describe('When they signed'),
});

const Amendment = z.strictObject({
  date: IsoDate.describe('When the amendment was agreed'),
  summary: NonEmptyText.describe('What changed'),
});

const Agreement = z.strictObject({
  approvals: z.array(Approval).optional().describe('Political approvals of each side'),
  terms: Terms.optional().describe('The Terms of Reference'),
  version: NonEmptyText.optional().describe('The version of the agreement text, such as "1.2"'),
  state: AgreementState.optional().describe('draft or final'),
  signatories: z.array(Signatory).optional().describe('Who signed the agreement'),
  amendments: z.array(Amendment).optional().describe('Changes agreed after signing, in date order'),
  languages: z.array(LanguageCode).optional().describe('Working languages, ISO 639-1 codes such as "en"'),
});

const TaskForceMember = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or team where no name is to be kept'),
  role: NonEmptyText.describe('Their role in the task force'),
  organisation: NonEmptyText.optional().describe('Their organisation'),
  side: TaskForceSide.describe('mentor, mentee, lga or programme'),
  lead: z.boolean().optional().describe('true for the lead of the task force'),
});

const Measurement = z.strictObject({
  date: IsoDate.describe('When the reading was taken'),
  value: z
    .union([z.number(), NonEmptyText.max(80, { error: 'a reading is a number or a short text (at most 80 characters)' })])
    .describe('The reading: a number, or a short text as the indicator needs'),
  note: z.string().optional().describe('A note on the reading'),
  source: z.string().optional().describe('Where the reading comes from'),
});

const Target = z.strictObject({
  id: Slug.describe('A short id, unique in the partnership; sessions name it'),
  title: NonEmptyText.describe('What is to change'),
  indicator: NonEmptyText.describe('How progress is measured'),
  baseline: z.string().optional().describe('The value of the indicator at the start'),
  target: z.string().optional().describe('The value aimed for'),
  verification: z.string().optional().describe('The means of verification: where the reading comes from'),
  measurements: z.array(Measurement).optional().describe('Dated progress readings of the indicator'),
  due: IsoDate.describe('When the target is due'),
  status: TargetStatus.describe('not-started, in-progress, achieved or dropped'),
  result: z.string().optional().describe('What was achieved, against the indicator'),
  achieved: IsoDate.optional().describe('The date the target was achieved'),
});

const Milestone = z.strictObject({
  title: NonEmptyText.describe('What is to be reached'),
  due: IsoDate.describe('When'),
  done: z.boolean().optional().describe('true once reached'),
});
const PlannedSession = z.strictObject({
  date: IsoDate.describe('The planned date'),
  title: NonEmptyText.describe('What the session is for'),
  host: Host.optional().describe('mentor, mentee, other or remote'),
});

const Product = z.strictObject({
  kind: ProductKind.describe('cds, plan, by-law, strategy, programme or other'),
  title: NonEmptyText.describe('The title of the product'),
  adopted: IsoDate.optional().describe('When it was adopted'),
  launched: IsoDate.optional().describe('When it was launched'),
});

/** A rating on a method's scale: a score, or {score, evidence}. */
export function ratingSchema(min: number, max: number) {
  const error = `a rating is from ${min} to ${max}`;
  const score = z.number().int().min(min, { error }).max(max, { error });
  return z
    .union([
      score,
      z.strictObject({
        score: score.describe(`From ${min} to ${max}`),
        evidence: NonEmptyText.describe('What the score rests on'),
      }),
    ])
    .describe(`From ${min} to ${max}, or {score, evidence}`);
}
/** The description of one criterion's rating in the exported JSON Schema. */
export const ratingDescription = (key: string, min: number, max: number) => `${key}: from ${min} to ${max}, or {score, evidence}`;
const Rating = ratingSchema(1, 4);
const Ratings = z.strictObject(Object.fromEntries(RATING_KEYS.map((key) => [key, Rating.describe(ratingDescription(key, 1, 4))])) as Record<(typeof RATING_KEYS)[number], typeof Rating>);

const Recommendation = z
  .union([
    NonEmptyText,
    z.strictObject({
      text: NonEmptyText.describe('The recommendation'),
      owner: NonEmptyText.describe('Who is to act on it'),
      due: IsoDate.optional().describe('By when'),
      response: z.string().optional().describe('The management response'),
    }),
  ])
  .describe('A text, or {text, owner, due?, response?}');

const Evaluator = z.strictObject({
  name: NonEmptyText.describe('Who evaluated: a person, a firm or a team'),
  independent: z.boolean().describe('Whether the evaluator is independent of both cities and the programme'),
});

export const Evaluation = z.strictObject({
  date: IsoDate.describe('When the evaluation was completed'),
  type: EvaluationType.optional().describe('mid-term, final or ex-post'),
  evaluator: Evaluator.optional().describe('Who evaluated, and whether independently'),
  method: z.string().optional().describe('How: documents reviewed, interviews, field visits'),
  ratings: Ratings.describe('The six OECD DAC criteria plus ownership, each from 1 to 4 or {score, evidence}'),
  findings: z.string().optional().describe('What the evaluation found'),
  conclusions: z.string().optional().describe('What the evaluator concludes'),
  lessons: z.array(NonEmptyText).optional().describe('Lessons for other partnerships'),
  recommendations: z.array(Recommendation).optional().describe('Each a text, or {text, owner, due?, response?}'),
  mentor_benefits: z.array(NonEmptyText).optional().describe('What the mentor city gained: staff development, wider horizons, its own agenda'),
});

const Handover = z.strictObject({
  date: IsoDate.describe('When control was handed back to the mentee city'),
  owner: NonEmptyText.describe('Who in the mentee city owns the follow-up'),
  note: z.string().optional().describe('What was handed over'),
});

const Funding = z
  .strictObject({
    funder: NonEmptyText.describe('Who contributes'),
    amount: Amount.optional().describe('The contribution (an estimate for in-kind support); required unless in_kind'),
    currency: CurrencyCode.optional().describe('ISO 4217 code of the amount, such as "NOK"; required with an amount'),
    status: FundingStatus.optional().describe('requested, committed, received or declined; documents say "not recorded" where absent'),
    in_kind: z.boolean().optional().describe('true for support in kind (staff time, venues); the amount is then an estimate, or absent'),
    note: z.string().optional().describe('What the contribution covers'),
  })
  .superRefine((funding, ctx) => {
    const missing = (key: string) => ctx.addIssue({ code: 'custom', path: [key], message: `missing required key "${key}"`, params: { code: MISSING_KEY } });
    if (funding.amount === undefined && funding.in_kind !== true) missing('amount');
    if (funding.amount !== undefined && funding.currency === undefined) missing('currency');
  });

const Risk = z.strictObject({
  risk: NonEmptyText.describe('What could go wrong'),
  mitigation: z.string().optional().describe('What is done about it'),
});

const Partner = z.strictObject({
  name: NonEmptyText.describe('The organisation, city or association'),
  country: CountryCode.optional().describe('ISO 3166-1 alpha-2 code'),
  role: PartnerRole.describe('co-mentor, member (of a mentee association), association, funder or observer'),
  note: z.string().optional().describe('What the partner does'),
});

const Related = z.strictObject({
  id: Slug.describe('The id of another partnership in this repository'),
  relation: Relation.describe('follows, replicates or phase-of'),
});

/** partnerships/<id>/partnership.yaml */
export const PartnershipSchema = z
  .strictObject({
    id: Slug.describe('Equal to the folder name: partnerships/<id>/'),
    title: NonEmptyText.describe('The title documents carry'),
    mentor: PartySchema.describe('The mentor city, association or region'),
    mentee: PartySchema.describe('The mentee city, association or region'),
    stage: Stage.describe('The current roadmap stage; the last stage entry of history'),
    status: Status.describe('active, suspended, cancelled or closed'),
    history: z.array(HistoryEntrySchema).min(1, { error: 'history needs at least the first stage entry' }).describe('Stage moves and status changes, in date order'),
    request: Request.optional().describe('The request for a mentor'),
    assessment: Assessment.optional().describe('The needs assessment with the national association'),
    agreement: Agreement.optional().describe('Political approvals, Terms of Reference and the signed agreement'),
    task_force: z.array(TaskForceMember).optional().describe('The local task force and the mentor team'),
    targets: z.array(Target).optional().describe('What the mentoring aims at: 1 to 5 to start with'),
    milestones: z.array(Milestone).optional().describe('Dated steps of the roadmap'),
    sessions_planned: z.array(PlannedSession).optional().describe('Sessions planned ahead'),
    product: Product.optional().describe('The product: a City Development Strategy or other'),
    evaluation: Evaluation.optional().describe('The evaluation with the agreed method'),
    handover: Handover.optional().describe('Control handed back to the mentee city'),
    funding: z.array(Funding).optional().describe('Contributions, each in its own currency'),
    risks: z.array(Risk).optional().describe('Risks and their mitigation'),
    focus: z.array(NonEmptyText).optional().describe('Areas of work, such as "land use"'),
    direction: Direction.optional().describe('Overrides the direction derived from the two countries (triangular: a third party funds or co-mentors)'),
    partners: z.array(Partner).optional().describe('Parties beyond mentor and mentee: co-mentors, member towns, associations, funders, observers'),
    related: z.array(Related).optional().describe('Links to other partnerships: a pilot and its replication, phases'),
    locale: Locale.optional().describe('Language of its documents: en, es or fr'),
  })
  .describe('A city-to-city mentoring partnership');

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Party = z.infer<typeof PartySchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Target = z.infer<typeof Target>;
export type Funding = z.infer<typeof Funding>;
export type Evaluation = z.infer<typeof Evaluation>;
export type Measurement = z.infer<typeof Measurement>;
export type Rating = z.infer<typeof Rating>;
export type Recommendation = z.infer<typeof Recommendation>;
