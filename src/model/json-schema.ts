import * as z from 'zod';
import type { Method } from './method.js';
import { PartnershipSchema } from './partnership.js';
import { RepositoryConfigSchema } from './repository.js';
import { SessionSchema } from './session.js';

/** The JSON Schema files mentor exports, by file name. */
export const SCHEMA_FILES = {
  'partnership.schema.json': PartnershipSchema,
  'session.schema.json': SessionSchema,
  'mentor.schema.json': RepositoryConfigSchema,
} as const;

export type SchemaFileName = keyof typeof SCHEMA_FILES;

/** Draft-07 JSON Schema of one file kind, derived from its zod schema (what editors' YAML servers read); partnerships under the method's stages and criteria. */
export function jsonSchemaOf(name: SchemaFileName, method: Method): Record<string, unknown> {
  const source = name === 'partnership.schema.json' ? method.schema : SCHEMA_FILES[name];
  const schema = z.toJSONSchema(source, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return { ...schema, title: titleOf(name) };
}

function titleOf(name: SchemaFileName): string {
  return { 'partnership.schema.json': 'mentor partnership', 'session.schema.json': 'mentor session', 'mentor.schema.json': 'mentor repository' }[name];
}
