import { SessionSchema } from '../model/session.js';
import { SESSION_FILE_PATTERN } from '../store/layout.js';
import { locate, type SourceFile } from '../store/source.js';
import type { SessionFacts } from '../roadmap/health.js';
import { isIsoDate } from '../util/dates.js';
import { list, rec, str, type Loose, type PathSegment } from '../util/loose.js';
import { problem, type Problem, type ProblemCode } from './problem.js';
import { checkSchema } from './schema.js';
import { checkText } from './text.js';

/** Check a partnership's session files, alone and against their partnership (when it could be read). */
export function checkSessions(sessions: readonly SourceFile[], partnership: Loose | undefined): { problems: Problem[]; facts: SessionFacts[] } {
  const problems: Problem[] = [];
  const facts: SessionFacts[] = [];
  const targetIds = new Set(list(partnership?.targets).map((t) => str(rec(t)?.id)).filter((id): id is string => id !== undefined));
  const requestDate = str(rec(partnership?.request)?.date);
  const byDateAndTitle = new Map<string, string>();

  for (const source of sessions) {
    problems.push(...source.problems, ...checkSchema(source, SessionSchema, 'a session'), ...checkText(source));
    const data = rec(source.data);
    if (!data) continue;
    const report = (code: ProblemCode, path: PathSegment[], message: string, hint?: string) =>
      problems.push(problem(code, { file: source.file, ...locate(source, path) }, message, hint));
    const date = data.date;
    if (!isIsoDate(date)) continue;
    facts.push({ date, ...(typeof data.level === 'string' && { level: data.level }) });

    const named = SESSION_FILE_PATTERN.exec(source.file.split('/').pop() ?? '');
    if (named && named[1] !== date) {
      report('MTR023', ['date'], `the file name says ${named[1]} but date is ${date}`, 'rename the file or correct the date');
    }
    if (isIsoDate(data.end) && data.end < date) report('MTR042', ['end'], `the session ends (${data.end}) before it starts (${date})`);
    if (isIsoDate(requestDate) && date < requestDate) {
      report('MTR041', ['date'], `the session (${date}) is dated before the request (${requestDate})`, 'correct the date, or the request date in partnership.yaml');
    }
    if (partnership) {
      list(data.targets).forEach((target, index) => {
        if (typeof target === 'string' && !targetIds.has(target)) {
          const known = [...targetIds];
          report('MTR040', ['targets', index], `no target "${target}" in the partnership`, known.length > 0 ? `its targets are: ${known.join(', ')}` : 'the partnership has no targets yet');
        }
      });
    }
    if (typeof data.title === 'string') {
      const key = `${date}\u0000${data.title.trim().toLowerCase()}`;
      const first = byDateAndTitle.get(key);
      if (first) report('MTR043', ['title'], `another session on ${date} has the same title: ${first}`, 'merge the two files, or give each a distinct title');
      else byDateAndTitle.set(key, source.file);
    }
  }
  return { problems, facts };
}
