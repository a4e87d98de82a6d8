// The vocabularies of the model as plain constants, free of zod, so that commands which only move a
// partnership along (advance, suspend, session list) start without loading the schema library.

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

export const STATUSES = ['active', 'suspended', 'cancelled', 'closed'] as const;
export type PartnershipStatus = (typeof STATUSES)[number];

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

/** A lowercase slug: the form of partnership, target and session ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 64;

/** Whether a string is a valid id (a lowercase slug of at most 64 characters). */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX && SLUG_PATTERN.test(value);
}
