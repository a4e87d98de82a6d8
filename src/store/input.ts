import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { rec } from '../util/loose.js';
import { parseSource } from './source.js';

/** Read a YAML or JSON document from a file, or from standard input for "-", with the data-file refusals. */
export function readDataInput(given: string, cwd: string): Record<string, unknown> {
  let text: string;
  const name = given === '-' ? '(standard input)' : given;
  try {
    text = given === '-' ? readFileSync(0, 'utf8') : readFileSync(path.resolve(cwd, given), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const source = parseSource(name, text.replace(/^\uFEFF/, ''));
  const first = source.problems.find((p) => p.severity === 'error');
  if (first) throw new DataError(`${name}:${first.line}:${first.column} ${first.message}`);
  const data = rec(source.data);
  if (!data) throw new DataError(`${name} does not hold a mapping of session fields`);
  return data;
}
