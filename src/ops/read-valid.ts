// The read path of the exports (calendar, IATI, site): valid partnerships only, typed.
// Kept in one place so it can follow the repository object of the read-path refactor.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { checkPartnership } from '../check/partnership.js';
import { DataError, UsageError } from '../errors.js';
import { PartnershipSchema, type Partnership } from '../model/partnership.js';
import { RepositoryConfigSchema, type RepositoryConfig } from '../model/repository.js';
import { SessionSchema, type Session } from '../model/session.js';
import { CONFIG_FILE } from '../store/find-repo.js';
import { assertPartnershipId, listPartnershipIds, PARTNERSHIPS_DIR } from '../store/layout.js';
import { listPartnershipFolders, loadPartnership } from '../store/repository.js';
import { readSource } from '../store/source.js';

export interface ValidPartnership {
  partnership: Partnership;
  /** In date order; `stem` is the file name without ".yaml", a key that does not depend on the data. */
  sessions: { stem: string; session: Session }[];
}

/** One partnership, refused (exit 1) when it has a validation error, as reports are. */
export function readValidPartnership(root: string, id: string, today: string): ValidPartnership {
  assertPartnershipId(id);
  if (!existsSync(path.join(root, PARTNERSHIPS_DIR, id))) {
    const known = listPartnershipIds(root);
    throw new UsageError(`unknown partnership "${id}"`, known.length > 0 ? `the partnerships are: ${known.join(', ')}` : 'this repository has no partnerships yet');
  }
  const files = loadPartnership(root, id);
  const errors = checkPartnership(files, today).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new DataError(
      `partnership "${id}" has ${errors.length} validation error${errors.length === 1 ? '' : 's'}; nothing is exported from invalid data`,
      `\`mentor validate ${PARTNERSHIPS_DIR}/${id}\` shows why`,
    );
  }
  const sessions = files.sessions
    .map((source) => ({ stem: path.posix.basename(source.file).replace(/\.ya?ml$/i, ''), session: SessionSchema.parse(source.data) }))
    .sort((a, b) => (a.session.date < b.session.date ? -1 : a.session.date > b.session.date ? 1 : a.stem < b.stem ? -1 : 1));
  return { partnership: PartnershipSchema.parse(files.partnership!.data), sessions };
}

/** The given partnerships, or every one when `ids` is empty; all invalid ones named in one refusal. */
export function readValidPartnerships(root: string, ids: readonly string[], today: string): ValidPartnership[] {
  const wanted = ids.length > 0 ? [...new Set(ids)] : listPartnershipFolders(root).ids;
  const valid: ValidPartnership[] = [];
  const invalid: string[] = [];
  for (const id of wanted) {
    try {
      valid.push(readValidPartnership(root, id, today));
    } catch (error) {
      if (!(error instanceof DataError) || wanted.length === 1) throw error;
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
export function readRepositoryConfig(root: string): RepositoryConfig | undefined {
  return checkRepositoryConfig(root).config;
}

/** mentor.yaml checked: its settings, or the schema's issues (`mentor validate` locates them). */
export function checkRepositoryConfig(root: string): { data: unknown; config?: RepositoryConfig; issues: z.core.$ZodIssue[] } {
  const data = readSource(root, CONFIG_FILE).data;
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
