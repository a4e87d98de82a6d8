import path from 'node:path';
import { UsageError } from '../errors.js';
import { partnershipFile } from '../model/layout.js';
import type { PartnershipFolder, SourceFile } from '../model/source.js';
import { applyYamlEdit, type YamlEdit } from './edit.js';
import { withLock } from './lock.js';
import type { Repository } from './repository.js';
import { sourceOf } from './source.js';
import { replaceFile } from './write.js';

/** How many times an edit is redone when the file changes under it (an editor saving it meanwhile). */
const EDIT_ATTEMPTS = 5;

/** The lock file that serialises every change to one partnership, its sessions included. */
export function partnershipLock(repo: Repository, id: string): string {
  return path.join(repo.root, path.dirname(partnershipFile(id)), '.partnership.yaml.lock');
}

/** Run `fn` holding the partnership's lock: other mentor processes changing it wait. */
export function withPartnershipLock<T>(repo: Repository, id: string, fn: () => T): T {
  repo.requirePartnership(id);
  return withLock(partnershipLock(repo, id), fn);
}

/**
 * Change a partnership file under its lock: read its folder, let `plan` decide the edit from it,
 * splice the edit in, let `verify` see the file as it would be, and replace the file atomically.
 * Returns the text before and after. Other mentor processes wait for the lock; a change made
 * meanwhile by someone who does not take it (an editor) is noticed just before the file is
 * replaced, and the edit is planned again.
 */
export function updatePartnership(
  repo: Repository,
  id: string,
  plan: (folder: PartnershipFolder & { partnership: SourceFile }) => YamlEdit | undefined,
  verify?: (after: SourceFile, folder: PartnershipFolder) => void,
): { before: string; after: string } {
  return withPartnershipLock(repo, id, () => {
    const file = path.join(repo.root, partnershipFile(id));
    for (let attempt = 1; ; attempt++) {
      const folder = repo.folder(id);
      const source = folder.partnership;
      if (!source) throw new UsageError(`no partnership "${id}" in ${repo.root}`);
      const edit = plan({ ...folder, partnership: source });
      if (!edit) return { before: source.text, after: source.text };
      const after = applyYamlEdit(source.text, edit);
      if (after === source.text) return { before: source.text, after };
      verify?.(sourceOf(source.file, after), folder);
      if (replaceFile(file, after, source.text)) return { before: source.text, after };
      if (attempt === EDIT_ATTEMPTS) {
        throw new UsageError(`${partnershipFile(id)} kept changing while mentor was editing it; nothing was written`, 'save it in your editor first, then run the command again');
      }
    }
  });
}
