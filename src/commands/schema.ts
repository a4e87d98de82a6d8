import path from 'node:path';
import { exportSchemas, writeSchemas } from '../ops/schema.js';
import { printable } from '../ui/printable.js';
import type { CommandContext } from './context.js';

export const SCHEMA_KINDS = ['partnership', 'session', 'mentor'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** mentor schema [--out dir] */
export function schemaCommand(flags: { out?: string; kind?: SchemaKind }, ctx: CommandContext): number {
  if (flags.out !== undefined) {
    for (const file of writeSchemas(path.resolve(ctx.io.cwd, flags.out))) {
      ctx.io.stderr.write(`wrote ${printable(path.relative(ctx.io.cwd, file) || file)}\n`);
    }
    return 0;
  }
  const schemas = exportSchemas();
  if (flags.kind !== undefined) {
    ctx.io.stdout.write(schemas[`${flags.kind}.schema.json`]);
    return 0;
  }
  ctx.io.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(schemas).map(([n, t]) => [n, JSON.parse(t)])), null, 2)}\n`);
  return 0;
}
