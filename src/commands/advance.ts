import { UsageError } from '../errors.js';
import { advancePartnership } from '../ops/advance.js';
import { renderGates } from '../ui/gates.js';
import { localToday } from '../util/dates.js';
import { dateOption, openRepo, type CommandContext } from './context.js';
import { printable } from '../ui/printable.js';

export interface AdvanceFlags {
  to?: string;
  date?: string;
  note?: string;
  force?: boolean;
  reason?: string;
  dryRun?: boolean;
}

/** mentor advance <id> */
export function advanceCommand(id: string, flags: AdvanceFlags, ctx: CommandContext): number {
  const date = dateOption(flags.date, '--date');
  if (flags.reason !== undefined && !flags.force) throw new UsageError('--reason goes with --force (use --note for a remark on a normal move)');
  const result = advancePartnership(openRepo(ctx), {
    id,
    date,
    today: localToday(),
    ...(flags.to !== undefined && { to: flags.to }),
    ...(flags.note !== undefined && { note: flags.note }),
    ...(flags.force && { force: true }),
    ...(flags.reason !== undefined && { reason: flags.reason }),
    ...(flags.dryRun && { dryRun: true }),
  });
  const { io } = ctx;
  const move = `${id}: ${result.from} → ${result.to}`;
  if (result.outcome === 'dry-run' || (flags.dryRun && result.outcome === 'refused')) {
    io.stdout.write(`${move} (dry run, nothing written)\n${renderGates(result.gates, io.color)}`);
    if (result.refusal) io.stdout.write(`${flags.force ? 'would be forced' : 'refused'}: ${printable(result.refusal)}\n`);
    return result.outcome === 'refused' ? 1 : 0;
  }
  if (result.outcome === 'refused') {
    io.stderr.write(`mentor: cannot move ${move}: ${printable(result.refusal ?? '')}\n${renderGates(result.gates.filter((g) => !g.met), io.color, true)}`);
    if (!result.backward) io.stderr.write(`record what is missing in partnerships/${id}/partnership.yaml, or (for a good reason) use --force --reason <text>\n`);
    return 1;
  }
  if (flags.force && !result.forced) io.stderr.write('note: the move needed no --force; it is recorded as a normal move (the reason is kept as its note when there is none)\n');
  io.stdout.write(`${move} on ${date}${result.forced ? ' (forced)' : ''}\n`);
  return 0;
}
