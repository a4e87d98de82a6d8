import type { PartnershipFacts, SessionFacts } from '../model/facts.js';
import type { PathSegment } from '../model/source.js';
import { addMonthsTo, daysBetween } from '../util/dates.js';
import { isTargetOverdue, levelCounts, stageEnteredOn } from './figures.js';
import { stageEntries, stageRank } from './stages.js';

export type HealthCode = 'MTR060' | 'MTR061' | 'MTR062' | 'MTR063' | 'MTR064' | 'MTR065' | 'MTR066';

/** A health warning about a partnership, pointing at a path in partnership.yaml. */
export interface HealthFinding {
  code: HealthCode;
  path: PathSegment[];
  message: string;
  hint?: string;
}

export const MENTORING_MONTHS_LIMIT = 15;
export const SESSION_GAP_DAYS = 120;
export const TARGETS_LIMIT = 5;

/** The health warnings of SPEC section 1 for an active partnership, as of `today`. */
export function assessHealth(p: PartnershipFacts, sessions: readonly SessionFacts[], today: string): HealthFinding[] {
  if (p.status !== 'active' || p.stage === undefined) return [];
  const findings: HealthFinding[] = [];
  const stage = p.stage;
  const held = sessions.filter((s): s is SessionFacts & { date: string } => s.date !== undefined && s.date <= today);
  const entered = stageEnteredOn(p);

  if (stage === 'mentoring' && entered && addMonthsTo(entered, MENTORING_MONTHS_LIMIT) < today) {
    findings.push({
      code: 'MTR060',
      path: ['stage'],
      message: `in mentoring since ${entered}, more than ${MENTORING_MONTHS_LIMIT} months (the roadmap plans about a year)`,
      hint: 'move on to evaluation or launch with `mentor advance`, or record why the process takes longer',
    });
  }

  if (stageRank(stage) >= stageRank('mentoring') && stage !== 'closed') {
    const lastSession = held.map((s) => s.date).sort().at(-1);
    const mentoringSince = stageEntries(p.history).find((e) => e.stage === 'mentoring' && e.date !== undefined)?.date;
    const since = lastSession ?? mentoringSince;
    if (since && daysBetween(since, today) > SESSION_GAP_DAYS) {
      findings.push({
        code: 'MTR061',
        path: ['stage'],
        message: lastSession
          ? `no session for ${daysBetween(since, today)} days (the last was on ${since})`
          : `no session logged in the ${daysBetween(since, today)} days since mentoring began (${since})`,
        hint: 'log the sessions held with `mentor session add`, or `mentor suspend` a partnership on hold',
      });
    }
  }

  const { technical, political } = levelCounts(held);
  if (political > technical) {
    findings.push({
      code: 'MTR062',
      path: ['stage'],
      message: `more political than technical sessions (${technical} technical, ${political} political)`,
      hint: 'the programme expects about three technical exchanges to one political',
    });
  }

  const targets = p.targets ?? [];
  if (targets.length > TARGETS_LIMIT) {
    findings.push({
      code: 'MTR063',
      path: ['targets'],
      message: `${targets.length} targets; the programme starts with at most ${TARGETS_LIMIT}`,
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
  (p.sessions_planned ?? []).forEach((planned, index) => {
    const date = planned?.date;
    if (date === undefined || date >= today || heldDates.has(date)) return;
    findings.push({
      code: 'MTR065',
      path: ['sessions_planned', index, 'date'],
      message: `the session planned for ${date}${planned?.title ? ` ("${planned.title}")` : ''} was never logged`,
      hint: 'log it with `mentor session add --date ' + date + '`, or remove it from sessions_planned',
    });
  });

  (p.milestones ?? []).forEach((milestone, index) => {
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
