import type { Method } from '../model/method.js';
import type { ProblemReport } from '../model/problem.js';
import type { PartnershipSummary } from '../model/summary.js';
import type { Repository } from '../store/repository.js';
import { folderReport } from './checked-write.js';
import { requireMethod } from './method.js';
import { forEachFolder, type Progress } from './pool.js';

export type { PartnershipSummary };

/** The portfolio: every partnership summarised, and the located problems of entries that are none (a link). */
export interface Portfolio {
  summaries: PartnershipSummary[];
  /** Entries of partnerships/ that cannot be read as a partnership, as validate reports them. */
  unreadable: ProblemReport;
}

/** Summaries of every partnership of a repository as of `today`, sorted by id (under the repository's method unless given it, read once). */
export async function summarizeRepository(repo: Repository, today: string, onProgress?: Progress, method: Method = requireMethod(repo)): Promise<Portfolio> {
  const { ids, layout } = repo.partnerships();
  const parts = await forEachFolder(repo, method, ids, { kind: 'summary', today }, onProgress);
  return { summaries: parts.flat(), unreadable: folderReport({ id: '', sessions: [], layout }, layout) };
}
