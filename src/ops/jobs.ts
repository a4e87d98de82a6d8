// The kinds of work done over partnership folders, by name, so worker threads can run them too.
import type { Method } from '../model/method.js';
import type { PartnershipSummary } from '../model/summary.js';
import type { Repository } from '../store/repository.js';
import { checkFolders, type FolderFindings } from './check-folders.js';
import { summarizeFolders } from './summary.js';

/** `sourceLines`: keep the lines the problems point at, for the text format's excerpts. */
export type FolderJob = { kind: 'check'; today: string; sourceLines: boolean } | { kind: 'summary'; today: string };

export type FolderResult<K extends FolderJob['kind']> = K extends 'check' ? FolderFindings : PartnershipSummary[];

/**
 * Run a job on some folders of the repository. `allIds` lists the repository's ids on first need;
 * a thread makes one for a whole run and hands it to every chunk.
 */
export function runFolderJob(repo: Repository, method: Method, job: FolderJob, ids: readonly string[], allIds: () => ReadonlySet<string>): FolderFindings | PartnershipSummary[] {
  return job.kind === 'check' ? checkFolders(repo, method, ids, job.today, allIds, job.sourceLines) : summarizeFolders(repo, method, ids, job.today, allIds);
}
