import path from 'node:path';
import { UsageError } from '../errors.js';
import { findRepository, type Repository } from '../ops/repository.js';
import type { CommandIo } from '../ui/io.js';
import { isIsoDate, localToday, whyNotADate } from '../util/dates.js';

/** What every command receives from the CLI shell. */
export interface CommandContext {
  io: CommandIo;
  /** Where to start looking for the repository: -C/--repo, else the current folder. */
  repoStart: string;
  version: string;
}

/** A date given on the command line, or today when absent; a malformed one is a usage error. */
export function dateOption(value: string | undefined, flag: string): string {
  if (value === undefined) return localToday();
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${value} ${whyNotADate(value)}`);
  return value;
}

/** Where paths on the command line start: the -C folder (relative to the current one), as in git. */
export function workingDirectory(ctx: CommandContext): string {
  return path.resolve(ctx.io.cwd, ctx.repoStart);
}

/**
 * The repository this command works on, opened with the speed-ups the environment allows:
 * MENTOR_THREADS=1 keeps all work on one thread, MENTOR_FAST_PATH=0 reads every file with the
 * positioned parser. Results are the same either way.
 */
export function openRepo(ctx: CommandContext): Repository {
  const threads = Number.parseInt(ctx.io.env.MENTOR_THREADS ?? '', 10);
  return findRepository(workingDirectory(ctx), { fastPath: ctx.io.env.MENTOR_FAST_PATH !== '0', ...(Number.isFinite(threads) && { threads }) });
}
