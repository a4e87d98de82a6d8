// Gates: what must be recorded before a partnership may enter a stage. A method's gate is a list
// of requirements, each one of the checks below with its parameters, label and field hint.
import type { StageId } from '../model/constants.js';
import type { PartnershipFacts } from '../model/facts.js';
import type { CheckName, Method, RequirementSpec } from '../model/method.js';
import { ratingScore } from '../model/rating.js';
import { isIsoDate } from '../util/dates.js';

/** What a gate looks at: the partnership's facts (from a file that may be invalid) and its logged sessions. */
export interface GateInput {
  partnership: PartnershipFacts;
  sessionCount: number;
}

/** One entry requirement of a stage, met or not. */
export interface Requirement {
  /** Stable name, such as "agreement.approval.mentee". */
  id: string;
  /** What is required, in words a programme officer understands. */
  label: string;
  /** Where to record it: a path in partnership.yaml, or "sessions/". */
  field: string;
  met: boolean;
  /** Why it is not met, when there is more to say than the label. */
  detail?: string;
}

export interface GateResult {
  stage: StageId;
  met: boolean;
  requirements: Requirement[];
}

/** Text with something in it (the facts keep blank text where the schema allows it). */
const hasText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The value at a dotted path of partnership.yaml (a method names fields as data, so they are looked up as such). */
function valueAt(p: PartnershipFacts, path: string): unknown {
  let value: unknown = p;
  for (const key of path.split('.')) value = record(value)?.[key];
  return value;
}

/** Whether a value counts as recorded: text that is not blank (nor `except`), a list with such an item, a number, a boolean. */
function isPresent(value: unknown, except?: string): boolean {
  if (Array.isArray(value)) return value.some((item) => isPresent(item, except));
  if (typeof value === 'string') return hasText(value) && value !== except;
  return typeof value === 'number' || typeof value === 'boolean' || record(value) !== undefined;
}

/** true when met; false or a detail string when not. */
type Check = (input: GateInput, r: RequirementSpec, method: Method) => boolean | string;

/** The catalogue of checks a method's requirements are drawn from (src/model/method.ts lists their parameters). */
const RULES: Record<CheckName, Check> = {
  present: ({ partnership: p }, r) => r.paths.every((path) => isPresent(valueAt(p, path), r.except)),
  confirmed: ({ partnership: p }, r) => r.paths.every((path) => valueAt(p, path) === true),
  date: ({ partnership: p }, r) => r.paths.every((path) => isIsoDate(valueAt(p, path))),
  at_least: ({ partnership: p }, r) =>
    r.paths.every((path) => {
      const value = valueAt(p, path);
      return typeof value === 'number' && value >= (r.min ?? 0);
    }),
  count: ({ partnership: p }, r) => {
    const n = list(valueAt(p, r.paths[0]!)).length;
    if (r.max !== undefined && n > r.max) return `there are ${n}`;
    return n >= (r.min ?? 0);
  },
  approval: ({ partnership: p }, r) =>
    list(record(p.agreement)?.approvals).some((a) => record(a)?.side === r.side && hasText(record(a)?.body) && isIsoDate(record(a)?.date)),
  sessions: ({ sessionCount }, r) => {
    const min = r.min ?? 1;
    if (sessionCount >= min) return true;
    return sessionCount === 0 ? 'no session is logged yet (mentor session add)' : `${sessionCount} logged of the ${min} needed (mentor session add)`;
  },
  ratings: ({ partnership: p }, _r, method) => {
    const evaluation = record(p.evaluation);
    if (!evaluation) return 'no evaluation is recorded';
    const ratings = record(evaluation.ratings);
    const missing = method.ratings.criteria.map((c) => c.id).filter((id) => ratingScore(ratings?.[id], method.ratings.scale) === undefined);
    if (!isIsoDate(evaluation.date)) return 'the evaluation has no date';
    return missing.length === 0 || `missing ratings: ${missing.join(', ')}`;
  },
  lead: ({ partnership: p }, r) => list(p.task_force).some((m) => record(m)?.side === r.side && record(m)?.lead === true && hasText(record(m)?.name)),
  targets_complete: ({ partnership: p }) => {
    const incomplete = list(p.targets)
      .map((target, index) => ({ target: record(target), index }))
      .filter(({ target }) => !hasText(target?.indicator) || !isIsoDate(target?.due))
      .map(({ target, index }) => (hasText(target?.id) ? target.id : `#${index + 1}`));
    return incomplete.length === 0 || `incomplete: ${incomplete.join(', ')}`;
  },
};

/**
 * Evaluate the gate into `stage`: every requirement, met or not. With `entered`, the stage was
 * entered already and requirements that only hold at the door (entry_only) are left out.
 */
export function evaluateGate(method: Method, stage: StageId, input: GateInput, options: { entered?: boolean } = {}): GateResult {
  const gate = method.stages.find((s) => s.id === stage)?.gate ?? [];
  const rules = options.entered ? gate.filter((rule) => rule.entry_only !== true) : gate;
  const requirements = rules.map((rule): Requirement => {
    const outcome = RULES[rule.check](input, rule, method);
    const requirement: Requirement = { id: rule.id, label: rule.label, field: rule.field, met: outcome === true };
    if (typeof outcome === 'string') requirement.detail = outcome;
    return requirement;
  });
  return { stage, met: requirements.every((r) => r.met), requirements };
}
