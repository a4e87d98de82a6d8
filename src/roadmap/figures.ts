// Every figure derived from a partnership is defined here, once, and read by validate, status,
// the portfolio and the documents alike: visit numbers, technical:political, what is overdue,
// days in a stage, what is due next.
import type { Facts, PartnershipFacts, SessionRecord } from '../model/facts.js';
import { baseName } from '../model/layout.js';
import type { Partnership } from '../model/partnership.js';
import { daysBetween } from '../util/dates.js';
import { stageEntries } from './stages.js';

/** The order visits are numbered in: by date, then by file name (unique, so the order is total). */
export function compareVisits(a: { date: string; file: string }, b: { date: string; file: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const x = baseName(a.file);
  const y = baseName(b.file);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A session that has its date, numbered as visits are counted. */
export interface NumberedVisit<S extends { date?: string | undefined }> {
  /** 1 for the first session held. No number is ever stored: it is derived from the dates. */
  number: number;
  file: string;
  session: S & { date: string };
  /** Days since the previous session began; undefined for the first. */
  daysSincePrevious?: number;
}

/** The dated sessions up to `today` (all of them without it), in visit order, numbered from 1. */
export function numberVisits<S extends { date?: string | undefined }>(records: readonly { file: string; session: S }[], today?: string): NumberedVisit<S>[] {
  const dated = records
    .filter((r): r is { file: string; session: S & { date: string } } => typeof r.session.date === 'string' && (today === undefined || r.session.date <= today))
    .sort((a, b) => compareVisits({ date: a.session.date, file: a.file }, { date: b.session.date, file: b.file }));
  return dated.map((record, index) => {
    const previous = dated[index - 1];
    return {
      number: index + 1,
      file: record.file,
      session: record.session,
      ...(previous && { daysSincePrevious: daysBetween(previous.session.date, record.session.date) }),
    };
  });
}

/** How many sessions were technical and how many political. */
export function levelCounts(sessions: readonly { level?: string | undefined }[]): { technical: number; political: number } {
  let technical = 0;
  let political = 0;
  for (const s of sessions) {
    if (s.level === 'technical') technical++;
    else if (s.level === 'political') political++;
  }
  return { technical, political };
}

type TargetFacts = Facts<NonNullable<Partnership['targets']>[number]>;

/** Whether a target is past its due date without being achieved or dropped. */
export function isTargetOverdue(target: TargetFacts | undefined, today: string): boolean {
  return target?.due !== undefined && target.due < today && target.status !== 'achieved' && target.status !== 'dropped';
}

/** The date the current stage was entered: its last entry in the history. */
export function stageEnteredOn(p: PartnershipFacts): string | undefined {
  return stageEntries(p.history)
    .filter((e) => e.stage === p.stage && e.date !== undefined)
    .at(-1)?.date;
}

/** Days in the current stage as of `today`; undefined when its entry is undated or after `today`. */
export function daysInStage(p: PartnershipFacts, today: string): number | undefined {
  const entered = stageEnteredOn(p);
  return entered !== undefined && entered <= today ? daysBetween(entered, today) : undefined;
}

/** The latest date in a partnership's history, if any. */
export function lastHistoryDate(p: PartnershipFacts): string | undefined {
  return (p.history ?? [])
    .map((entry) => entry?.date)
    .filter((date): date is string => date !== undefined)
    .sort()
    .at(-1);
}

/** An item with a due date: a target, a milestone, a planned session or a session's action. */
export interface DueItem {
  date: string;
  what: string;
}

/** Everything still open that has a due date, earliest first. */
export function openItems(p: PartnershipFacts, sessions: readonly SessionRecord[]): DueItem[] {
  const items: DueItem[] = [];
  for (const t of p.targets ?? []) {
    if (t?.due !== undefined && t.status !== 'achieved' && t.status !== 'dropped') items.push({ date: t.due, what: `target ${t.id ?? ''}`.trim() });
  }
  for (const m of p.milestones ?? []) if (m?.due !== undefined && m.done !== true) items.push({ date: m.due, what: `milestone: ${m.title ?? ''}` });
  for (const s of p.sessions_planned ?? []) if (s?.date !== undefined) items.push({ date: s.date, what: `session: ${s.title ?? ''}` });
  for (const { session } of sessions) {
    for (const a of session.actions ?? []) if (a?.due !== undefined && a.status === 'open') items.push({ date: a.due, what: `action: ${a.what ?? ''}` });
  }
  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The earliest open item due on or after `today`. */
export function nextDue(p: PartnershipFacts, sessions: readonly SessionRecord[], today: string): DueItem | undefined {
  return openItems(p, sessions).find((item) => item.date >= today);
}
