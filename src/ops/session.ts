import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Document } from 'yaml';
import { checkPartnership } from '../check/partnership.js';
import { sameSession } from '../check/sessions.js';
import { DataError, ProblemsError, UsageError } from '../errors.js';
import type { SessionRecord } from '../model/facts.js';
import { baseName, sessionsDir } from '../model/layout.js';
import type { Problem } from '../model/problem.js';
import type { PartnershipFolder } from '../model/source.js';
import { SessionSchema } from '../model/session.js';
import type { Method } from '../model/method.js';
import { isBeforeMentoring, mentoringStage, numberVisits } from '../roadmap/index.js';
import { requireMethod } from './method.js';
import { withPartnershipLock } from '../store/partnership-file.js';
import type { Repository } from '../store/repository.js';
import { readDataInput } from '../store/input.js';
import { sourceOf } from '../store/source.js';
import { createFileExclusive } from '../store/write.js';
import { slugify } from '../util/text.js';
import { folderReport, requireValid } from './checked-write.js';

export const SESSION_SCHEMA_LINE = '# yaml-language-server: $schema=../../../schema/session.schema.json';

export interface AddSessionOptions {
  id: string;
  /** The session as it will be written (flags and --from merged). */
  session: Record<string, unknown>;
  /** Today, for the checks made before and after. */
  today: string;
}

export interface AddSessionResult {
  /** Repository-relative path of the new file. */
  file: string;
  text: string;
  /** Things worth saying that do not stop the write. */
  warnings: string[];
}

/**
 * Log a session as a new file of its partnership. Under the partnership's lock: the folder must
 * pass validate's rules, a session with the same date and title is refused (naming its file), and
 * the new file must leave the folder valid. Never overwrites, never reads other partnerships.
 */
export function addSession(repo: Repository, options: AddSessionOptions): AddSessionResult {
  const checked = SessionSchema.safeParse(options.session);
  if (!checked.success) {
    const lines = checked.error.issues.map((issue) => `${issue.path.join('.') || '(session)'}: ${issue.message}`);
    throw new DataError(`the session does not fit the session schema: ${lines.join('; ')}`, 'see `mentor schema --kind session`');
  }
  const session = checked.data;
  return withPartnershipLock(repo, options.id, () => {
    const method = requireMethod(repo);
    const folder = repo.folder(options.id);
    const check = checkPartnership(folder, options.today, method);
    const partnership = requireValid(folder, check, 'no session was logged');
    const targetIds = (partnership.targets ?? []).map((t) => t.id);
    const missing = (session.targets ?? []).filter((t) => !targetIds.includes(t));
    if (missing.length > 0) {
      throw new UsageError(`${options.id} has no target ${missing.map((t) => `"${t}"`).join(', ')}`, targetIds.length > 0 ? `its targets are: ${targetIds.join(', ')}` : 'it has no targets yet');
    }
    const requestDate = partnership.request?.date;
    if (requestDate && session.date < requestDate) {
      throw new UsageError(`the session (${session.date}) is dated before the request (${requestDate})`, 'check the date; `mentor validate` would report it (MTR041)');
    }
    if (session.end !== undefined && session.end < session.date) {
      throw new UsageError(`the session ends (${session.end}) before it starts (${session.date})`, 'check --end; `mentor validate` would report it (MTR042)');
    }
    const existing = sameSession(check.sessions, session.date, session.title);
    if (existing) {
      throw new DataError(`a session on ${session.date} with the title "${session.title}" is already logged: ${existing.file}; nothing was written`, 'add to that file, or give this session a distinct title');
    }

    const text = `${SESSION_SCHEMA_LINE}\n${new Document(options.session).toString({ lineWidth: 0 })}`;
    const file = freeSessionFile(folder, `${session.date}-${slugify(session.title)}`);
    const added = checkPartnership({ ...folder, sessions: [...folder.sessions, sourceOf(file, text)] }, options.today, method);
    const introduced = added.problems.filter((p: Problem) => p.severity === 'error');
    if (introduced.length > 0) {
      throw new ProblemsError(`the session would leave ${options.id} invalid; nothing was written`, folderReport(folder, introduced));
    }
    createFileExclusive(path.join(repo.root, file), text);
    return { file, text, warnings: sessionWarnings(method, options.id, partnership) };
  });
}

/**
 * The first free name for a session file of a folder read under its lock: the date and title, then
 * with a short random suffix (two titles may share a slug).
 */
function freeSessionFile(folder: PartnershipFolder, base: string): string {
  const taken = new Set(folder.sessions.map((s) => baseName(s.file)));
  for (let attempt = 0; attempt < 16; attempt++) {
    const name = attempt === 0 ? `${base}.yaml` : `${base}-${randomBytes(2).toString('hex')}.yaml`;
    if (!taken.has(name)) return `${sessionsDir(folder.id)}/${name}`;
  }
  throw new UsageError(`could not find a free file name for ${base}.yaml`);
}

function sessionWarnings(method: Method, id: string, p: { stage: string; status: string }): string[] {
  const warnings: string[] = [];
  if (isBeforeMentoring(method, p.stage)) warnings.push(`${id} is at stage "${p.stage}", before ${mentoringStage(method)!.id}; the session is logged all the same`);
  if (p.status !== 'active') warnings.push(`${id} is ${p.status}; the session is logged all the same`);
  return warnings;
}

export interface SessionRow {
  number: number;
  file: string;
  date: string;
  end?: string;
  type?: string;
  level?: string;
  host?: string;
  title?: string;
  location?: string;
}

export interface SessionList {
  rows: SessionRow[];
  /** Errors of the session files that keep a session from its row (a file that cannot be read). */
  problems: ReturnType<typeof folderReport>;
}

/** Rows for sessions, in visit order and numbered as every document numbers them. */
export function sessionRows(sessions: readonly SessionRecord[]): SessionRow[] {
  return numberVisits(sessions).map(({ number, file, session }): SessionRow => {
    const row: SessionRow = { number, file, date: session.date };
    for (const key of ['end', 'type', 'level', 'host', 'title', 'location'] as const) {
      const value = session[key];
      if (value !== undefined) row[key] = value;
    }
    return row;
  });
}

/** The sessions of a partnership in visit order, numbered as every document numbers them. */
export function listSessions(repo: Repository, id: string, today: string): SessionList {
  repo.requirePartnership(id);
  const folder = repo.folder(id);
  const check = checkPartnership(folder, today, requireMethod(repo));
  const rows = sessionRows(check.sessions);
  const sessionFiles = new Set(folder.sessions.map((s) => s.file));
  const errors = check.problems.filter((p) => p.severity === 'error' && sessionFiles.has(p.file));
  return { rows, problems: folderReport(folder, errors) };
}

/** A session given as a YAML or JSON file, or on standard input for "-", read with the data files' limits. */
export function readSessionInput(given: string, cwd: string): Record<string, unknown> {
  return readDataInput(given, cwd);
}
