// What `status <id>` adds to the lead's partnership detail: results against targets and the
// overdue actions. Kept apart from ops/status.ts so the two can be merged in one place later.
import type { DeepPartial } from '../model/partial.js';
import type { Partnership } from '../model/partnership.js';
import type { Session } from '../model/session.js';
import { latestMeasurement } from '../roadmap/results.js';
import { isActionOverdue } from '../roadmap/stall.js';
import { loadPartnership, type PartnershipFiles } from '../store/repository.js';

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

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Baseline → latest reading → target of each target, and every session action past due and not done, as of `today`. */
export function progressOfFiles(files: PartnershipFiles, today: string): PartnershipProgress {
  const p = (files.partnership?.data ?? {}) as DeepPartial<Partnership>;
  const targets = (Array.isArray(p.targets) ? p.targets : []).map((t): TargetProgress => {
    const latest = latestMeasurement(t);
    const value = latest?.value;
    return {
      id: text(t?.id) ?? '?',
      ...(text(t?.baseline) !== undefined && { baseline: t!.baseline! }),
      ...(latest && (typeof value === 'number' || typeof value === 'string') && { latest: { date: latest.date!, value } }),
      ...(text(t?.target) !== undefined && { target: t!.target! }),
    };
  });
  const overdueActions = files.sessions.flatMap((source) => {
    const session = (source.data ?? {}) as DeepPartial<Session>;
    return (Array.isArray(session.actions) ? session.actions : []).flatMap((a): OverdueAction[] =>
      isActionOverdue(a, today)
        ? [{ file: source.file, session: text(session.date) ?? '?', what: text(a?.what) ?? '?', owner: text(a?.owner) ?? '?', due: a!.due!, status: text(a?.status) ?? '?' }]
        : [],
    );
  });
  overdueActions.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { targets, overdueActions };
}

/** The same, read from the repository. */
export function partnershipProgress(root: string, id: string, today: string): PartnershipProgress {
  return progressOfFiles(loadPartnership(root, id), today);
}
