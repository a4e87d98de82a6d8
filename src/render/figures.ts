// The figures documents show, computed once here so templates only print them.
import type { StageId } from '../model/enums.js';
import type { Partnership, Target } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import { isTargetOverdue, levelCounts, stageEntries, type NumberedVisit } from '../roadmap/index.js';
import { daysBetween } from '../util/dates.js';

/** The programme expects about three technical exchanges to one political. */
export const EXPECTED_TECHNICAL_PER_POLITICAL = 3;

/** A held session with its visit number (see roadmap/figures.ts, where numbering is defined). */
export type NumberedSession = NumberedVisit<Session>;

export type RatioVerdict = 'none' | 'all-technical' | 'as-expected' | 'below' | 'political-heavy';

export interface SessionStats {
  held: number;
  technical: number;
  political: number;
  /** Technical sessions per political one; undefined without political sessions. */
  ratio?: number;
  verdict: RatioVerdict;
  hosting: { mentor: number; mentee: number; other: number; remote: number };
  /** Days between consecutive sessions; undefined with fewer than two. */
  gaps?: { average: number; shortest: number; longest: number };
}

/** Counts of held sessions: level, who hosted, and the rhythm of visits. */
export function sessionStats(numbered: readonly NumberedSession[]): SessionStats {
  const sessions = numbered.map((n) => n.session);
  const { technical, political } = levelCounts(sessions);
  const hosting = { mentor: 0, mentee: 0, other: 0, remote: 0 };
  for (const s of sessions) hosting[s.host]++;
  const gaps = numbered.flatMap((n) => (n.daysSincePrevious === undefined ? [] : [n.daysSincePrevious]));
  const ratio = political > 0 ? technical / political : undefined;
  return {
    held: sessions.length,
    technical,
    political,
    ...(ratio !== undefined && { ratio }),
    verdict: ratioVerdict(technical, political),
    hosting,
    ...(gaps.length > 0 && {
      gaps: { average: Math.round(gaps.reduce((a, b) => a + b, 0) / gaps.length), shortest: Math.min(...gaps), longest: Math.max(...gaps) },
    }),
  };
}

function ratioVerdict(technical: number, political: number): RatioVerdict {
  if (technical + political === 0) return 'none';
  if (political === 0) return 'all-technical';
  const ratio = technical / political;
  if (ratio >= EXPECTED_TECHNICAL_PER_POLITICAL - 0.5) return 'as-expected';
  return ratio >= 1 ? 'below' : 'political-heavy';
}

export interface TargetCounts {
  total: number;
  achieved: number;
  inProgress: number;
  notStarted: number;
  dropped: number;
  overdue: number;
}

export function targetCounts(targets: readonly Target[], today: string): TargetCounts {
  const count = (status: Target['status']) => targets.filter((t) => t.status === status).length;
  return {
    total: targets.length,
    achieved: count('achieved'),
    inProgress: count('in-progress'),
    notStarted: count('not-started'),
    dropped: count('dropped'),
    overdue: targets.filter((t) => isTargetOverdue(t, today)).length,
  };
}

export interface StagePeriod {
  stage: StageId;
  entered: string;
  /** When the next stage was entered; undefined for the current one. */
  left?: string;
  days: number;
  forced: boolean;
}

/** The stages in the order the history entered them, each with its days (the current one up to `today`). */
export function stagePeriods(p: Partnership, today: string): StagePeriod[] {
  const entries = stageEntries(p.history).filter((e): e is typeof e & { date: string } => e.date !== undefined);
  return entries.map((entry, index) => {
    const next = entries[index + 1];
    const end = next?.date ?? (today > entry.date ? today : entry.date);
    return { stage: entry.stage, entered: entry.date, ...(next && { left: next.date }), days: daysBetween(entry.date, end), forced: entry.forced };
  });
}

export type PlannedState = 'held' | 'missed' | 'upcoming';

export interface PlannedSessionState {
  date: string;
  title: string;
  host?: string;
  state: PlannedState;
}

/** Each planned session, held when a session was logged on its date. */
export function plannedAgainstHeld(p: Partnership, sessions: readonly Session[], today: string): { rows: PlannedSessionState[]; planned: number; held: number; missed: number; upcoming: number; unplanned: number } {
  const loggedDates = new Set(sessions.filter((s) => s.date <= today).map((s) => s.date));
  const rows = [...(p.sessions_planned ?? [])]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((planned): PlannedSessionState => ({
      date: planned.date,
      title: planned.title,
      ...(planned.host && { host: planned.host }),
      state: loggedDates.has(planned.date) ? 'held' : planned.date < today ? 'missed' : 'upcoming',
    }));
  const plannedDates = new Set(rows.map((r) => r.date));
  const count = (state: PlannedState) => rows.filter((r) => r.state === state).length;
  return {
    rows,
    planned: rows.length,
    held: count('held'),
    missed: count('missed'),
    upcoming: count('upcoming'),
    unplanned: sessions.filter((s) => s.date <= today && !plannedDates.has(s.date)).length,
  };
}

/** Every cost logged in the held sessions. */
export function sessionCosts(numbered: readonly NumberedSession[]): { item: string; amount: number; currency: string; date: string }[] {
  return numbered.flatMap((n) => (n.session.costs ?? []).map((c) => ({ ...c, date: n.session.date })));
}
