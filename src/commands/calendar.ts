import path from 'node:path';
import { buildCalendar } from '../ops/calendar.js';
import type { Lang } from '../render/format.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { dateOption, type CommandContext } from './context.js';

export interface CalendarFlags {
  out?: string;
  asOf?: string;
  locale?: Lang;
}

/** mentor calendar [id] [--out file.ics] */
export function calendarCommand(id: string | undefined, flags: CalendarFlags, ctx: CommandContext): number {
  const today = dateOption(flags.asOf, '--as-of');
  const root = requireRepoRoot(ctx.repoStart);
  const result = buildCalendar({
    root,
    cwd: ctx.io.cwd,
    today,
    ...(id !== undefined && { id }),
    ...(flags.asOf !== undefined && { asOf: flags.asOf }),
    ...(flags.locale !== undefined && { locale: flags.locale }),
    ...(flags.out !== undefined && { out: flags.out }),
  });
  if (result.output !== undefined) ctx.io.stdout.write(result.output);
  if (result.written !== undefined) ctx.io.stderr.write(`wrote ${path.relative(ctx.io.cwd, result.written) || result.written} (${result.events} events)\n`);
  return 0;
}
