// The vocabularies of the model as plain constants, free of zod, so that commands which only move a
// partnership along (advance, suspend, session list) start without loading the schema library.

/** A stage id: one of the stages of the repository's method (methods/<name>.yaml), never named in code. */
export type StageId = string;

export const STATUSES = ['active', 'suspended', 'cancelled', 'closed'] as const;
export type PartnershipStatus = (typeof STATUSES)[number];

/** The criteria of the base partnership schema; a method's own criteria replace them when a file is checked. */
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
