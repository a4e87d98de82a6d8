import * as z from 'zod';
import { SESSION_TYPES, STATUSES } from './constants.js';
import { Slug } from './primitives.js';

export { RATING_KEYS, SESSION_TYPES, STATUSES, type PartnershipStatus, type RatingKey, type StageId } from './constants.js';

/** Any stage id; the method's own stages are checked by the schema built for it (src/model/method-schema.ts). */
export const Stage = Slug;
export const Status = z.enum(STATUSES);
export const PartyKind = z.enum(['city', 'association', 'region']);
export const Side = z.enum(['mentor', 'mentee']);
export const TaskForceSide = z.enum(['mentor', 'mentee', 'lga', 'programme']);
export const TargetStatus = z.enum(['not-started', 'in-progress', 'achieved', 'dropped']);
export const ProductKind = z.enum(['cds', 'plan', 'by-law', 'strategy', 'programme', 'other']);
export const Direction = z.enum(['south-south', 'north-south', 'south-north', 'north-north', 'triangular']);
export const SessionType = z.enum(SESSION_TYPES);
export const Level = z.enum(['technical', 'political']);
export const Host = z.enum(['mentor', 'mentee', 'other', 'remote']);
export const ParticipantSide = z.enum(['mentor', 'mentee', 'lga', 'programme', 'other']);
export const ActionStatus = z.enum(['open', 'done', 'dropped']);
export const FundingStatus = z.enum(['requested', 'committed', 'received', 'declined']);
export const PartnerRole = z.enum(['co-mentor', 'member', 'association', 'funder', 'observer']);
export const Relation = z.enum(['follows', 'replicates', 'phase-of']);
export const AgreementState = z.enum(['draft', 'final']);
export const EvaluationType = z.enum(['mid-term', 'final', 'ex-post']);
