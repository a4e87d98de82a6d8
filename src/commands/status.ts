import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { summarizeRepository, type PartnershipSummary } from '../ops/portfolio.js';
import type { PartnershipProgress } from '../ops/progress.js';
import { partnershipStatus, type PartnershipDetail } from '../ops/status.js';
import { renderGates } from '../ui/gates.js';
import { writePieces } from '../ui/io.js';
import { jsonListPieces } from '../ui/json.js';
import { progressLine } from '../ui/progress.js';
import { cutText, displayWidth, fitTable, type Column } from '../ui/fit-table.js';
import { printable } from '../ui/printable.js';
import { renderTable } from '../ui/table.js';
import { renderText } from '../ui/problems.js';
import { dateOption, openRepo, type CommandContext } from './context.js';

/** mentor status [id] */
export async function statusCommand(id: string | undefined, flags: { json?: boolean; asOf?: string; wide?: boolean }, ctx: CommandContext): Promise<number> {
  const today = dateOption(flags.asOf, '--as-of');
  const repo = openRepo(ctx);
  const { io } = ctx;
  if (id === undefined) {
    const progress = progressLine(io, 'summarised');
    const { summaries, unreadable } = await summarizeRepository(repo, today, progress.update);
    progress.end();
    // A partnership folder that cannot be read is never silently left out: the same error as validate's.
    if (unreadable.problems.length > 0) io.stderr.write(renderText(unreadable, io.color));
    if (flags.json) await writePieces(io.stdout, jsonListPieces({ asOf: today }, 'partnerships', summaries.map(jsonSummary)));
    else io.stdout.write(renderPortfolio(summaries, today, io.color, io.stdout.isTTY && !flags.wide ? (io.stdout.columns || 80) : undefined));
    return unreadable.errors > 0 ? 1 : 0;
  }
  const detail = partnershipStatus(repo, id, today);
  const { progress } = detail;
  if (flags.json) {
    const targets = detail.targets.map((t, i) => ({ ...t, ...progress.targets[i] }));
    io.stdout.write(`${JSON.stringify({ asOf: today, ...jsonSummary(detail.summary), next: detail.next ?? null, targets, overdueActions: progress.overdueActions, recentSessions: detail.recentSessions }, null, 2)}\n`);
  } else {
    io.stdout.write(renderDetail(detail, progress, today, io.color));
  }
  return 0;
}

function jsonSummary(s: PartnershipSummary): Record<string, unknown> {
  const { warnings, ...rest } = s;
  return { ...rest, warnings: warnings.map((w) => ({ code: w.code, message: w.message, file: w.file, line: w.line })) };
}

const pair = (s: PartnershipSummary) =>
  `${s.mentor.name}${s.mentor.country ? ` (${s.mentor.country})` : ''} → ${s.mentee.name}${s.mentee.country ? ` (${s.mentee.country})` : ''}`;

/** The pair made to fit `width`: first without the country codes, then cut. */
function shortenPair(text: string, width: number): string {
  const bare = text.replace(/ \([A-Z]{2}\)/g, '');
  return displayWidth(bare) <= width ? bare : cutText(bare, width);
}

const PORTFOLIO_COLUMNS: Column[] = [
  { header: 'partnership', fit: 'whole', priority: 10 },
  { header: 'pair', fit: 'cut', priority: 9, min: 22, shorten: shortenPair },
  { header: 'stage', fit: 'whole', priority: 8 },
  { header: 'status', fit: 'whole', priority: 7 },
  { header: 'days', fit: 'whole', priority: 5, align: 'right' },
  { header: 'sessions', fit: 'whole', priority: 2, align: 'right' },
  { header: 'tech:pol', fit: 'whole', priority: 1, align: 'right' },
  { header: 'last session', fit: 'whole', priority: 3 },
  { header: 'next due', fit: 'cut', priority: 4, min: 24 },
  { header: 'warnings', fit: 'whole', priority: 6 },
];

function renderPortfolio(summaries: PartnershipSummary[], today: string, color: ChalkInstance, width: number | undefined): string {
  if (summaries.length === 0) return 'No partnerships yet: start one with `mentor init <id>`.\n';
  const rows = summaries.map((s) => [
    s.id,
    pair(s),
    s.stage ?? '?',
    s.status ?? '?',
    s.daysInStage === undefined ? '' : String(s.daysInStage),
    String(s.sessions),
    `${s.technical}:${s.political}`,
    s.lastSession ?? '–',
    s.nextDue ? `${s.nextDue.date} ${s.nextDue.what}` : '–',
    s.errors > 0 ? `${s.errors} errors, ${s.warnings.length}` : String(s.warnings.length),
  ]);
  const fitted = fitTable(PORTFOLIO_COLUMNS, rows, width);
  const left = `(left out at this width: ${fitted.hidden.join(', ')}; --wide shows every column)`;
  const table = fitted.hidden.length > 0 ? `${fitted.text}${color.dim(wrapWords(left, width ?? Infinity, ' '))}\n` : fitted.text;
  const notes = summaries.flatMap((s) => [
    ...(s.errors > 0 ? [`${color.red(s.id)}: ${s.errors} error${s.errors === 1 ? '' : 's'} (see mentor validate)`] : []),
    ...s.warnings.map((w) => `${color.yellow(s.id)}: ${printable(w.message)}`),
  ]);
  const wrapped = width === undefined ? notes : notes.map((n) => wrapWords(n, width, '    '));
  return `${color.bold(`Portfolio as of ${today}`)}\n${table}${notes.length > 0 ? `\n${wrapped.join('\n')}\n` : ''}`;
}

/** Words wrapped at `width` (on a terminal, so a message never breaks mid-word), later lines indented. */
function wrapWords(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    // Colour codes take no room on the screen.
    if (line !== '' && displayWidth(stripVTControlCharacters(candidate)) > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "baseline → latest (date) → target", with a dash for what is not recorded. */
export function progressText(t: PartnershipProgress['targets'][number] | undefined): string {
  const latest = t?.latest ? `${t.latest.value} (${t.latest.date})` : '–';
  return `${t?.baseline ?? '–'} → ${latest} → ${t?.target ?? '–'}`;
}

function renderDetail(detail: PartnershipDetail, progress: PartnershipProgress, today: string, color: ChalkInstance): string {
  const s = detail.summary;
  const lines = [
    color.bold(printable(s.title)),
    printable(pair(s)),
    `stage ${s.stage ?? '?'}${s.stageEntered ? ` since ${s.stageEntered}${daysText(s.daysInStage, today)}` : ''}, status ${s.status ?? '?'}`,
    `sessions ${s.sessions} (technical:political ${s.technical}:${s.political})${s.lastSession ? `, last on ${s.lastSession}` : ''}`,
    `next due: ${s.nextDue ? printable(`${s.nextDue.date} ${s.nextDue.what}`) : '–'}`,
    '',
  ];
  if (detail.next) lines.push(`Next stage: ${detail.next.stage}`, renderGates([detail.next.gate], color).trimEnd(), '');
  if (detail.targets.length > 0) {
    lines.push(
      'Targets',
      renderTable(['id', 'status', 'due', 'baseline → latest → target', 'title'], detail.targets.map((t, i) => [t.id, t.status, t.due, progressText(progress.targets[i]), t.title])).trimEnd(),
      '',
    );
  }
  if (progress.overdueActions.length > 0) {
    lines.push(
      color.yellow('Overdue actions'),
      renderTable(['due', 'owner', 'action', 'session'], progress.overdueActions.map((a) => [a.due, a.owner, a.what, a.session])).trimEnd(),
      '',
    );
  }
  if (detail.recentSessions.length > 0) {
    lines.push(
      'Recent sessions',
      renderTable(['#', 'date', 'level', 'host', 'title'], detail.recentSessions.map((r) => [String(r.number), r.date, r.level ?? '', r.host ?? '', r.title ?? ''])).trimEnd(),
      '',
    );
  }
  if (s.errors > 0) lines.push(color.red(`${s.errors} error${s.errors === 1 ? '' : 's'}: run \`mentor validate\``));
  for (const w of s.warnings) lines.push(`${color.yellow('warning')} ${w.code} ${printable(w.message)}`);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function daysText(days: number | undefined, today: string): string {
  if (days === undefined) return ` (after ${today})`;
  return ` (${days} day${days === 1 ? '' : 's'} as of ${today})`;
}
