// Stall alerts (SPEC 6.1): the programme was designed against twinning where "nothing would happen
// afterwards". Pure: the partnership, its sessions' actions and `today` are arguments.
import type { Facts } from '../model/facts.js';
import type { Method } from '../model/method.js';
import type { Partnership } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import { addMonthsTo, daysBetween, isIsoDate } from '../util/dates.js';
import type { PathSegment } from '../model/source.js';
import { isBeforeMentoring, mentoringStage } from './stages.js';

export type StallCode = 'MTR067' | 'MTR068' | 'MTR069' | 'MTR070';

/** A stall warning; `session` is the index of the session file it is in, absent for partnership.yaml. */
export interface StallFinding {
  code: StallCode;
  path: PathSegment[];
  message: string;
  hint?: string;
  session?: number;
}

// The limits come from the method: limits.stall_days (days in a stage before the mentoring stage)
// and limits.suspended_days (180 each when a method leaves them out, src/model/method.ts).

type PartialPartnership = Facts<Partnership>;
type PartialSession = Facts<Session>;

/** The items of a list; nothing when the data holds something else there. */
const listOf = <T>(value: readonly T[] | undefined): readonly T[] => (Array.isArray(value) ? value : []);

/** Every stall warning of a partnership as of `today`; `sessions` in the order their files are reported. */
export function assessStalls(method: Method, p: PartialPartnership, sessions: readonly PartialSession[], today: string): StallFinding[] {
  return [...overdueActions(p, sessions, today), ...stalledBeforeMentoring(method, p, today), ...mentoringPastTerms(method, p, today), ...longSuspension(method, p, today)];
}

/** The date the current stage was last entered. */
function enteredCurrentStage(p: PartialPartnership): string | undefined {
  return listOf(p.history).filter((e) => e?.stage !== undefined && e.stage === p.stage && isIsoDate(e.date)).at(-1)?.date;
}

/** An overdue action: its due date has passed and it is neither done nor dropped. */
export function isActionOverdue(action: Facts<NonNullable<Session['actions']>[number]> | undefined, today: string): boolean {
  return isIsoDate(action?.due) && action.due < today && action.status !== 'done' && action.status !== 'dropped';
}

/** MTR067: session actions past their due date that are still open, while the partnership is active. */
export function overdueActions(p: PartialPartnership, sessions: readonly PartialSession[], today: string): StallFinding[] {
  if (p.status !== 'active') return [];
  return sessions.flatMap((session, index) =>
    listOf(session?.actions).flatMap((action, i): StallFinding[] =>
      isActionOverdue(action, today)
        ? [
            {
              code: 'MTR067',
              path: ['actions', i, 'due'],
              message: `the action "${String(action?.what ?? i + 1)}"${action?.owner ? ` (${String(action.owner)})` : ''} was due on ${String(action?.due)} and is ${String(action?.status ?? 'not done')}`,
              hint: 'set its status to done or dropped, or agree a new due date',
              session: index,
            },
          ]
        : [],
    ),
  );
}

/** MTR068: active and still in a stage before the method's mentoring stage after the method's stall_days. */
export function stalledBeforeMentoring(method: Method, p: PartialPartnership, today: string): StallFinding[] {
  const limit = method.limits.stall_days;
  if (p.status !== 'active' || typeof p.stage !== 'string' || !isBeforeMentoring(method, p.stage)) return [];
  const entered = enteredCurrentStage(p);
  if (!entered || daysBetween(entered, today) <= limit) return [];
  return [
    {
      code: 'MTR068',
      path: ['stage'],
      message: `in ${p.stage} since ${entered}, ${daysBetween(entered, today)} days (more than ${limit}): nothing has moved since`,
      hint: 'take the next step and record it with `mentor advance`, or `mentor suspend` the partnership with a reason',
    },
  ];
}

/** MTR069: active in the method's mentoring stage for longer than the Terms of Reference's own duration. */
export function mentoringPastTerms(method: Method, p: PartialPartnership, today: string): StallFinding[] {
  const months = p.agreement?.terms?.duration_months;
  const mentoring = mentoringStage(method);
  if (p.status !== 'active' || mentoring === undefined || p.stage !== mentoring.id || typeof months !== 'number' || !Number.isInteger(months) || months <= 0) return [];
  const entered = enteredCurrentStage(p);
  if (!entered) return [];
  const end = addMonthsTo(entered, months);
  if (end >= today) return [];
  const after = method.stages.filter((s) => s.rank === mentoring.rank + 1).map((s) => s.id);
  return [
    {
      code: 'MTR069',
      path: ['stage'],
      message: `in ${mentoring.id} since ${entered}: the Terms of Reference planned ${months} months, which ended on ${end}`,
      hint: `move on to ${after.join(' or ')} with \`mentor advance\`, or record an amendment and a new agreement.terms.duration_months`,
    },
  ];
}

/** MTR070: suspended for longer than the method's suspended_days. */
export function longSuspension(method: Method, p: PartialPartnership, today: string): StallFinding[] {
  const limit = method.limits.suspended_days;
  if (p.status !== 'suspended') return [];
  const since = listOf(p.history).filter((e) => e?.status === 'suspended' && isIsoDate(e.date)).at(-1)?.date;
  if (!since || daysBetween(since, today) <= limit) return [];
  return [
    {
      code: 'MTR070',
      path: ['status'],
      message: `suspended since ${since}, ${daysBetween(since, today)} days (more than ${limit})`,
      hint: '`mentor resume` it when work restarts, or `mentor cancel` it with a reason',
    },
  ];
}
