import path from 'node:path';
import { buildSite } from '../ops/site.js';
import type { Lang } from '../render/format.js';
import { requireRepoRoot } from '../store/find-repo.js';
import { dateOption, type CommandContext } from './context.js';

export interface SiteFlags {
  out?: string;
  locale?: Lang;
  asOf?: string;
}

/** mentor site [--out site] [--locale xx] */
export function siteCommand(flags: SiteFlags, ctx: CommandContext): number {
  const today = dateOption(flags.asOf, '--as-of');
  const root = requireRepoRoot(ctx.repoStart);
  const result = buildSite({
    root,
    cwd: ctx.io.cwd,
    today,
    ...(flags.out !== undefined && { out: flags.out }),
    ...(flags.locale !== undefined && { locale: flags.locale }),
  });
  const where = path.relative(ctx.io.cwd, result.dir) || '.';
  ctx.io.stderr.write(`wrote ${result.written.length} files into ${where}/: open ${path.join(where, 'index.html')}\n`);
  return 0;
}
