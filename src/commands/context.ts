import { UsageError } from '../errors.js';
import { useFastPath } from '../store/source.js';
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

/**
 * The speed-ups a run may use, from the environment: MENTOR_THREADS=1 keeps all work on one thread,
 * MENTOR_FAST_PATH=0 reads every file with the positioned parser. Results are the same either way.
 */
export function speedOptions(ctx: CommandContext): { threads?: number; fastPath: boolean } {
  const threads = Number.parseInt(ctx.io.env.MENTOR_THREADS ?? '', 10);
  const fastPath = ctx.io.env.MENTOR_FAST_PATH !== '0';
  useFastPath(fastPath);
  return { fastPath, ...(Number.isFinite(threads) && { threads }) };
}
