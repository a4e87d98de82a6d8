import path from 'node:path';
import { renderReport, type Lang, type ReportFormat, type ReportKind } from '../ops/report.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';
import { printable } from '../ui/printable.js';

export interface ReportFlags {
  kind: ReportKind;
  format: ReportFormat;
  locale?: Lang;
  out?: string;
  stdout?: boolean;
  portfolio?: boolean;
  asOf?: string;
}

/** mentor report <id> | mentor report --portfolio */
export async function reportCommand(id: string | undefined, flags: ReportFlags, ctx: CommandContext): Promise<number> {
  const today = dateOption(flags.asOf, '--as-of');
  const cwd = workingDirectory(ctx);
  const result = await renderReport(openRepo(ctx), {
    cwd,
    today,
    ...(id !== undefined && { id }),
    portfolio: flags.portfolio ?? false,
    kind: flags.kind,
    format: flags.format,
    ...(flags.locale !== undefined && { locale: flags.locale }),
    ...(flags.out !== undefined && { out: flags.out }),
    stdout: flags.stdout ?? false,
    env: ctx.io.env,
  });
  // A PDF goes to standard output as bytes; process.stdout takes both.
  if (result.output !== undefined) (ctx.io.stdout.write as (chunk: string | Uint8Array) => unknown).call(ctx.io.stdout, result.output);
  for (const note of result.notes) ctx.io.stderr.write(`hint: ${printable(note)}\n`);
  for (const file of result.written) ctx.io.stderr.write(`wrote ${printable(path.relative(cwd, file) || file)}\n`);
  return 0;
}
