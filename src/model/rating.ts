// Kept free of zod so the gates can read ratings without loading the schema library.

/** The score of a rating written either way: `3`, or `{score: 3, evidence: ...}`; undefined when it is neither. */
export function ratingScore(value: unknown): number | undefined {
  const score = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { score?: unknown }).score : value;
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 4 ? score : undefined;
}

/** The evidence given for a rating written as `{score, evidence}`. */
export function ratingEvidence(value: unknown): string | undefined {
  const evidence = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { evidence?: unknown }).evidence : undefined;
  return typeof evidence === 'string' && evidence.trim() !== '' ? evidence : undefined;
}
