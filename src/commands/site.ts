import path from 'node:path';
import { buildSite, type Lang } from '../ops/site.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';

export interface SiteFlags {
  out?: string;
  locale?: Lang;
  asOf?: string;
}

/** mentor site [--out site] [--locale xx] */
export function siteCommand(flags: SiteFlags, ctx: CommandContext): number {
  const today = dateOption(flags.asOf, '--as-of');
  const cwd = workingDirectory(ctx);
  const result = buildSite(openRepo(ctx), {
    cwd,
    today,
    ...(flags.out !== undefined && { out: flags.out }),
    ...(flags.locale !== undefined && { locale: flags.locale }),
  });
  const where = path.relative(cwd, result.dir) || '.';
  ctx.io.stderr.write(`wrote ${result.written.length} files into ${where}/: open ${path.join(where, 'index.html')}\n`);
  return 0;
}
