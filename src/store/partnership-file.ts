import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { closest } from '../util/text.js';
import { rec, type Loose } from '../util/loose.js';
import { applyYamlEdit, type YamlEdit } from './edit.js';
import { assertPartnershipId, linkOnTheWay, listDir, listPartnershipIds, partnershipFile, SESSION_FILE_PATTERN, sessionsDir } from './layout.js';
import { withLock } from './lock.js';
import { readSource, type SourceFile } from './source.js';
import { replaceFile } from './write.js';

/**
 * Check that a partnership exists; an unknown id is a usage error with a did-you-mean. A folder on
 * the way that is a symbolic link is refused (exit 1): reads and writes would follow it anywhere.
 */
export function requirePartnership(root: string, id: string): void {
  assertPartnershipId(id);
  const link = linkOnTheWay(root, sessionsDir(id)) ?? linkOnTheWay(root, partnershipFile(id));
  if (link !== undefined) {
    throw new DataError(`${link} is a symbolic link; mentor does not follow links in a repository`, 'put the file or folder itself in its place');
  }
  if (existsSync(path.join(root, partnershipFile(id)))) return;
  const guess = closest(id, listPartnershipIds(root));
  throw new UsageError(`no partnership "${id}" in ${root}`, guess ? `did you mean "${guess}"?` : 'see the list with `mentor status`');
}

/** Read a partnership file for a change; a file that cannot be parsed is refused. */
export function readPartnershipData(root: string, id: string): { source: SourceFile; data: Loose } {
  requirePartnership(root, id);
  const source = readSource(root, partnershipFile(id));
  const data = rec(source.data);
  if (!data) {
    const first = source.problems[0];
    throw new DataError(
      `${source.file} cannot be read${first ? `: ${first.line}:${first.column} ${first.message}` : ''}`,
      'fix it first; `mentor validate` shows every problem',
    );
  }
  return { source, data };
}

/** How many session files a partnership has, without reading them. */
export function countSessionFiles(root: string, id: string): number {
  assertPartnershipId(id);
  return listDir(path.join(root, sessionsDir(id))).filter((e) => SESSION_FILE_PATTERN.test(e.name)).length;
}

/** How many times an edit is redone when the file changes under it (an editor saving it meanwhile). */
const EDIT_ATTEMPTS = 5;

/**
 * Change a partnership file under its lock: read it, let `plan` decide the edit from its current
 * data, splice the edit in and replace the file atomically. Returns the text before and after.
 * Other mentor processes wait for the lock; a change made meanwhile by someone who does not take
 * it (an editor) is noticed just before the file is replaced, and the edit is planned again.
 */
export function updatePartnership(
  root: string,
  id: string,
  plan: (data: Loose) => YamlEdit | undefined,
): { before: string; after: string } {
  requirePartnership(root, id);
  const file = path.join(root, partnershipFile(id));
  const lock = path.join(path.dirname(file), '.partnership.yaml.lock');
  return withLock(lock, () => {
    for (let attempt = 1; ; attempt++) {
      const { source, data } = readPartnershipData(root, id);
      // A duplicate key, an anchor or a directive leaves the data ambiguous: which "stage" is meant?
      const unclear = source.problems.find((p) => p.severity === 'error');
      if (unclear) {
        throw new DataError(`${source.file} must be fixed before mentor changes it: ${unclear.line}:${unclear.column} ${unclear.message}`, '`mentor validate` shows every problem');
      }
      const edit = plan(data);
      if (!edit) return { before: source.text, after: source.text };
      const after = applyYamlEdit(source.text, edit);
      if (after === source.text || replaceFile(file, after, source.text)) return { before: source.text, after };
      if (attempt === EDIT_ATTEMPTS) {
        throw new UsageError(`${partnershipFile(id)} kept changing while mentor was editing it; nothing was written`, 'save it in your editor first, then run the command again');
      }
    }
  });
}
