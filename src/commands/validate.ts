import { parseShard } from '../ops/shard.js';
import { appendStepSummary, stepSummaryRoom, validateRepository } from '../ops/validate.js';
import { writePieces } from '../ui/io.js';
import { progressLine } from '../ui/progress.js';
import { githubPieces, jsonPieces, renderStepSummary, sarifPieces, textPieces, type ProblemFormat } from '../ui/problems.js';
import { dateOption, openRepo, workingDirectory, type CommandContext } from './context.js';

export interface ValidateFlags {
  format: ProblemFormat;
  strict?: boolean;
  asOf?: string;
  since?: string;
  shard?: string;
}

/** mentor validate [path...] */
export async function validateCommand(paths: string[], flags: ValidateFlags, ctx: CommandContext): Promise<number> {
  const today = dateOption(flags.asOf, '--as-of');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const repo = openRepo(ctx);
  // Like git: paths after -C are relative to it, and a repository reached through a link is the same one.
  const progress = progressLine(ctx.io, 'checked');
  const result = await validateRepository(repo, { paths, cwd: workingDirectory(ctx), today, strict: flags.strict ?? false, onProgress: progress.update, since: flags.since, env: ctx.io.env, shard, sourceLines: flags.format === 'text' });
  progress.end();
  const { io } = ctx;
  switch (flags.format) {
    case 'json':
      await writePieces(io.stdout, jsonPieces(result));
      break;
    case 'sarif':
      await writePieces(io.stdout, sarifPieces(result, ctx.version));
      break;
    case 'github': {
      await writePieces(io.stdout, githubPieces(result));
      const summaryFile = io.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) {
        const summary = renderStepSummary(result, stepSummaryRoom(summaryFile));
        if (summary === '') io.stderr.write(`mentor: ${summaryFile} is full (GitHub keeps at most 1 MiB of summary for a step); nothing was added to it\n`);
        appendStepSummary(summaryFile, summary);
      }
      break;
    }
    default:
      await writePieces(io.stdout, textPieces(result, io.color));
  }
  return result.ok ? 0 : 1;
}
