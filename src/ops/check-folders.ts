import { checkPartnership } from '../check/partnership.js';
import type { Method } from '../model/method.js';
import type { Problem } from '../model/problem.js';
import type { SourceFile } from '../model/source.js';
import type { Repository } from '../store/repository.js';

/** What checking some partnership folders found: the problems, and the text of each file they are in. */
export interface FolderFindings {
  problems: Problem[];
  /** Text of the files with problems, for the source line under each message. */
  texts: Record<string, string>;
  files: number;
}

/**
 * Check partnership folders one at a time, keeping only their problems (and the text of the files
 * they are in), so memory stays flat however large the repository.
 */
export function checkFolders(repo: Repository, method: Method, ids: readonly string[], today: string): FolderFindings {
  const findings: FolderFindings = { problems: [], texts: {}, files: 0 };
  for (const id of ids) {
    const folder = repo.folder(id);
    const sources = [folder.partnership, ...folder.sessions].filter((s): s is SourceFile => s !== undefined);
    findings.files += sources.length;
    const { problems } = checkPartnership(folder, today, method);
    if (problems.length === 0) continue;
    findings.problems.push(...problems);
    const withProblems = new Set(problems.map((p) => p.file));
    for (const source of sources) if (withProblems.has(source.file)) findings.texts[source.file] = source.text;
  }
  return findings;
}
