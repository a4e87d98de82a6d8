import { changeStatus, type StatusAction } from '../ops/status-change.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { printable } from '../ui/printable.js';
import { dateOption, type CommandContext } from './context.js';

/** mentor suspend|resume|cancel <id> */
export function statusChangeCommand(action: StatusAction, id: string, flags: { reason?: string; date?: string }, ctx: CommandContext): number {
  const date = dateOption(flags.date, '--date');
  const root = requireRepoRoot(ctx.repoStart);
  const result = changeStatus({ root, id, action, date, ...(flags.reason !== undefined && { reason: flags.reason }) });
  if (result.refusal) {
    ctx.io.stderr.write(`mentor: ${printable(result.refusal)}\n`);
    return 1;
  }
  ctx.io.stdout.write(`${id}: ${result.from} → ${result.to} on ${date}\n`);
  return 0;
}
