import { checkPartnership } from '../check/partnership.js';
import { UsageError } from '../errors.js';
import type { StageId } from '../model/constants.js';
import type { Partnership } from '../model/partnership.js';
import { evaluateGate, isForward, lastHistoryDate, nextStage, stagesOnTheWay, type GateResult } from '../roadmap/index.js';
import type { YamlEdit } from '../store/edit.js';
import type { Repository } from '../store/repository.js';
import { checkedUpdate, requireValid } from './checked-write.js';

export interface AdvanceOptions {
  id: string;
  /** The stage to enter; the next one on the roadmap when absent. */
  to?: StageId;
  date: string;
  /** Today, for the checks made before and after the change (health warnings never block). */
  today: string;
  note?: string;
  force?: boolean;
  reason?: string;
  dryRun?: boolean;
}

export interface AdvancePlan {
  id: string;
  from: StageId;
  to: StageId;
  /** The gate of every stage entered on the way, `to` last; empty for a move back. */
  gates: GateResult[];
  backward: boolean;
  /** Why the move is refused (without --force), when it is. */
  refusal?: string;
  forced: boolean;
}

export type AdvanceResult = AdvancePlan & { outcome: 'moved' | 'refused' | 'dry-run'; before?: string; after?: string };

/** Plan a move from a valid partnership: the stage to enter, the gates on the way, and whether it is allowed. */
export function planAdvance(p: Partnership, sessionCount: number, options: Pick<AdvanceOptions, 'id' | 'to' | 'date' | 'force'>): AdvancePlan {
  const from = p.stage;
  const to = options.to ?? nextStage(from, p.history);
  if (!to) throw new UsageError(`${options.id} is closed: there is no stage after "closed"`, 'a forced move back reopens it: --to <stage> --force --reason <text>');
  const last = lastHistoryDate(p);
  if (last && options.date < last) {
    throw new UsageError(`--date ${options.date} is before the last history entry (${last})`, 'history stays in date order');
  }
  if (to === from) throw new UsageError(`${options.id} is already at "${to}"`);
  const backward = !isForward(from, to, p.history);
  const way = backward ? [] : stagesOnTheWay(from, to, p.history);
  const gates = way.map((stage) => evaluateGate(stage, { partnership: p, sessionCount }));
  const unmet = gates.filter((g) => !g.met);
  let refusal: string | undefined;
  if (backward) refusal = `moving back from "${from}" to "${to}" needs --force with --reason`;
  else if (p.status === 'suspended' || p.status === 'cancelled') refusal = `the partnership is ${p.status}; resume it first (mentor resume ${options.id})`;
  else if (unmet.length > 0) {
    refusal = unmet.length === 1 ? `the gate of "${unmet[0]!.stage}" is not met` : `the gates of ${unmet.map((g) => `"${g.stage}"`).join(' and ')} are not met`;
  }
  const plan: AdvancePlan = { id: options.id, from, to, gates, backward, forced: Boolean(options.force) && refusal !== undefined };
  if (refusal) plan.refusal = refusal;
  return plan;
}

/** Move a partnership along the roadmap (or show, with dryRun, what the move needs). Gates are evaluated on valid files only. */
export function advancePartnership(repo: Repository, options: AdvanceOptions): AdvanceResult {
  if (options.force && !options.reason?.trim()) throw new UsageError('--force needs --reason <text>: a forced move is recorded with its reason');
  if (options.dryRun) {
    repo.requirePartnership(options.id);
    const folder = repo.folder(options.id);
    const check = checkPartnership(folder, options.today);
    const partnership = requireValid(folder, check, 'no gate is evaluated on invalid data');
    const plan = planAdvance(partnership, check.sessionCount, options);
    return { ...plan, outcome: plan.refusal && !options.force ? 'refused' : 'dry-run' };
  }
  let plan: AdvancePlan | undefined;
  const { before, after } = checkedUpdate(repo, options.id, options.today, (p, check) => {
    plan = planAdvance(p, check.sessionCount, options);
    if (plan.refusal && !options.force) return undefined;
    return advanceEdit(p, plan, options);
  });
  const result = plan!;
  return { ...result, outcome: result.refusal && !options.force ? 'refused' : 'moved', before, after };
}

function advanceEdit(p: Partnership, plan: AdvancePlan, options: AdvanceOptions): YamlEdit {
  const entry: Record<string, unknown> = { stage: plan.to, date: options.date };
  const note = options.note ?? (!plan.forced ? options.reason : undefined);
  if (note) entry.note = note;
  if (plan.forced) {
    entry.forced = true;
    entry.reason = options.reason;
  }
  const edit: YamlEdit = { set: [[['stage'], plan.to]], append: [[['history'], entry]] };
  if (plan.to === 'closed' && p.status !== 'closed') edit.set!.push([['status'], 'closed']);
  if (plan.from === 'closed' && p.status === 'closed') edit.set!.push([['status'], 'active']);
  return edit;
}
