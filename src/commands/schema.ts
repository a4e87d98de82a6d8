import path from 'node:path';
import { methodAt } from '../ops/method.js';
import { exportSchemas, writeSchemas } from '../ops/schema.js';
import { printable } from '../ui/printable.js';
import { workingDirectory, type CommandContext } from './context.js';

export const SCHEMA_KINDS = ['partnership', 'session', 'mentor'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** mentor schema [--out dir] */
export function schemaCommand(flags: { out?: string; kind?: SchemaKind }, ctx: CommandContext): number {
  // Partnerships are described under the method of the repository here, if any, else the default one.
  const method = methodAt(workingDirectory(ctx));
  if (flags.out !== undefined) {
    for (const file of writeSchemas(path.resolve(ctx.io.cwd, flags.out), method)) {
      ctx.io.stderr.write(`wrote ${printable(path.relative(ctx.io.cwd, file) || file)}\n`);
    }
    return 0;
  }
  const schemas = exportSchemas(method);
  if (flags.kind !== undefined) {
    ctx.io.stdout.write(schemas[`${flags.kind}.schema.json`]);
    return 0;
  }
  ctx.io.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(schemas).map(([n, t]) => [n, JSON.parse(t)])), null, 2)}\n`);
  return 0;
}
