import { factsOf, type PartnershipFacts, type SessionFacts, type SessionRecord } from '../model/facts.js';
import { baseName, SESSION_FILE_PATTERN } from '../model/layout.js';
import { problem, type Problem, type ProblemCode } from '../model/problem.js';
import { SessionSchema } from '../model/session.js';
import type { PathSegment, SourceFile } from '../model/source.js';
import { checkSchema } from './schema.js';
import { checkText } from './text.js';

/** Two sessions are the same when they share the date and the title (case and outer spaces aside). */
export function sessionKey(date: string, title: string): string {
  return `${date}\u0000${title.trim().toLowerCase()}`;
}

/** The session among `records` with the same date and title, if any. */
export function sameSession(records: readonly SessionRecord[], date: string, title: string): SessionRecord | undefined {
  const key = sessionKey(date, title);
  return records.find(({ session }) => session.date !== undefined && session.title !== undefined && sessionKey(session.date, session.title) === key);
}

/**
 * Check a partnership's session files, alone and against their partnership (when it could be read).
 * Returns the problems and each readable session's facts.
 */
export function checkSessions(sources: readonly SourceFile[], partnership: PartnershipFacts | undefined): { problems: Problem[]; sessions: SessionRecord[] } {
  const problems: Problem[] = [];
  const sessions: SessionRecord[] = [];
  const targetIds = new Set((partnership?.targets ?? []).map((t) => t?.id).filter((id): id is string => id !== undefined));
  const requestDate = partnership?.request?.date;

  for (const source of sources) {
    const schemaProblems = checkSchema(source, SessionSchema, 'a session');
    problems.push(...source.problems, ...schemaProblems, ...checkText(source));
    const data = source.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    const session = (schemaProblems.length === 0 ? data : factsOf(SessionSchema, data)) as SessionFacts;
    const report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string) =>
      problems.push(problem(code, { file: source.file, ...source.locate(path) }, message, hint));
    const date = session.date;
    if (date === undefined) continue;
    sessions.push({ file: source.file, session });

    const named = SESSION_FILE_PATTERN.exec(baseName(source.file));
    if (named && named[1] !== date) {
      report('MTR023', ['date'], `the file name says ${named[1]} but date is ${date}`, 'rename the file or correct the date');
    }
    if (session.end !== undefined && session.end < date) report('MTR042', ['end'], `the session ends (${session.end}) before it starts (${date})`);
    if (requestDate !== undefined && date < requestDate) {
      report('MTR041', ['date'], `the session (${date}) is dated before the request (${requestDate})`, 'correct the date, or the request date in partnership.yaml');
    }
    if (partnership) {
      // The names as written: a target that is not even a slug is still no target of the partnership.
      const named = (data as { targets?: unknown }).targets;
      (Array.isArray(named) ? named : []).forEach((target: unknown, index) => {
        if (typeof target === 'string' && !targetIds.has(target)) {
          const known = [...targetIds];
          report('MTR040', ['targets', index], `no target "${target}" in the partnership`, known.length > 0 ? `its targets are: ${known.join(', ')}` : 'the partnership has no targets yet');
        }
      });
    }
    if (session.title !== undefined) {
      const first = sameSession(sessions.slice(0, -1), date, session.title);
      if (first) report('MTR043', ['title'], `another session on ${date} has the same title: ${first.file}`, 'merge the two files, or give each a distinct title');
    }
  }
  return { problems, sessions };
}
