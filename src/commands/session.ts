import { UsageError } from '../errors.js';
import { SESSION_TYPES } from '../model/constants.js';
import { addSession, listSessions, readSessionInput } from '../ops/session.js';
import { renderText } from '../ui/problems.js';
import { askForMissing, askList, prompterFor, type Needed } from '../ui/prompt.js';
import { renderTable } from '../ui/table.js';
import { isIsoDate, localToday } from '../util/dates.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';
import { askDate, askEnd, defaultHost, defaultLevel, HOSTS, LEVELS } from './session-questions.js';

export interface SessionAddFlags {
  date?: string;
  end?: string;
  title?: string;
  type?: string;
  level?: string;
  host?: string;
  location?: string;
  participant?: string[];
  topic?: string[];
  target?: string[];
  outcome?: string[];
  action?: string[];
  from?: string;
  yes?: boolean;
}

const PARTICIPANT_SIDES = ['mentor', 'mentee', 'lga', 'programme', 'other'];

/** "Name; Organisation; Role; side" */
export function parseParticipant(value: string): Record<string, string> {
  const parts = value.split(';').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => p === '') || !PARTICIPANT_SIDES.includes(parts[3]!)) {
    throw new UsageError(
      `--participant "${value}" is not of the form "Name; Organisation; Role; side"`,
      `side is one of ${PARTICIPANT_SIDES.join(', ')}; for example --participant "Jan Erasmus; City of Johannesburg; Deputy Director, Policy and Strategy; mentor"`,
    );
  }
  const [name, organisation, role, side] = parts as [string, string, string, string];
  return { name, organisation, role, side };
}

/** "what; owner; YYYY-MM-DD" */
export function parseAction(value: string): Record<string, string> {
  const parts = value.split(';').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '') || !isIsoDate(parts[2])) {
    throw new UsageError(
      `--action "${value}" is not of the form "what; owner; YYYY-MM-DD"`,
      'for example --action "Draft the debt-recovery strategy; Treasury team, Lilongwe City Assembly; 2010-01-29"',
    );
  }
  const [what, owner, due] = parts as [string, string, string];
  return { what, owner, due, status: 'open' };
}

/** mentor session add <id> */
export async function sessionAddCommand(id: string, flags: SessionAddFlags, ctx: CommandContext): Promise<number> {
  const repo = openRepo(ctx);
  if (flags.end !== undefined) dateOption(flags.end, '--end');
  const base = flags.from !== undefined ? readSessionInput(flags.from, workingDirectory(ctx)) : {};
  const prompter = await prompterFor(ctx.io, flags.yes);
  // On a terminal, a session typed in is asked for in full; one read --from a file only for what it lacks.
  const asking = flags.from === undefined ? prompter : undefined;
  const fromFlags: Record<string, unknown> = {};
  // Malformed flags are refused before any question is asked.
  const flagParticipants = flags.participant?.map(parseParticipant);
  const flagActions = flags.action?.map(parseAction);

  if (flags.date !== undefined || base.date === undefined) {
    fromFlags.date = flags.date === undefined && asking ? (await askDate(asking, dateOption(undefined, '--date'))).trim() : dateOption(flags.date, '--date');
  }
  const end = flags.end ?? (asking && typeof fromFlags.date === 'string' ? await askEnd(asking, fromFlags.date) : undefined);

  const given = (flag: string | undefined, key: string) => flag ?? (typeof base[key] === 'string' ? (base[key] as string) : undefined);
  const needed = (type?: string): Needed[] => [
    { flag: '--title', question: 'Title of the session:', value: given(flags.title, 'title') },
    { flag: '--type', question: 'Type of session:', value: type ?? given(flags.type, 'type'), choices: SESSION_TYPES, default: 'contact' },
    { flag: '--level', question: 'Level:', value: given(flags.level, 'level'), choices: LEVELS, default: defaultLevel(type ?? '') },
    { flag: '--host', question: 'Who hosted it?', value: given(flags.host, 'host'), choices: HOSTS, default: defaultHost(type ?? '') },
  ];
  // Without a terminal every missing flag is named at once; on one, level and host default by the type answered.
  if (!prompter) await askForMissing(needed(), undefined);
  const [title, type] = await askForMissing(needed().slice(0, 2), prompter);
  const [level, host] = await askForMissing(needed(type).slice(2), prompter);
  const choice = (flag: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) throw new UsageError(`${flag} ${value} is not one of: ${allowed.join(', ')}`);
  };
  if (flags.type !== undefined) choice('--type', flags.type, SESSION_TYPES);
  if (flags.level !== undefined) choice('--level', flags.level, LEVELS);
  if (flags.host !== undefined) choice('--host', flags.host, HOSTS);

  const location = flags.location ?? (asking ? (await asking.text('Where did it take place? (Enter to leave out)', { optional: true })).trim() || undefined : undefined);
  const listed = async <T>(values: T[] | undefined, question: string, parse: (value: string) => T): Promise<T[]> =>
    values?.length ? values : asking ? askList(asking, question, parse) : [];
  const participants = await listed(flagParticipants, 'A participant, as "Name; Organisation; Role; side" (Enter when done):', parseParticipant);
  const outcomes = await listed(flags.outcome, 'An outcome (Enter when done):', (v) => v);
  const actions = await listed(flagActions, 'An action agreed, as "what; owner; YYYY-MM-DD" (Enter when done):', parseAction);

  const optional = { end, location, participants, topics: flags.topic, targets: flags.target, outcomes, actions };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) fromFlags[key] = value;
  }
  const session = { ...base, ...fromFlags, title, type, level, host };
  const ordered = orderSessionKeys(session);
  const result = addSession(repo, { id, session: ordered, today: localToday() });
  for (const warning of result.warnings) ctx.io.stderr.write(`warning: ${warning}\n`);
  ctx.io.stdout.write(`${result.file}\n`);
  return 0;
}

const KEY_ORDER = ['date', 'end', 'title', 'type', 'level', 'host', 'location', 'summary', 'participants', 'topics', 'targets', 'outcomes', 'actions', 'costs'];

function orderSessionKeys(session: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(session).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((k) => [k, session[k]]));
}

function rank(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
}

/** mentor session list <id> */
export function sessionListCommand(id: string, flags: { json?: boolean }, ctx: CommandContext): number {
  const { rows, problems } = listSessions(openRepo(ctx), id, localToday());
  // A session file that cannot be read is no row of the list: say so, as validate would, and fail.
  if (problems.errors > 0) ctx.io.stderr.write(renderText(problems, ctx.io.color));
  const code = problems.errors > 0 ? 1 : 0;
  if (flags.json) {
    ctx.io.stdout.write(`${JSON.stringify({ id, sessions: rows }, null, 2)}\n`);
    return code;
  }
  if (rows.length === 0) {
    ctx.io.stderr.write(`${id} has no sessions yet; log one with \`mentor session add ${id}\`\n`);
    return code;
  }
  const table = rows.map((r) => [String(r.number), r.end && r.end !== r.date ? `${r.date} – ${r.end}` : r.date, r.type ?? '', r.level ?? '', r.host ?? '', r.title ?? '']);
  ctx.io.stdout.write(renderTable(['#', 'date', 'type', 'level', 'host', 'title'], table, { ...(ctx.io.stdout.isTTY && { width: ctx.io.stdout.columns ?? 100 }), shrink: 5 }));
  return code;
}
