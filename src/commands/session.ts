import { UsageError } from '../errors.js';
import { SESSION_TYPES } from '../model/constants.js';
import { addSession, listSessions } from '../ops/session.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { readDataInput } from '../store/input.js';
import { askForMissing, prompterFor } from '../ui/prompt.js';
import { printable } from '../ui/printable.js';
import { renderTable } from '../ui/table.js';
import { isIsoDate } from '../util/dates.js';
import { dateOption, type CommandContext } from './context.js';

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
  const root = requireRepoRoot(ctx.repoStart);
  if (flags.end !== undefined) dateOption(flags.end, '--end');
  const base = flags.from !== undefined ? readDataInput(flags.from, ctx.io.cwd) : {};
  const fromFlags: Record<string, unknown> = {};
  if (flags.date !== undefined || base.date === undefined) fromFlags.date = dateOption(flags.date, '--date');
  const simple = { end: flags.end, location: flags.location } as const;
  for (const [key, value] of Object.entries(simple)) if (value !== undefined) fromFlags[key] = value;
  const lists = { topics: flags.topic, targets: flags.target, outcomes: flags.outcome };
  for (const [key, value] of Object.entries(lists)) if (value && value.length > 0) fromFlags[key] = value;
  if (flags.participant?.length) fromFlags.participants = flags.participant.map(parseParticipant);
  if (flags.action?.length) fromFlags.actions = flags.action.map(parseAction);

  const prompter = await prompterFor(ctx.io, flags.yes);
  const given = (flag: string | undefined, key: string) => flag ?? (typeof base[key] === 'string' ? (base[key] as string) : undefined);
  const [title, type, level, host] = await askForMissing(
    [
      { flag: '--title', question: 'Title of the session:', value: given(flags.title, 'title') },
      { flag: '--type', question: 'Type of session:', value: given(flags.type, 'type'), choices: SESSION_TYPES, default: 'contact' },
      { flag: '--level', question: 'Level:', value: given(flags.level, 'level'), choices: ['technical', 'political'], default: 'technical' },
      { flag: '--host', question: 'Who hosted it?', value: given(flags.host, 'host'), choices: ['mentee', 'mentor', 'other', 'remote'], default: 'mentee' },
    ],
    prompter,
  );
  const choice = (flag: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) throw new UsageError(`${flag} ${value} is not one of: ${allowed.join(', ')}`);
  };
  if (flags.type !== undefined) choice('--type', flags.type, SESSION_TYPES);
  if (flags.level !== undefined) choice('--level', flags.level, ['technical', 'political']);
  if (flags.host !== undefined) choice('--host', flags.host, ['mentor', 'mentee', 'other', 'remote']);

  const session = { ...base, ...fromFlags, title, type, level, host };
  const ordered = orderSessionKeys(session);
  const result = addSession({ root, id, session: ordered });
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
  const root = requireRepoRoot(ctx.repoStart);
  const rows = listSessions(root, id);
  // A file that cannot be read (merge-conflict markers, broken YAML) is listed, and fails the command.
  const unreadable = rows.filter((r) => r.problem !== undefined);
  if (flags.json) {
    ctx.io.stdout.write(`${JSON.stringify({ id, sessions: rows }, null, 2)}\n`);
    return unreadable.length > 0 ? 1 : 0;
  }
  if (rows.length === 0) {
    ctx.io.stderr.write(`${id} has no sessions yet; log one with \`mentor session add ${id}\`\n`);
    return 0;
  }
  const table = rows.map((r) => [String(r.number), r.end && r.end !== r.date ? `${r.date} – ${r.end}` : r.date, r.type ?? '', r.level ?? '', r.host ?? '', r.title ?? '']);
  ctx.io.stdout.write(renderTable(['#', 'date', 'type', 'level', 'host', 'title'], table, { ...(ctx.io.stdout.isTTY && { width: ctx.io.stdout.columns ?? 100 }), shrink: 5 }));
  for (const r of unreadable) ctx.io.stderr.write(`mentor: ${printable(r.problem!)} (\`mentor validate\` shows every problem)\n`);
  return unreadable.length > 0 ? 1 : 0;
}
