import type { StageId } from '../model/constants.js';
import { evaluateGate, isForward, isStageId, nextStage, stagesOnTheWay, type GateResult } from '../roadmap/index.js';
import { UsageError } from '../errors.js';
import type { YamlEdit } from '../store/edit.js';
import { countSessionFiles, readPartnershipData, updatePartnership } from '../store/partnership-file.js';
import { lastHistoryDate } from './history.js';
import type { Loose } from '../util/loose.js';

export interface AdvanceOptions {
  root: string;
  id: string;
  /** The stage to enter; the next one on the roadmap when absent. */
  to?: StageId;
  date: string;
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

/** Plan a move from the partnership's data: the stage to enter, the gates on the way, and whether it is allowed. */
export function planAdvance(data: Loose, sessionCount: number, options: Pick<AdvanceOptions, 'id' | 'to' | 'date' | 'force'>): AdvancePlan {
  if (!isStageId(data.stage)) throw new UsageError(`${options.id} has no valid stage; fix partnership.yaml first (mentor validate shows why)`);
  const from = data.stage;
  const to = options.to ?? nextStage(from, data.history);
  if (!to) throw new UsageError(`${options.id} is closed: there is no stage after "closed"`, 'a forced move back reopens it: --to <stage> --force --reason <text>');
  const last = lastHistoryDate(data);
  if (last && options.date < last) {
    throw new UsageError(`--date ${options.date} is before the last history entry (${last})`, 'history stays in date order');
  }
  if (to === from) throw new UsageError(`${options.id} is already at "${to}"`);
  const backward = !isForward(from, to, data.history);
  const way = backward ? [] : stagesOnTheWay(from, to, data.history);
  const gates = way.map((stage) => evaluateGate(stage, { partnership: data, sessionCount }));
  const unmet = gates.filter((g) => !g.met);
  let refusal: string | undefined;
  if (backward) refusal = `moving back from "${from}" to "${to}" needs --force with --reason`;
  else if (data.status === 'suspended' || data.status === 'cancelled') refusal = `the partnership is ${String(data.status)}; resume it first (mentor resume ${options.id})`;
  else if (unmet.length > 0) {
    refusal = unmet.length === 1 ? `the gate of "${unmet[0]!.stage}" is not met` : `the gates of ${unmet.map((g) => `"${g.stage}"`).join(' and ')} are not met`;
  }
  const plan: AdvancePlan = { id: options.id, from, to, gates, backward, forced: Boolean(options.force) && refusal !== undefined };
  if (refusal) plan.refusal = refusal;
  return plan;
}

/** Move a partnership along the roadmap (or show, with dryRun, what the move needs). */
export function advancePartnership(options: AdvanceOptions): AdvanceResult {
  if (options.force && !options.reason?.trim()) throw new UsageError('--force needs --reason <text>: a forced move is recorded with its reason');
  if (options.dryRun) {
    const { data } = readPartnershipData(options.root, options.id);
    const plan = planAdvance(data, countSessionFiles(options.root, options.id), options);
    return { ...plan, outcome: plan.refusal && !options.force ? 'refused' : 'dry-run' };
  }
  let plan: AdvancePlan | undefined;
  const sessionCount = countSessionFiles(options.root, options.id);
  const { before, after } = updatePartnership(options.root, options.id, (data) => {
    plan = planAdvance(data, sessionCount, options);
    if (plan.refusal && !options.force) return undefined;
    return advanceEdit(data, plan, options);
  });
  const result = plan!;
  return { ...result, outcome: result.refusal && !options.force ? 'refused' : 'moved', before, after };
}

function advanceEdit(data: Loose, plan: AdvancePlan, options: AdvanceOptions): YamlEdit {
  const entry: Record<string, unknown> = { stage: plan.to, date: options.date };
  const note = options.note ?? (!plan.forced ? options.reason : undefined);
  if (note) entry.note = note;
  if (plan.forced) {
    entry.forced = true;
    entry.reason = options.reason;
  }
  const edit: YamlEdit = { set: [[['stage'], plan.to]], append: [[['history'], entry]] };
  if (plan.to === 'closed' && data.status !== 'closed') edit.set!.push([['status'], 'closed']);
  if (plan.from === 'closed' && data.status === 'closed') edit.set!.push([['status'], 'active']);
  return edit;
}
