import { UsageError } from '../errors.js';
import type { Io } from '../ui/io.js';
import { isIsoDate, localToday } from '../util/dates.js';

/** What every command receives from the CLI shell. */
export interface CommandContext {
  io: Io;
  /** Where to start looking for the repository: -C/--repo, else the current folder. */
  repoStart: string;
  version: string;
}

/** A date given on the command line, or today when absent; a malformed one is a usage error. */
export function dateOption(value: string | undefined, flag: string): string {
  if (value === undefined) return localToday();
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${value} is not a real calendar date written YYYY-MM-DD`);
  return value;
}
