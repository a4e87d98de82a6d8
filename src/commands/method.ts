import path from 'node:path';
import { stageName, type Method } from '../model/method.js';
import { initMethod, methodAt } from '../ops/method.js';
import { renderTable } from '../ui/table.js';
import { printable } from '../ui/printable.js';
import { openRepo, workingDirectory, type CommandContext } from './context.js';

/** mentor method show */
export function methodShowCommand(flags: { json?: boolean; locale?: string }, ctx: CommandContext): number {
  const method = methodAt(workingDirectory(ctx));
  const { io } = ctx;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ...method, schema: undefined }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(renderMethod(method, flags.locale ?? 'en'));
  return 0;
}

/** mentor method init <name> */
export function methodInitCommand(name: string, ctx: CommandContext): number {
  const repo = openRepo(ctx);
  const result = initMethod(repo, name);
  const shown = path.relative(ctx.io.cwd, path.join(repo.root, result.file)) || result.file;
  ctx.io.stderr.write(`wrote ${printable(shown)}; mentor.yaml now says method: ${printable(result.file)}${result.previous ? ` (it said ${printable(result.previous)})` : ''}\n`);
  return 0;
}

/** The method in words: its stages with their gates, then its limits and rating criteria. */
export function renderMethod(method: Method, locale: string): string {
  const byRank = (rank: number) => method.stages.filter((s) => s.rank === rank).map((s) => s.id);
  const rows = method.stages.map((stage) => {
    const together = byRank(stage.rank).filter((id) => id !== stage.id);
    const roles = [stage.mentoring && 'mentoring', stage.terminal && 'closes', together.length > 0 && `either order with ${together.join(', ')}`].filter(Boolean);
    return [String(stage.rank + 1), stage.id, stageName(method, stage.id, locale), roles.join('; ')];
  });
  const gates = method.stages.map((stage) => {
    const lines = stage.gate.map((r) => `  - ${r.label}${r.entry_only ? ' (on entry only)' : ''}  [${r.field}]`);
    return lines.length > 0 ? `${stage.id}:\n${lines.join('\n')}` : `${stage.id}: nothing to record`;
  });
  const limits = Object.entries(method.limits).map(([name, value]) => [name, String(value)]);
  const { scale, criteria } = method.ratings;
  return [
    `${method.title} (${method.name}, ${method.builtIn ? 'built in' : method.file})${method.source ? `\n${method.source}` : ''}\n`,
    renderTable(['step', 'stage', 'name', 'role'], rows),
    `Gates: what must be recorded to enter each stage\n${gates.join('\n')}\n`,
    renderTable(['limit', 'value'], limits),
    `Ratings from ${scale.min} to ${scale.max}: ${criteria.map((c) => c.id).join(', ')}\n`,
  ].join('\n');
}
