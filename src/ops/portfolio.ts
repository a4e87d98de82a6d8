import { checkPartnership } from '../check/partnership.js';
import type { Problem } from '../check/problem.js';
import type { StageId } from '../model/enums.js';
import { isStageId, stageEnteredOn } from '../roadmap/index.js';
import { listPartnershipFolders, loadPartnership, type PartnershipFiles } from '../store/repository.js';
import { runInWorkers, threadCount, type Progress } from './workers.js';
import { daysBetween, isIsoDate } from '../util/dates.js';
import { hasText, list, rec, str } from '../util/loose.js';

/** One partnership at a glance: what `status` lists and the portfolio report shows. */
export interface PartnershipSummary {
  id: string;
  title: string;
  mentor: { name: string; country?: string };
  mentee: { name: string; country?: string };
  stage?: StageId;
  status?: string;
  /** When the current stage was entered, and how many days ago as of `today`. */
  stageEntered?: string;
  daysInStage?: number;
  /** Sessions held up to `today`. */
  sessions: number;
  technical: number;
  political: number;
  lastSession?: string;
  /** The earliest open item due from `today` on: a target, a milestone, a planned session or an action. */
  nextDue?: { date: string; what: string };
  /** Health warnings (and gate warnings) of the partnership. */
  warnings: Problem[];
  /** How many errors `validate` finds in the partnership's files. */
  errors: number;
  /** The direction the partnership states for itself, if any (south-south...). */
  direction?: string;
  /** The partnership's raw data, for views of one partnership (left out of portfolio summaries). */
  data?: Record<string, unknown>;
}

/** Summarise one loaded partnership folder as of `today`. */
export function summarizePartnership(files: PartnershipFiles, today: string): PartnershipSummary {
  const problems = checkPartnership(files, today);
  const data = rec(files.partnership?.data);
  const party = (value: unknown) => {
    const p = rec(value);
    const country = str(p?.country);
    return { name: hasText(p?.name) ? p.name : '?', ...(country !== undefined && { country }) };
  };
  const sessions = files.sessions
    .map((s) => rec(s.data))
    .filter((s): s is Record<string, unknown> => s !== undefined && isIsoDate(s.date) && (s.date as string) <= today);
  const dates = sessions.map((s) => s.date as string).sort();
  const stage = isStageId(data?.stage) ? data.stage : undefined;
  const entered = data ? stageEnteredOn(data) : undefined;
  const nextDue = data ? nextDueItem(data, files, today) : undefined;
  const lastSession = dates.at(-1);
  return {
    id: files.id,
    title: hasText(data?.title) ? data.title : files.id,
    mentor: party(data?.mentor),
    mentee: party(data?.mentee),
    ...(stage && { stage }),
    ...(typeof data?.status === 'string' && { status: data.status }),
    ...(entered && { stageEntered: entered }),
    ...(entered && entered <= today && { daysInStage: daysBetween(entered, today) }),
    sessions: sessions.length,
    technical: sessions.filter((s) => s.level === 'technical').length,
    political: sessions.filter((s) => s.level === 'political').length,
    ...(lastSession && { lastSession }),
    ...(nextDue && { nextDue }),
    warnings: problems.filter((p) => p.severity === 'warning'),
    errors: problems.filter((p) => p.severity === 'error').length,
    ...(typeof data?.direction === 'string' && { direction: data.direction }),
    ...(data && { data }),
  };
}

function nextDueItem(p: Record<string, unknown>, files: PartnershipFiles, today: string): { date: string; what: string } | undefined {
  const items: { date: string; what: string }[] = [];
  for (const raw of list(p.targets)) {
    const t = rec(raw);
    if (isIsoDate(t?.due) && t.status !== 'achieved' && t.status !== 'dropped') items.push({ date: t.due, what: `target ${str(t.id) ?? ''}`.trim() });
  }
  for (const raw of list(p.milestones)) {
    const m = rec(raw);
    if (isIsoDate(m?.due) && m.done !== true) items.push({ date: m.due, what: `milestone: ${str(m.title) ?? ''}` });
  }
  for (const raw of list(p.sessions_planned)) {
    const s = rec(raw);
    if (isIsoDate(s?.date)) items.push({ date: s.date, what: `session: ${str(s.title) ?? ''}` });
  }
  for (const session of files.sessions) {
    for (const raw of list(rec(session.data)?.actions)) {
      const a = rec(raw);
      if (isIsoDate(a?.due) && a.status === 'open') items.push({ date: a.due, what: `action: ${str(a.what) ?? ''}` });
    }
  }
  return items.filter((i) => i.date >= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}

/** Summaries of some partnerships, one folder at a time, without their raw data. */
export function summarizeFolders(root: string, ids: readonly string[], today: string): PartnershipSummary[] {
  return ids.map((id) => {
    const { data, ...summary } = summarizePartnership(loadPartnership(root, id), today);
    void data; // the portfolio needs the summary only; dropping the data keeps memory flat
    return summary;
  });
}

/** Summaries of every partnership of a repository, sorted by id. */
export function summarizeRepository(root: string, today: string): PartnershipSummary[] {
  return summarizeFolders(root, listPartnershipFolders(root).ids, today);
}

/** The same summaries, computed on every core when there are many partnerships. */
export async function summarizeRepositoryParallel(
  root: string,
  today: string,
  speed: { threads?: number; fastPath?: boolean; onProgress?: Progress } = {},
): Promise<PartnershipSummary[]> {
  const { ids } = listPartnershipFolders(root);
  const job = { kind: 'summary' as const, root, today, fastPath: speed.fastPath ?? true };
  const parts = await runInWorkers<PartnershipSummary[]>(job, ids, threadCount(speed.threads), speed.onProgress);
  return parts ? parts.flat() : summarizeFolders(root, ids, today);
}

/** The summary of one partnership. */
export function summarizeOne(root: string, id: string, today: string): PartnershipSummary {
  return summarizePartnership(loadPartnership(root, id), today);
}
