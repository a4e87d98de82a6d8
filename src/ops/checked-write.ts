// Every command that writes checks first, with the rules of `mentor validate`: on any error it
// writes nothing and shows the problems as validate does. Warnings never block.
import { checkPartnership, type PartnershipCheck } from '../check/partnership.js';
import { ProblemsError } from '../errors.js';
import { partnershipFile } from '../model/layout.js';
import type { Method } from '../model/method.js';
import type { Partnership } from '../model/partnership.js';
import { reportOf, type Problem, type ProblemReport } from '../model/problem.js';
import type { PartnershipFolder, SourceFile } from '../model/source.js';
import type { YamlEdit } from '../store/edit.js';
import { updatePartnership } from '../store/partnership-file.js';
import type { Repository } from '../store/repository.js';

/** A report of some problems of one folder, with the source lines validate shows under them. */
export function folderReport(folder: PartnershipFolder, problems: Problem[]): ProblemReport {
  const sources = [folder.partnership, ...folder.sessions].filter((s): s is SourceFile => s !== undefined);
  const byFile = new Map(sources.map((s) => [s.file, s]));
  return reportOf([...problems], sources.length, (file, line) => byFile.get(file)?.line(line) ?? '');
}

/** The partnership of a folder that validate accepts; a folder it would reject is refused with its errors. */
export function requireValid(folder: PartnershipFolder, check: PartnershipCheck, what: string): Partnership {
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0 && check.valid && check.facts) return check.facts as Partnership;
  throw new ProblemsError(
    `${partnershipFile(folder.id)} and its sessions have ${errors.length} error${errors.length === 1 ? '' : 's'}; ${what}`,
    folderReport(folder, errors),
    `fix ${errors.length === 1 ? 'it' : 'them'} first; \`mentor validate partnerships/${folder.id}\` shows the same`,
  );
}

/**
 * Change a partnership file, checking the folder with validate's rules before (nothing is planned
 * on invalid data) and the file as it would be after (nothing is written that validate rejects).
 */
export function checkedUpdate(
  repo: Repository,
  method: Method,
  id: string,
  today: string,
  plan: (partnership: Partnership, check: PartnershipCheck) => YamlEdit | undefined,
): { before: string; after: string } {
  return updatePartnership(
    repo,
    id,
    (folder) => {
      const check = checkPartnership(folder, today, method);
      return plan(requireValid(folder, check, 'nothing was changed'), check);
    },
    (after, folder) => {
      const changed = { ...folder, partnership: after };
      const check = checkPartnership(changed, today, method);
      const errors = check.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        throw new ProblemsError(`the change would leave ${partnershipFile(id)} invalid; nothing was written`, folderReport(changed, errors));
      }
    },
  );
}
