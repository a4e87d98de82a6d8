// Stall alerts (SPEC 6.1): the programme was designed against twinning where "nothing would happen
// afterwards". Pure: the partnership, its sessions' actions and `today` are arguments.
import type { Facts } from '../model/facts.js';
import type { Partnership } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import { addMonthsTo, daysBetween, isIsoDate } from '../util/dates.js';
import type { PathSegment } from '../model/source.js';

export type StallCode = 'MTR067' | 'MTR068' | 'MTR069' | 'MTR070';

/** A stall warning; `session` is the index of the session file it is in, absent for partnership.yaml. */
export interface StallFinding {
  code: StallCode;
  path: PathSegment[];
  message: string;
  hint?: string;
  session?: number;
}

/** The method's default limits: days in a stage before mentoring, and days suspended. */
export const STALL_DAYS = 180;
export const SUSPENDED_DAYS = 180;

const BEFORE_MENTORING: readonly string[] = ['request', 'assessment', 'agreement', 'setup'];

type PartialPartnership = Facts<Partnership>;
type PartialSession = Facts<Session>;

/** The items of a list; nothing when the data holds something else there. */
const listOf = <T>(value: readonly T[] | undefined): readonly T[] => (Array.isArray(value) ? value : []);

/** Every stall warning of a partnership as of `today`; `sessions` in the order their files are reported. */
export function assessStalls(p: PartialPartnership, sessions: readonly PartialSession[], today: string): StallFinding[] {
  return [...overdueActions(p, sessions, today), ...stalledBeforeMentoring(p, today), ...mentoringPastTerms(p, today), ...longSuspension(p, today)];
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

/** MTR068: active and still in request, assessment, agreement or setup after `limit` days. */
export function stalledBeforeMentoring(p: PartialPartnership, today: string, limit = STALL_DAYS): StallFinding[] {
  if (p.status !== 'active' || typeof p.stage !== 'string' || !BEFORE_MENTORING.includes(p.stage)) return [];
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

/** MTR069: active in mentoring for longer than the Terms of Reference's own duration. */
export function mentoringPastTerms(p: PartialPartnership, today: string): StallFinding[] {
  const months = p.agreement?.terms?.duration_months;
  if (p.status !== 'active' || p.stage !== 'mentoring' || typeof months !== 'number' || !Number.isInteger(months) || months <= 0) return [];
  const entered = enteredCurrentStage(p);
  if (!entered) return [];
  const end = addMonthsTo(entered, months);
  if (end >= today) return [];
  return [
    {
      code: 'MTR069',
      path: ['stage'],
      message: `in mentoring since ${entered}: the Terms of Reference planned ${months} months, which ended on ${end}`,
      hint: 'move on to evaluation or launch with `mentor advance`, or record an amendment and a new agreement.terms.duration_months',
    },
  ];
}

/** MTR070: suspended for longer than `limit` days. */
export function longSuspension(p: PartialPartnership, today: string, limit = SUSPENDED_DAYS): StallFinding[] {
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
