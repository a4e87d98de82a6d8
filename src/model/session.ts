import * as z from 'zod';
import { ActionStatus, Host, Level, ParticipantSide, SessionType } from './enums.js';
import { Amount, CurrencyCode, IsoDate, NonEmptyText, Slug } from './primitives.js';

const Participant = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or team'),
  organisation: NonEmptyText.describe('Their organisation'),
  role: NonEmptyText.describe('Their role'),
  side: ParticipantSide.describe('mentor, mentee, lga, programme or other'),
});

const Action = z.strictObject({
  what: NonEmptyText.describe('What is to be done'),
  owner: NonEmptyText.describe('Who does it'),
  due: IsoDate.describe('By when'),
  status: ActionStatus.describe('open, done or dropped'),
});

const Cost = z.strictObject({
  item: NonEmptyText.describe('What was paid for'),
  amount: Amount.describe('How much was spent'),
  currency: CurrencyCode.describe('ISO 4217 code, such as "ZAR"'),
});

/** partnerships/<id>/sessions/<YYYY-MM-DD>-<slug>.yaml: one contact session. */
export const SessionSchema = z
  .strictObject({
    date: IsoDate.describe('The (first) day of the session; equal to the date in the file name'),
    end: IsoDate.optional().describe('Last day of a visit of several days'),
    title: NonEmptyText.describe('What the session was'),
    type: SessionType.describe('contact, technical-visit, study-visit, workshop, political-visit or remote'),
    level: Level.describe('technical or political: the programme expects about three technical sessions to one political'),
    host: Host.describe('Who hosted: mentor, mentee, other or remote'),
    location: z.string().optional().describe('Where it took place'),
    summary: z.string().optional().describe('What happened, in a few sentences'),
    participants: z.array(Participant).optional().describe('Who took part'),
    topics: z.array(NonEmptyText).optional().describe('What was discussed'),
    targets: z.array(Slug).optional().describe("Ids of the partnership's targets this session worked on"),
    outcomes: z.array(NonEmptyText).optional().describe('What came out of it'),
    actions: z.array(Action).optional().describe('Follow-up actions agreed'),
    costs: z.array(Cost).optional().describe('What the session cost, each in its own currency'),
  })
  .describe('One contact session of a mentoring partnership');

export type Session = z.infer<typeof SessionSchema>;
