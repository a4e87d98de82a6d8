// Kept free of zod so the gates can read ratings without loading the schema library.

/**
 * The score of a rating written either way: `3`, or `{score: 3, evidence: ...}`; undefined when it
 * is neither or off the scale (the method's; UCLG's is 1 to 4).
 */
export function ratingScore(value: unknown, scale: { min: number; max: number } = { min: 1, max: 4 }): number | undefined {
  const score = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { score?: unknown }).score : value;
  return typeof score === 'number' && Number.isInteger(score) && score >= scale.min && score <= scale.max ? score : undefined;
}

/** The evidence given for a rating written as `{score, evidence}`. */
export function ratingEvidence(value: unknown): string | undefined {
  const evidence = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { evidence?: unknown }).evidence : undefined;
  return typeof evidence === 'string' && evidence.trim() !== '' ? evidence : undefined;
}
