import * as z from 'zod';
import { ActionStatus, Host, Level, ParticipantSide, SessionType } from './enums.js';
import { Amount, CurrencyCode, IsoDate, NonEmptyText, Slug } from './primitives.js';

const Participant = z.strictObject({
  name: NonEmptyText.describe('A person, or a role or team'),
  organisation: NonEmptyText,
  role: NonEmptyText,
  side: ParticipantSide,
});

const Action = z.strictObject({
  what: NonEmptyText,
  owner: NonEmptyText,
  due: IsoDate,
  status: ActionStatus,
});

const Cost = z.strictObject({ item: NonEmptyText, amount: Amount, currency: CurrencyCode });

/** partnerships/<id>/sessions/<YYYY-MM-DD>-<slug>.yaml: one contact session. */
export const SessionSchema = z
  .strictObject({
    date: IsoDate,
    end: IsoDate.optional().describe('Last day of a visit of several days'),
    title: NonEmptyText,
    type: SessionType,
    level: Level.describe('The programme expects about three technical sessions to one political'),
    host: Host,
    location: z.string().optional(),
    summary: z.string().optional().describe('What happened, in a few sentences'),
    participants: z.array(Participant).optional(),
    topics: z.array(NonEmptyText).optional(),
    targets: z.array(Slug).optional().describe("Ids of the partnership's targets this session worked on"),
    outcomes: z.array(NonEmptyText).optional(),
    actions: z.array(Action).optional(),
    costs: z.array(Cost).optional(),
  })
  .describe('One contact session of a mentoring partnership');

export type Session = z.infer<typeof SessionSchema>;
