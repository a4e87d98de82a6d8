// The kinds of work done over partnership folders, by name, so worker threads can run them too.
import type { Method } from '../model/method.js';
import type { PartnershipSummary } from '../model/summary.js';
import type { Repository } from '../store/repository.js';
import { checkFolders, type FolderFindings } from './check-folders.js';
import { summarizeFolders } from './summary.js';

/** `sourceLines`: keep the lines the problems point at, for the text format's excerpts. */
export type FolderJob = { kind: 'check'; today: string; sourceLines: boolean } | { kind: 'summary'; today: string };

export type FolderResult<K extends FolderJob['kind']> = K extends 'check' ? FolderFindings : PartnershipSummary[];

/** Run a job on some folders of the repository. */
export function runFolderJob(repo: Repository, method: Method, job: FolderJob, ids: readonly string[]): FolderFindings | PartnershipSummary[] {
  return job.kind === 'check' ? checkFolders(repo, method, ids, job.today, job.sourceLines) : summarizeFolders(repo, method, ids, job.today);
}
