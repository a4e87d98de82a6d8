import path from 'node:path';
import { renderReportParallel, type ReportFormat, type ReportKind } from '../ops/report.js';
import type { Lang } from '../render/index.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { printable } from '../ui/printable.js';
import { dateOption, speedOptions, type CommandContext } from './context.js';

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
  const root = requireRepoRoot(ctx.repoStart);
  const result = await renderReportParallel({
    root,
    cwd: ctx.io.cwd,
    today,
    ...(id !== undefined && { id }),
    portfolio: flags.portfolio ?? false,
    kind: flags.kind,
    format: flags.format,
    ...(flags.locale !== undefined && { locale: flags.locale }),
    ...(flags.out !== undefined && { out: flags.out }),
    stdout: flags.stdout ?? false,
    env: ctx.io.env,
  }, speedOptions(ctx));
  // A PDF goes to standard output as bytes; process.stdout takes both.
  if (result.output !== undefined) (ctx.io.stdout.write as (chunk: string | Uint8Array) => unknown).call(ctx.io.stdout, result.output);
  for (const file of result.written) ctx.io.stderr.write(`wrote ${printable(path.relative(ctx.io.cwd, file) || file)}\n`);
  return 0;
}
