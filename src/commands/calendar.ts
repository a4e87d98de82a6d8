import path from 'node:path';
import { buildCalendar, type Lang } from '../ops/calendar.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';

export interface CalendarFlags {
  out?: string;
  asOf?: string;
  locale?: Lang;
}

/** mentor calendar [id] [--out file.ics] */
export function calendarCommand(id: string | undefined, flags: CalendarFlags, ctx: CommandContext): number {
  const today = dateOption(flags.asOf, '--as-of');
  const cwd = workingDirectory(ctx);
  const result = buildCalendar(openRepo(ctx), {
    cwd,
    today,
    ...(id !== undefined && { id }),
    ...(flags.asOf !== undefined && { asOf: flags.asOf }),
    ...(flags.locale !== undefined && { locale: flags.locale }),
    ...(flags.out !== undefined && { out: flags.out }),
  });
  if (result.output !== undefined) ctx.io.stdout.write(result.output);
  if (result.written !== undefined) ctx.io.stderr.write(`wrote ${path.relative(cwd, result.written) || result.written} (${result.events} events)\n`);
  return 0;
}
