import { RATING_KEYS, type StageId } from '../model/constants.js';
import type { PartnershipFacts } from '../model/facts.js';
import { ratingScore } from '../model/rating.js';

/** What a gate looks at: the partnership's facts (from a file that may be invalid) and its logged sessions. */
export interface GateInput {
  partnership: PartnershipFacts;
  sessionCount: number;
}

/** Text with something in it (the facts keep blank text where the schema allows it). */
const hasText = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

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

type Check = (input: GateInput) => boolean | string;
interface RequirementRule {
  id: string;
  label: string;
  field: string;
  /** true when met; false or a detail string when not. */
  check: Check;
  /** Checked when entering the stage only; once there, health checks take over (more than 5 targets is a warning). */
  entryOnly?: boolean;
}

const REQUEST_RULES: RequirementRule[] = [
  { id: 'request.date', label: 'the date the request was made', field: 'request.date', check: ({ partnership: p }) => p.request?.date !== undefined },
  { id: 'request.from', label: 'who sent the request', field: 'request.from', check: ({ partnership: p }) => hasText(p.request?.from) },
  { id: 'request.topic', label: 'the topic of the request', field: 'request.topic', check: ({ partnership: p }) => hasText(p.request?.topic) },
];

function approvalRule(side: 'mentor' | 'mentee'): RequirementRule {
  return {
    id: `agreement.approval.${side}`,
    label: `political approval on the ${side} side (the approving body and the date)`,
    field: 'agreement.approvals',
    check: ({ partnership: p }) =>
      (p.agreement?.approvals ?? []).some((approval) => approval?.side === side && hasText(approval.body) && approval.date !== undefined),
  };
}

const sessionLogged: RequirementRule = {
  id: 'sessions.logged',
  label: 'at least one session logged',
  field: 'sessions/',
  check: ({ sessionCount }) => sessionCount > 0 || 'no session is logged yet (mentor session add)',
};

/** The gate of each stage: what must be recorded before a partnership may enter it (SPEC section 1). */
const GATES: Record<StageId, RequirementRule[]> = {
  request: [
    { id: 'id', label: 'an id', field: 'id', check: ({ partnership: p }) => hasText(p.id) },
    { id: 'mentor', label: 'a mentor, or "tbd" while none is found', field: 'mentor.name', check: ({ partnership: p }) => hasText(p.mentor?.name) },
    { id: 'mentee', label: 'the mentee, with its country', field: 'mentee', check: ({ partnership: p }) => hasText(p.mentee?.name) && hasText(p.mentee.country) },
    ...REQUEST_RULES,
  ],
  assessment: REQUEST_RULES,
  agreement: [
    { id: 'assessment.date', label: 'the needs assessment, with its date', field: 'assessment.date', check: ({ partnership: p }) => p.assessment?.date !== undefined },
    { id: 'assessment.lga', label: "the mentee's national local-government association consulted", field: 'assessment.lga', check: ({ partnership: p }) => hasText(p.assessment?.lga) },
    { id: 'assessment.interest_confirmed', label: 'interest confirmed in the assessment', field: 'assessment.interest_confirmed', check: ({ partnership: p }) => p.assessment?.interest_confirmed === true },
    {
      id: 'mentor.identified',
      label: 'a mentor identified (a name other than "tbd", and its country)',
      field: 'mentor.name',
      check: ({ partnership: p }) => {
        const mentor = p.mentor;
        return hasText(mentor?.name) && mentor.name !== 'tbd' && hasText(mentor.country);
      },
    },
  ],
  setup: [
    approvalRule('mentor'),
    approvalRule('mentee'),
    { id: 'terms.objectives', label: 'Terms of Reference with at least one objective', field: 'agreement.terms.objectives', check: ({ partnership: p }) => (p.agreement?.terms?.objectives ?? []).some(hasText) },
    {
      id: 'terms.duration_months',
      label: 'the duration in the Terms of Reference, in months',
      field: 'agreement.terms.duration_months',
      check: ({ partnership: p }) => {
        const months = p.agreement?.terms?.duration_months;
        return months !== undefined && months > 0;
      },
    },
    { id: 'terms.evaluation_method', label: 'the evaluation method in the Terms of Reference', field: 'agreement.terms.evaluation_method', check: ({ partnership: p }) => hasText(p.agreement?.terms?.evaluation_method) },
  ],
  mentoring: [
    {
      id: 'task_force.lead',
      label: 'a task force with a member of the mentee side marked lead',
      field: 'task_force',
      check: ({ partnership: p }) =>
        (p.task_force ?? []).some((member) => member?.side === 'mentee' && member.lead === true && hasText(member.name)),
    },
    {
      id: 'targets.some',
      label: 'at least one target in targets',
      field: 'targets',
      check: ({ partnership: p }) => (p.targets ?? []).length >= 1,
    },
    {
      id: 'targets.at-most-5',
      label: 'at most 5 targets ("start with a small project")',
      field: 'targets',
      check: ({ partnership: p }) => (p.targets ?? []).length <= 5 || `there are ${(p.targets ?? []).length}`,
      entryOnly: true,
    },
    {
      id: 'targets.complete',
      label: 'every target with an indicator and a due date',
      field: 'targets',
      check: ({ partnership: p }) => {
        const incomplete = (p.targets ?? [])
          .map((target, index) => ({ target, index }))
          .filter(({ target }) => !hasText(target?.indicator) || target?.due === undefined)
          .map(({ target, index }) => (hasText(target?.id) ? target.id : `#${index + 1}`));
        return incomplete.length === 0 || `incomplete: ${incomplete.join(', ')}`;
      },
    },
  ],
  evaluation: [sessionLogged],
  launch: [
    sessionLogged,
    { id: 'product.title', label: 'the product (a City Development Strategy or other) with its title', field: 'product.title', check: ({ partnership: p }) => hasText(p.product?.title) },
    { id: 'product.adopted', label: "the product's adoption date", field: 'product.adopted', check: ({ partnership: p }) => p.product?.adopted !== undefined },
  ],
  promotion: [
    {
      id: 'evaluation.ratings',
      label: 'an evaluation recorded, with its date and all seven ratings',
      field: 'evaluation',
      check: ({ partnership: p }) => {
        const evaluation = p.evaluation;
        if (!evaluation) return 'no evaluation is recorded';
        const missing = RATING_KEYS.filter((key) => ratingScore(evaluation.ratings?.[key]) === undefined);
        if (evaluation.date === undefined) return 'the evaluation has no date';
        return missing.length === 0 || `missing ratings: ${missing.join(', ')}`;
      },
    },
    { id: 'product.launched', label: "the product's launch date", field: 'product.launched', check: ({ partnership: p }) => p.product?.launched !== undefined },
  ],
  closed: [
    { id: 'handover.date', label: 'the handover, with its date', field: 'handover.date', check: ({ partnership: p }) => p.handover?.date !== undefined },
    { id: 'handover.owner', label: 'who in the mentee city owns the follow-up', field: 'handover.owner', check: ({ partnership: p }) => hasText(p.handover?.owner) },
  ],
};

/**
 * Evaluate the gate into `stage`: every requirement, met or not. With `entered`, the stage was
 * entered already and requirements that only hold at the door (at most 5 targets) are left out.
 */
export function evaluateGate(stage: StageId, input: GateInput, options: { entered?: boolean } = {}): GateResult {
  const rules = options.entered ? GATES[stage].filter((rule) => !rule.entryOnly) : GATES[stage];
  const requirements = rules.map((rule): Requirement => {
    const outcome = rule.check(input);
    const requirement: Requirement = { id: rule.id, label: rule.label, field: rule.field, met: outcome === true };
    if (typeof outcome === 'string') requirement.detail = outcome;
    return requirement;
  });
  return { stage, met: requirements.every((r) => r.met), requirements };
}
