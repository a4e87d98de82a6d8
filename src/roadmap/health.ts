import type { PartnershipFacts, SessionFacts } from '../model/facts.js';
import type { Method } from '../model/method.js';
import type { PathSegment } from '../model/source.js';
import { addMonthsTo, daysBetween } from '../util/dates.js';
import { isTargetOverdue, levelCounts, stageEnteredOn } from './figures.js';
import { isTerminal, mentoringStage, stageEntries, stageRank } from './stages.js';

export type HealthCode = 'MTR060' | 'MTR061' | 'MTR062' | 'MTR063' | 'MTR064' | 'MTR065' | 'MTR066';

/** A health warning about a partnership, pointing at a path in partnership.yaml. */
export interface HealthFinding {
  code: HealthCode;
  path: PathSegment[];
  message: string;
  hint?: string;
}

/**
 * The health warnings of SPEC section 1 for an active partnership, as of `today`, with the
 * method's limits; those of the mentoring stage apply to the stage the method marks `mentoring`.
 */
export function assessHealth(method: Method, p: PartnershipFacts, sessions: readonly SessionFacts[], today: string): HealthFinding[] {
  if (p.status !== 'active' || typeof p.stage !== 'string') return [];
  const findings: HealthFinding[] = [];
  const { limits } = method;
  const stage = p.stage;
  const held = (Array.isArray(sessions) ? sessions : []).filter((s): s is SessionFacts & { date: string } => typeof s?.date === 'string' && s.date <= today);
  const entered = stageEnteredOn(p);
  const mentoring = mentoringStage(method);

  if (mentoring && stage === mentoring.id && entered && addMonthsTo(entered, limits.mentoring_months) < today) {
    const after = method.stages.filter((s) => s.rank === mentoring.rank + 1).map((s) => s.id);
    findings.push({
      code: 'MTR060',
      path: ['stage'],
      message: `in ${stage} since ${entered}, more than ${limits.mentoring_months} months (the roadmap plans about a year)`,
      hint: `move on to ${after.join(' or ')} with \`mentor advance\`, or record why the process takes longer`,
    });
  }

  if (mentoring && stageRank(method, stage) >= mentoring.rank && !isTerminal(method, stage)) {
    const lastSession = held.map((s) => s.date).sort().at(-1);
    const mentoringSince = stageEntries(p.history).find((e) => e.stage === mentoring.id && e.date !== undefined)?.date;
    const since = lastSession ?? mentoringSince;
    if (since && daysBetween(since, today) > limits.session_gap_days) {
      findings.push({
        code: 'MTR061',
        path: ['stage'],
        message: lastSession
          ? `no session for ${daysBetween(since, today)} days (the last was on ${since})`
          : `no session logged in the ${daysBetween(since, today)} days since ${mentoring.id} began (${since})`,
        hint: 'log the sessions held with `mentor session add`, or `mentor suspend` a partnership on hold',
      });
    }
  }

  const { technical, political } = levelCounts(held);
  const ratio = limits.technical_per_political;
  if (technical < ratio * political) {
    findings.push({
      code: 'MTR062',
      path: ['stage'],
      message:
        ratio === 1
          ? `more political than technical sessions (${technical} technical, ${political} political)`
          : `fewer than ${ratio} technical sessions to each political one (${technical} technical, ${political} political)`,
      hint: ratio === 1 ? 'the programme expects about three technical exchanges to one political' : `the method expects at least ${ratio} technical exchanges to one political`,
    });
  }

  const targets = Array.isArray(p.targets) ? p.targets : [];
  if (targets.length > limits.max_targets) {
    findings.push({
      code: 'MTR063',
      path: ['targets'],
      message: `${targets.length} targets; the programme starts with at most ${limits.max_targets}`,
      hint: 'start with a small project: drop or merge targets',
    });
  }
  targets.forEach((target, index) => {
    if (!isTargetOverdue(target, today)) return;
    findings.push({
      code: 'MTR064',
      path: ['targets', index, 'due'],
      message: `target "${target?.id ?? index + 1}" was due on ${target?.due} and is ${target?.status ?? 'not achieved'}`,
      hint: 'set its status to achieved or dropped, or agree a new due date',
    });
  });

  const heldDates = new Set(held.map((s) => s.date));
  (Array.isArray(p.sessions_planned) ? p.sessions_planned : []).forEach((planned, index) => {
    const date = planned?.date;
    if (date === undefined || date >= today || heldDates.has(date)) return;
    findings.push({
      code: 'MTR065',
      path: ['sessions_planned', index, 'date'],
      message: `the session planned for ${date}${planned?.title ? ` ("${planned.title}")` : ''} was never logged`,
      hint: 'log it with `mentor session add --date ' + date + '`, or remove it from sessions_planned',
    });
  });

  (Array.isArray(p.milestones) ? p.milestones : []).forEach((milestone, index) => {
    const due = milestone?.due;
    if (due === undefined || due >= today || milestone?.done === true) return;
    findings.push({
      code: 'MTR066',
      path: ['milestones', index, 'due'],
      message: `milestone${milestone?.title ? ` "${milestone.title}"` : ''} was due on ${due} and is not marked done`,
      hint: 'add `done: true` when it is reached, or agree a new due date',
    });
  });

  return findings;
}
