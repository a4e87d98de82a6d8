import path from 'node:path';
import { exportIati } from '../ops/export-iati.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';

export interface ExportIatiFlags {
  out?: string;
  asOf?: string;
}

/** mentor export iati [id...] [--out file.xml] */
export function exportIatiCommand(ids: string[], flags: ExportIatiFlags, ctx: CommandContext): number {
  const today = dateOption(flags.asOf, '--as-of');
  const cwd = workingDirectory(ctx);
  const result = exportIati(openRepo(ctx), {
    cwd,
    today,
    ids,
    ...(flags.asOf !== undefined && { asOf: flags.asOf }),
    ...(flags.out !== undefined && { out: flags.out }),
  });
  if (result.output !== undefined) ctx.io.stdout.write(result.output);
  if (result.written !== undefined) {
    ctx.io.stderr.write(`wrote ${path.relative(cwd, result.written) || result.written} (${result.activities} activit${result.activities === 1 ? 'y' : 'ies'})\n`);
  }
  return 0;
}
