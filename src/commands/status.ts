import type { ChalkInstance } from 'chalk';
import type { PartnershipSummary } from '../ops/portfolio.js';
import { partnershipStatus, portfolioStatusParallel, type PartnershipDetail } from '../ops/status.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { renderGates } from '../ui/gates.js';
import { progressLine } from '../ui/progress.js';
import { printable } from '../ui/printable.js';
import { renderTable } from '../ui/table.js';
import { dateOption, speedOptions, type CommandContext } from './context.js';

/** mentor status [id] */
export async function statusCommand(id: string | undefined, flags: { json?: boolean; asOf?: string }, ctx: CommandContext): Promise<number> {
  const today = dateOption(flags.asOf, '--as-of');
  const root = requireRepoRoot(ctx.repoStart);
  const { io } = ctx;
  if (id === undefined) {
    const progress = progressLine(io, 'summarised');
    const summaries = await portfolioStatusParallel(root, today, { ...speedOptions(ctx), onProgress: progress.update });
    progress.end();
    if (flags.json) io.stdout.write(`${JSON.stringify({ asOf: today, partnerships: summaries.map(jsonSummary) }, null, 2)}\n`);
    else io.stdout.write(renderPortfolio(summaries, today, io.color, io.stdout.isTTY ? (io.stdout.columns ?? 100) : undefined));
    return 0;
  }
  const detail = partnershipStatus(root, id, today);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ asOf: today, ...jsonSummary(detail.summary), next: detail.next ?? null, targets: detail.targets, recentSessions: detail.recentSessions }, null, 2)}\n`);
  } else {
    io.stdout.write(renderDetail(detail, today, io.color));
  }
  return 0;
}

function jsonSummary(s: PartnershipSummary): Record<string, unknown> {
  const { data, warnings, ...rest } = s;
  void data; // the raw file is for views, not for scripts
  return { ...rest, warnings: warnings.map((w) => ({ code: w.code, message: w.message, file: w.file, line: w.line })) };
}

const pair = (s: PartnershipSummary) =>
  `${s.mentor.name}${s.mentor.country ? ` (${s.mentor.country})` : ''} → ${s.mentee.name}${s.mentee.country ? ` (${s.mentee.country})` : ''}`;

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
  const table = renderTable(['partnership', 'pair', 'stage', 'status', 'days', 'sessions', 'tech:pol', 'last session', 'next due', 'warnings'], rows, {
    ...(width !== undefined && { width }),
    shrink: 1,
  });
  const notes = summaries.flatMap((s) => [
    ...(s.errors > 0 ? [`${color.red(s.id)}: ${s.errors} error${s.errors === 1 ? '' : 's'} (see mentor validate)`] : []),
    ...s.warnings.map((w) => `${color.yellow(s.id)}: ${printable(w.message)}`),
  ]);
  return `${color.bold(`Portfolio as of ${today}`)}\n${table}${notes.length > 0 ? `\n${notes.join('\n')}\n` : ''}`;
}

function renderDetail(detail: PartnershipDetail, today: string, color: ChalkInstance): string {
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
    lines.push('Targets', renderTable(['id', 'status', 'due', 'title'], detail.targets.map((t) => [t.id, t.status, t.due, t.title])).trimEnd(), '');
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
