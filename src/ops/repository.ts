import { findRepoRoot, requireRepoRoot } from '../store/find-repo.js';
import { openRepository, type Repository, type RepositoryOptions } from '../store/repository.js';

export type { Repository, RepositoryOptions };
export { findRepoRoot };

/** Find the repository from `start`, as git does (the nearest folder above holding mentor.yaml), and open it. */
export function findRepository(start: string, options: RepositoryOptions = {}): Repository {
  return openRepository(requireRepoRoot(start), options);
}
