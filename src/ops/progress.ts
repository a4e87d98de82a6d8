// What `status <id>` shows of results and follow-up: baseline → latest reading → target for each
// target, and the session actions past due.
import type { PartnershipFacts, SessionRecord } from '../model/facts.js';
import { latestMeasurement } from '../roadmap/results.js';
import { isActionOverdue } from '../roadmap/stall.js';

export interface TargetProgress {
  id: string;
  baseline?: string;
  latest?: { date: string; value: number | string };
  target?: string;
}

export interface OverdueAction {
  /** The session file (repository-relative) and the date of the session that agreed it. */
  file: string;
  session: string;
  what: string;
  owner: string;
  due: string;
  status: string;
}

export interface PartnershipProgress {
  targets: TargetProgress[];
  overdueActions: OverdueAction[];
}

/** Baseline → latest reading → target of each target, and every session action past due and not done, as of `today`. */
export function progressOf(p: PartnershipFacts, sessions: readonly SessionRecord[], today: string): PartnershipProgress {
  const targets = (p.targets ?? []).map((t): TargetProgress => {
    const latest = latestMeasurement(t);
    return {
      id: t?.id ?? '?',
      ...(t?.baseline !== undefined && { baseline: t.baseline }),
      ...(latest?.date !== undefined && latest.value !== undefined && { latest: { date: latest.date, value: latest.value } }),
      ...(t?.target !== undefined && { target: t.target }),
    };
  });
  const overdueActions = sessions.flatMap(({ file, session }) =>
    (session.actions ?? []).flatMap((a): OverdueAction[] =>
      a && isActionOverdue(a, today) ? [{ file, session: session.date ?? '?', what: a.what ?? '?', owner: a.owner ?? '?', due: a.due!, status: a.status ?? '?' }] : [],
    ),
  );
  overdueActions.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { targets, overdueActions };
}
