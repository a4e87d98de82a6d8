import { checkPartnership, type PartnershipCheck } from '../check/partnership.js';
import { checkRelated, relatedLinks } from '../check/related.js';
import type { Method } from '../model/method.js';
import { keepSourceLines, problem, type Problem, type SourceLines } from '../model/problem.js';
import type { PartnershipFolder, SourceFile } from '../model/source.js';
import type { Repository } from '../store/repository.js';

/** What checking some partnership folders found: the problems, and the source lines they point at. */
export interface FolderFindings {
  problems: Problem[];
  /** The lines the problems point at, for the source line under each message (not whole files: they cross threads). */
  lines: SourceLines;
  files: number;
}

/**
 * Every id of the repository, listed once on first use (only links between partnerships need them).
 * One per thread and run: each listing of a large repository costs milliseconds, so a run must not
 * list it again for every chunk of folders it checks.
 */
export function repositoryIds(repo: Repository): () => ReadonlySet<string> {
  let ids: Set<string> | undefined;
  return () => (ids ??= new Set(repo.partnerships().ids));
}

/**
 * Every check of one partnership folder within its repository: the folder's own checks and the
 * rules across partnerships (MTR045, a link to a partnership that does not exist).
 */
export function checkInRepository(folder: PartnershipFolder, today: string, method: Method, allIds: () => ReadonlySet<string>): PartnershipCheck {
  const check = checkPartnership(folder, today, method);
  const links = check.facts ? relatedLinks(check.facts) : [];
  const source = folder.partnership;
  if (links.length > 0 && source) {
    for (const f of checkRelated(links, allIds())) check.problems.push(problem(f.code, { file: source.file, ...source.locate(f.path) }, f.message, f.hint));
  }
  return check;
}

/**
 * Check partnership folders one at a time, keeping only their problems (and, with `sourceLines`,
 * the lines they point at), so memory stays flat however large the repository.
 */
export function checkFolders(repo: Repository, method: Method, ids: readonly string[], today: string, allIds: () => ReadonlySet<string>, sourceLines = true): FolderFindings {
  const findings: FolderFindings = { problems: [], lines: {}, files: 0 };
  for (const id of ids) {
    const folder = repo.folder(id);
    const sources = [folder.partnership, ...folder.sessions].filter((s): s is SourceFile => s !== undefined);
    findings.files += sources.length;
    const { problems } = checkInRepository(folder, today, method, allIds);
    if (problems.length === 0) continue;
    findings.problems.push(...problems);
    if (sourceLines) for (const source of sources) keepSourceLines(findings.lines, source.file, source.text, problems);
  }
  return findings;
}
