// Checks run on data that may have failed the schema (one typo must not hide a jumped gate),
// so they read it through these guards instead of trusting the inferred types.

export type Loose = Record<string, unknown>;

/** The value as a plain mapping, or undefined. */
export function rec(value: unknown): Loose | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : undefined;
}

/** The value as a list, or an empty list. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether the value is text with something in it. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The value when it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A step in a path into a YAML document: a key or a list index. */
export type PathSegment = string | number;
