import { changeStatus, type StatusAction } from '../ops/status-change.js';
import { localToday } from '../util/dates.js';
import { dateOption, openRepo, type CommandContext } from './context.js';
import { printable } from '../ui/printable.js';

/** mentor suspend|resume|cancel <id> */
export function statusChangeCommand(action: StatusAction, id: string, flags: { reason?: string; date?: string }, ctx: CommandContext): number {
  const date = dateOption(flags.date, '--date');
  const result = changeStatus(openRepo(ctx), { id, action, date, today: localToday(), ...(flags.reason !== undefined && { reason: flags.reason }) });
  if (result.refusal) {
    ctx.io.stderr.write(`mentor: ${printable(result.refusal)}\n`);
    return 1;
  }
  ctx.io.stdout.write(`${id}: ${result.from} → ${result.to} on ${date}\n`);
  return 0;
}
