import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataError, UsageError } from '../errors.js';
import { closest } from '../util/text.js';
import { rec, type Loose } from '../util/loose.js';
import { applyYamlEdit, type YamlEdit } from './edit.js';
import { assertPartnershipId, listDir, listPartnershipIds, partnershipFile, SESSION_FILE_PATTERN, sessionsDir } from './layout.js';
import { withLock } from './lock.js';
import { readSource, type SourceFile } from './source.js';
import { writeFileAtomic } from './write.js';

/** Check that a partnership exists; an unknown id is a usage error with a did-you-mean. */
export function requirePartnership(root: string, id: string): void {
  assertPartnershipId(id);
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
  return listDir(path.join(root, sessionsDir(id))).filter((e) => SESSION_FILE_PATTERN.test(e.name)).length;
}

/**
 * Change a partnership file under its lock: read it, let `plan` decide the edit from its current
 * data, splice the edit in and replace the file atomically. Returns the text before and after.
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
    const { source, data } = readPartnershipData(root, id);
    const edit = plan(data);
    if (!edit) return { before: source.text, after: source.text };
    const after = applyYamlEdit(source.text, edit);
    if (after !== source.text) writeFileAtomic(file, after);
    return { before: source.text, after };
  });
}
