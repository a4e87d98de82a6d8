import { z } from 'zod';

/** The nine stages of the mentoring roadmap, in order. */
export const STAGE_IDS = [
  'request',
  'assessment',
  'agreement',
  'setup',
  'mentoring',
  'evaluation',
  'launch',
  'promotion',
  'closed',
] as const;
export type StageId = (typeof STAGE_IDS)[number];
export const Stage = z.enum(STAGE_IDS);

export const STATUSES = ['active', 'suspended', 'cancelled', 'closed'] as const;
export type PartnershipStatus = (typeof STATUSES)[number];
export const Status = z.enum(STATUSES);

export const PartyKind = z.enum(['city', 'association', 'region']);
export const Side = z.enum(['mentor', 'mentee']);
export const TaskForceSide = z.enum(['mentor', 'mentee', 'lga', 'programme']);
export const TargetStatus = z.enum(['not-started', 'in-progress', 'achieved', 'dropped']);
export const ProductKind = z.enum(['cds', 'plan', 'by-law', 'strategy', 'programme', 'other']);
export const Direction = z.enum(['south-south', 'north-south', 'south-north', 'north-north']);

export const RATING_KEYS = [
  'relevance',
  'coherence',
  'effectiveness',
  'efficiency',
  'impact',
  'sustainability',
  'ownership',
] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

export const SESSION_TYPES = [
  'contact',
  'technical-visit',
  'study-visit',
  'workshop',
  'political-visit',
  'remote',
] as const;
export const SessionType = z.enum(SESSION_TYPES);
export const Level = z.enum(['technical', 'political']);
export const Host = z.enum(['mentor', 'mentee', 'other', 'remote']);
export const ParticipantSide = z.enum(['mentor', 'mentee', 'lga', 'programme', 'other']);
export const ActionStatus = z.enum(['open', 'done', 'dropped']);
