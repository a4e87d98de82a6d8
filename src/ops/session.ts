import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Document } from 'yaml';
import { checkText } from '../check/text.js';
import { DataError, UsageError } from '../errors.js';
import { SessionSchema } from '../model/session.js';
import { stageRank, isStageId } from '../roadmap/stages.js';
import { SESSION_FILE_PATTERN, sessionsDir } from '../store/layout.js';
import { readPartnershipData } from '../store/partnership-file.js';
import { loadPartnership } from '../store/repository.js';
import { createFileExclusive } from '../store/write.js';
import { list, rec, str } from '../util/loose.js';
import { slugify } from '../util/text.js';

export const SESSION_SCHEMA_LINE = '# yaml-language-server: $schema=../../../schema/session.schema.json';

export interface AddSessionOptions {
  root: string;
  id: string;
  /** The session as it will be written (flags and --from merged). */
  session: Record<string, unknown>;
}

export interface AddSessionResult {
  /** Repository-relative path of the new file. */
  file: string;
  text: string;
  /** Things worth saying that do not stop the write. */
  warnings: string[];
}

/** Log a session as a new file of its partnership; never overwrites, never reads other partnerships. */
export function addSession(options: AddSessionOptions): AddSessionResult {
  const { data: partnership } = readPartnershipData(options.root, options.id);
  const checked = SessionSchema.safeParse(options.session);
  if (!checked.success) {
    const lines = checked.error.issues.map((issue) => `${issue.path.join('.') || '(session)'}: ${issue.message}`);
    throw new DataError(`the session does not fit the session schema: ${lines.join('; ')}`, 'see `mentor schema --kind session`');
  }
  const session = checked.data;
  const targetIds = list(partnership.targets).map((t) => str(rec(t)?.id));
  const missing = (session.targets ?? []).filter((t) => !targetIds.includes(t));
  if (missing.length > 0) {
    const known = targetIds.filter(Boolean);
    throw new UsageError(`${options.id} has no target ${missing.map((t) => `"${t}"`).join(', ')}`, known.length > 0 ? `its targets are: ${known.join(', ')}` : 'it has no targets yet');
  }
  const requestDate = str(rec(partnership.request)?.date);
  if (requestDate && session.date < requestDate) {
    throw new UsageError(`the session (${session.date}) is dated before the request (${requestDate})`, 'check the date; `mentor validate` would report it (MTR041)');
  }
  if (session.end !== undefined && session.end < session.date) {
    throw new UsageError(`the session ends (${session.end}) before it starts (${session.date})`, 'check --end; `mentor validate` would report it (MTR042)');
  }
  const warnings: string[] = [];
  if (isStageId(partnership.stage) && stageRank(partnership.stage) < stageRank('mentoring')) {
    warnings.push(`${options.id} is at stage "${partnership.stage}", before mentoring; the session is logged all the same`);
  }
  if (partnership.status !== 'active') warnings.push(`${options.id} is ${String(partnership.status)}; the session is logged all the same`);

  const dir = sessionsDir(options.id);
  const sameDayAndTitle = loadPartnership(options.root, options.id).sessions.some((s) => {
    const other = rec(s.data);
    return other?.date === session.date && str(other.title)?.trim().toLowerCase() === session.title.trim().toLowerCase();
  });
  if (sameDayAndTitle) {
    warnings.push(`another session on ${session.date} has the same title; \`mentor validate\` reports the pair until one is retitled or they are merged`);
  }

  const text = `${SESSION_SCHEMA_LINE}\n${new Document(options.session).toString({ lineWidth: 0 })}`;
  const base = `${session.date}-${slugify(session.title)}`;
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = attempt === 0 ? `${base}.yaml` : `${base}-${randomBytes(2).toString('hex')}.yaml`;
    const file = `${dir}/${name}`;
    try {
      createFileExclusive(path.join(options.root, file), text);
      return { file, text, warnings };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new UsageError(`could not find a free file name for ${base}.yaml after 8 tries`);
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
  /** Why the file cannot be read as a session ("<file>:<line>:<column> <code> <message>"), when it cannot. */
  problem?: string;
}

/** The sessions of a partnership in date order, numbered as visits are counted. */
export function listSessions(root: string, id: string): SessionRow[] {
  readPartnershipData(root, id);
  const rows = loadPartnership(root, id)
    .sessions.map((source) => ({ source, data: rec(source.data) }))
    .filter(({ source }) => SESSION_FILE_PATTERN.test(source.file.split('/').pop()!))
    .map(({ source, data }) => {
      const date = str(data?.date) ?? source.file.split('/').pop()!.slice(0, 10);
      const row: SessionRow = { number: 0, file: source.file, date };
      const unreadable = [...checkText(source), ...source.problems].find((p) => p.severity === 'error');
      if (unreadable) row.problem = `${unreadable.file}:${unreadable.line}:${unreadable.column} ${unreadable.code} ${unreadable.message}`;
      for (const key of ['end', 'type', 'level', 'host', 'title', 'location'] as const) {
        const value = str(data?.[key]);
        if (value !== undefined) row[key] = value;
      }
      return row;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1));
  rows.forEach((row, index) => (row.number = index + 1));
  return rows;
}
