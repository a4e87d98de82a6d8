import { checkPartnership } from '../check/partnership.js';
import { UsageError } from '../errors.js';
import type { StageId } from '../model/constants.js';
import type { Method } from '../model/method.js';
import type { Partnership } from '../model/partnership.js';
import { evaluateGate, isForward, isStageId, isTerminal, lastHistoryDate, nextStage, stageIds, stagesOnTheWay, type GateResult } from '../roadmap/index.js';
import type { YamlEdit } from '../store/edit.js';
import type { Repository } from '../store/repository.js';
import { checkedUpdate, requireValid } from './checked-write.js';
import { requireMethod } from './method.js';

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
export function planAdvance(method: Method, p: Partnership, sessionCount: number, options: Pick<AdvanceOptions, 'id' | 'to' | 'date' | 'force'>): AdvancePlan {
  const from = p.stage;
  requireStage(method, options.to);
  const to = options.to ?? nextStage(method, from, p.history);
  if (!to) {
    throw new UsageError(
      `${options.id} is at "${from}", the last stage: there is no stage after it`,
      isTerminal(method, from) ? 'a forced move back reopens it: --to <stage> --force --reason <text>' : 'a forced move back: --to <stage> --force --reason <text>',
    );
  }
  const last = lastHistoryDate(p);
  if (last && options.date < last) {
    throw new UsageError(`--date ${options.date} is before the last history entry (${last})`, 'history stays in date order');
  }
  if (to === from) throw new UsageError(`${options.id} is already at "${to}"`);
  const backward = !isForward(method, from, to, p.history);
  const way = backward ? [] : stagesOnTheWay(method, from, to, p.history);
  const gates = way.map((stage) => evaluateGate(method, stage, { partnership: p, sessionCount }));
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
  const method = requireMethod(repo);
  requireStage(method, options.to);
  if (options.dryRun) {
    repo.requirePartnership(options.id);
    const folder = repo.folder(options.id);
    const check = checkPartnership(folder, options.today, method);
    const partnership = requireValid(folder, check, 'no gate is evaluated on invalid data');
    const plan = planAdvance(method, partnership, check.sessionCount, options);
    return { ...plan, outcome: plan.refusal && !options.force ? 'refused' : 'dry-run' };
  }
  let plan: AdvancePlan | undefined;
  const { before, after } = checkedUpdate(repo, method, options.id, options.today, (p, check) => {
    plan = planAdvance(method, p, check.sessionCount, options);
    if (plan.refusal && !options.force) return undefined;
    return advanceEdit(method, p, plan, options);
  });
  const result = plan!;
  return { ...result, outcome: result.refusal && !options.force ? 'refused' : 'moved', before, after };
}

/** `--to` names a stage of the repository's method, or is a usage error listing them. */
function requireStage(method: Method, stage: string | undefined): void {
  if (stage === undefined || isStageId(method, stage)) return;
  throw new UsageError(`--to ${stage} is not a stage of the method "${method.name}"`, `the stages are: ${stageIds(method).join(', ')}`);
}

function advanceEdit(method: Method, p: Partnership, plan: AdvancePlan, options: AdvanceOptions): YamlEdit {
  const entry: Record<string, unknown> = { stage: plan.to, date: options.date };
  const note = options.note ?? (!plan.forced ? options.reason : undefined);
  if (note) entry.note = note;
  if (plan.forced) {
    entry.forced = true;
    entry.reason = options.reason;
  }
  const edit: YamlEdit = { set: [[['stage'], plan.to]], append: [[['history'], entry]] };
  // Entering the terminal stage closes the partnership; a forced move out of it reopens it.
  if (isTerminal(method, plan.to) && p.status !== 'closed') edit.set!.push([['status'], 'closed']);
  if (isTerminal(method, plan.from) && p.status === 'closed') edit.set!.push([['status'], 'active']);
  return edit;
}
