// The read path of the exports (calendar, IATI, site): valid partnerships only, typed, read
// through the repository object with the checks of `validate`.
import type * as z from 'zod';
import { DataError, ProblemsError } from '../errors.js';
import type { Method } from '../model/method.js';
import type { Partnership } from '../model/partnership.js';
import { reportOf } from '../model/problem.js';
import { RepositoryConfigSchema, type RepositoryConfig } from '../model/repository.js';
import type { Session } from '../model/session.js';
import { numberVisits } from '../roadmap/index.js';
import type { Repository } from '../store/repository.js';
import { checkInRepository, repositoryIds } from './check-folders.js';
import { requireValid } from './checked-write.js';

export interface ValidPartnership {
  partnership: Partnership;
  /** In visit order; `stem` is the file name without ".yaml", a key that does not depend on the data. */
  sessions: { file: string; stem: string; session: Session }[];
}

/** One partnership, refused (exit 1, with validate's problems) when it has a validation error, as reports are. */
export function readValidPartnership(repo: Repository, id: string, today: string, method: Method, allIds = repositoryIds(repo)): ValidPartnership {
  repo.requirePartnership(id);
  const folder = repo.folder(id);
  const check = checkInRepository(folder, today, method, allIds);
  const partnership = requireValid(folder, check, 'nothing is exported from invalid data');
  const sessions = numberVisits(check.sessions).map(({ file, session }) => ({
    file,
    stem: file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, ''),
    session: session as Session,
  }));
  return { partnership, sessions };
}

/** The given partnerships, or every one when `ids` is empty; all invalid ones named in one refusal. */
export function readValidPartnerships(repo: Repository, ids: readonly string[], today: string, method: Method): ValidPartnership[] {
  const listing = ids.length > 0 ? { ids: [...new Set(ids)], layout: [] } : repo.partnerships();
  if (listing.layout.length > 0) {
    const report = reportOf([...listing.layout], 0);
    throw new ProblemsError('partnerships/ holds entries that cannot be read as partnerships; nothing is exported without them', report);
  }
  const allIds = repositoryIds(repo);
  const valid: ValidPartnership[] = [];
  const invalid: string[] = [];
  for (const id of listing.ids) {
    try {
      valid.push(readValidPartnership(repo, id, today, method, allIds));
    } catch (error) {
      if (!(error instanceof DataError || error instanceof ProblemsError) || listing.ids.length === 1) throw error;
      invalid.push(id);
    }
  }
  if (invalid.length > 0) {
    throw new DataError(
      `${invalid.length} partnership${invalid.length === 1 ? ' has' : 's have'} validation errors (${invalid.join(', ')}); nothing is exported from invalid data`,
      '`mentor validate` shows why; or name the partnerships to export',
    );
  }
  return valid;
}

/** The repository's settings when mentor.yaml is valid; `mentor validate` reports it otherwise. */
export function readRepositoryConfig(repo: Repository): RepositoryConfig | undefined {
  return checkRepositoryConfig(repo).config;
}

/** mentor.yaml checked: its settings, or the schema's issues (`mentor validate` locates them). */
export function checkRepositoryConfig(repo: Repository): { data: unknown; config?: RepositoryConfig; issues: z.core.$ZodIssue[] } {
  const data = repo.config().data;
  const parsed = RepositoryConfigSchema.safeParse(data);
  return parsed.success ? { data, config: parsed.data, issues: [] } : { data, issues: parsed.error.issues };
}

/** The date of the latest thing that happened: a history entry or a logged session (its last day). */
export function latestRecordedDate(sources: readonly ValidPartnership[]): string | undefined {
  const dates = sources.flatMap(({ partnership, sessions }) => [
    ...partnership.history.map((h) => h.date),
    ...sessions.map(({ session }) => session.end ?? session.date),
  ]);
  return dates.length > 0 ? dates.reduce((a, b) => (b > a ? b : a)) : undefined;
}
