import * as z from 'zod';
import { SLUG_PATTERN } from '../model/constants.js';
import { countryCodeOf } from '../model/countries.js';
import { closest } from '../util/text.js';
import { zodAccepts } from './verdict.js';
import type { PathSegment, SourceFile } from '../model/source.js';
import { PROBLEM_CODES, problem, type Problem, type ProblemCode } from '../model/problem.js';

type Issue = z.core.$ZodIssue;

/**
 * zod compiles a parser for each object schema on its first use (new Function): a few
 * milliseconds each, which pays back over hundreds of files but not over the handful a command
 * like `session add` reads. So each schema is interpreted for its first files, and compiled
 * only once it has been used this many times.
 */
const COMPILE_AFTER = 25;
const uses = new WeakMap<z.ZodType, number>();

function warmedUp(schema: z.ZodType): boolean {
  const n = (uses.get(schema) ?? 0) + 1;
  uses.set(schema, n);
  return n > COMPILE_AFTER;
}

/** Check a file's data against a schema; every issue becomes a located problem. */
export function checkSchema(source: SourceFile, schema: z.ZodType, what: string): Problem[] {
  if (source.data === undefined) return [];
  if (source.data === null || (typeof source.data === 'string' && source.data.trim() === '')) {
    // Blank to YAML; bare carriage returns are said by checkLineEnds, not called "empty".
    if (/\r(?!\n)/.test(source.text)) return [];
    return [problem('MTR011', { file: source.file, line: 1, column: 1 }, `the file is empty; it should hold ${what}`)];
  }
  // Most files are valid: those the verdict accepts need nothing of zod's issues. Without the
  // speed-ups (MENTOR_FAST_PATH=0), zod alone decides, for the tests that compare the two.
  if (source.fastChecks && zodAccepts(schema, source.data)) return [];
  const result = schema.safeParse(source.data, { jitless: !warmedUp(schema) });
  if (result.success) return [];
  // A misspelt key is one mistake, not two: "stge" is reported as unknown (did you mean "stage"?)
  // and the missing "stage" it stands for is not reported again.
  const misspelt = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(schema, issue.path as PathSegment[]);
    for (const key of issue.keys) {
      const guess = closest(key, known);
      if (guess) misspelt.add(JSON.stringify([...issue.path, guess]));
    }
  }
  return result.error.issues
    .filter((issue) => !(isMissing(source.data, issue) && misspelt.has(JSON.stringify(issue.path))))
    .flatMap((issue) => describeIssue(source, schema, issue));
}

function isMissing(data: unknown, issue: Issue): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') && valueAt(data, issue.path as PathSegment[]) === undefined;
}

function describeIssue(source: SourceFile, schema: z.ZodType, issue: Issue): Problem[] {
  const path = issue.path as PathSegment[];
  const name = keyName(path);
  const here = (code: ProblemCode, message: string, hint?: string, target: 'key' | 'value' = 'value') =>
    problem(code, { file: source.file, ...source.locate(path, target) }, message, hint);

  if (isMissing(source.data, issue)) {
    return [here('MTR010', `missing required key "${name}"`, undefined, 'key')];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const guess = closest(key, known);
        return problem(
          'MTR012',
          { file: source.file, ...source.locate([...path, key], 'key') },
          `unknown key "${key}"`,
          guess ? `did you mean "${guess}"?` : `the keys allowed here are: ${known.join(', ')}`,
        );
      });
    }
    case 'invalid_type': {
      const value = valueAt(source.data, path);
      return [here('MTR011', `${name ? `"${name}" should be` : 'expected'} ${describeType(issue.expected)}, not ${describeValue(value)}`)];
    }
    case 'invalid_value': {
      const value = valueAt(source.data, path);
      const choices = issue.values.map(String);
      if (name === 'country') return [here('MTR015', issue.message, countryHint(value))];
      if (name === 'currency') return [here('MTR016', issue.message)];
      const guess = typeof value === 'string' ? closest(value, choices) : undefined;
      return [
        here(
          'MTR013',
          `${JSON.stringify(value)} is not a valid ${name || 'value'}`,
          guess ? `did you mean "${guess}"?` : `use one of: ${choices.join(', ')}`,
        ),
      ];
    }
    case 'invalid_format': {
      const value = valueAt(source.data, path);
      if (issue.format === 'date') return [here('MTR014', `${JSON.stringify(value)} is not a real calendar date written YYYY-MM-DD`)];
      if (issue.format === 'regex' && name === 'currency') return [here('MTR016', issue.message)];
      if (issue.format === 'regex' && (issue as { pattern?: string }).pattern === String(SLUG_PATTERN)) return [here('MTR017', `${JSON.stringify(value)} is not a valid id`, issue.message)];
      if (issue.format === 'regex' && name === 'languages') return [here('MTR018', `${JSON.stringify(value)} is not a language code`, issue.message)];
      return [here('MTR018', `${JSON.stringify(value)}: ${issue.message}`)];
    }
    case 'invalid_union': {
      // A value that matches the shape of one branch (a mapping where `{score, evidence}` is
      // allowed) is reported as that branch's mistakes; otherwise as a value of the wrong type.
      const value = valueAt(source.data, path);
      const rootMismatch = (branch: readonly Issue[]) => branch.every((i) => i.code === 'invalid_type' && i.path.length === 0);
      const near = issue.errors.filter((branch) => !rootMismatch(branch));
      if (near.length === 1) return near[0]!.flatMap((inner) => describeIssue(source, schema, { ...inner, path: [...issue.path, ...inner.path] } as Issue));
      const expected = [...new Set(issue.errors.flatMap((branch) => branch.filter((i) => i.code === 'invalid_type' && i.path.length === 0).map((i) => describeType((i as { expected: string }).expected))))];
      return [here('MTR011', `${name ? `"${name}" should be` : 'expected'} ${expected.join(' or ') || 'another kind of value'}, not ${describeValue(value)}`)];
    }
    case 'custom': {
      const code = (issue.params as { code?: ProblemCode } | undefined)?.code;
      if (code && code in PROBLEM_CODES) return [here(code, issue.message, undefined, code === 'MTR010' ? 'key' : 'value')];
      if (name === 'currency') return [here('MTR016', issue.message)];
      return [here('MTR018', issue.message)];
    }
    default:
      return [here('MTR018', `${name ? `"${name}": ` : ''}${issue.message}`)];
  }
}

function keyName(path: readonly PathSegment[]): string {
  const last = [...path].reverse().find((segment) => typeof segment === 'string');
  return typeof last === 'string' ? last : '';
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** The keys an object schema allows at a path of the data. */
export function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = current.shape[segment] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
    if (!current) return [];
  }
  current = unwrap(current);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of keys and values',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

function describeType(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** For "Malawi" suggest "MW": a country written by name is the commonest mistake. */
function countryHint(value: unknown): string {
  const code = typeof value === 'string' ? countryCodeOf(value) : undefined;
  return code ? `write the two-letter code "${code}"` : 'use the two-letter ISO 3166-1 code, like "MW" for Malawi';
}
