import { CancelledError, UsageError } from '../errors.js';
import type { Io, Prompter } from './io.js';

/** The questions a command may ask; tests pass a fake that answers from a list. */
export type { Prompter };

/** Prompt only on a terminal (stdin and stderr), outside CI, and without --yes. */
export function isInteractive(io: Io, yes: boolean | undefined): boolean {
  return !yes && io.stdinIsTTY && Boolean(io.stderr.isTTY) && !io.env.CI;
}

/** A value a command needs: given as a flag, else asked for, else (without a terminal) an error naming the flag. */
export interface Needed {
  flag: string;
  question: string;
  value: string | undefined;
  default?: string;
  choices?: readonly string[];
  validate?: (value: string) => true | string;
}

/**
 * Fill in missing values. Without a terminal nothing is asked: every missing flag is named in one
 * usage error (exit 2), at once, without waiting on standard input.
 */
export async function askForMissing(needed: Needed[], prompter: Prompter | undefined): Promise<string[]> {
  const missing = needed.filter((n) => n.value === undefined);
  if (missing.length > 0 && !prompter) {
    throw new UsageError(
      `missing ${missing.map((n) => n.flag).join(', ')}`,
      'without a terminal mentor asks nothing: give every value as a flag',
    );
  }
  const answers: string[] = [];
  for (const n of needed) {
    if (n.value !== undefined) answers.push(n.value);
    else if (n.choices) answers.push(await prompter!.select(n.question, n.choices, n.default));
    else answers.push(await prompter!.text(n.question, { ...(n.default !== undefined && { default: n.default }), ...(n.validate && { validate: n.validate }) }));
  }
  return answers;
}

/**
 * Ask for a list, one item a question, until an empty answer; each answer is checked by `parse`
 * (which throws a usage error for a malformed one, shown as the prompt's complaint).
 */
export async function askList<T>(prompter: Prompter, question: string, parse: (value: string) => T): Promise<T[]> {
  const items: T[] = [];
  const validate = (value: string): true | string => {
    if (value.trim() === '') return true;
    try {
      parse(value.trim());
      return true;
    } catch (error) {
      return error instanceof UsageError ? `${error.message}${error.hint ? ` (${error.hint})` : ''}` : String(error);
    }
  };
  for (;;) {
    const answer = (await prompter.text(question, { validate, optional: true })).trim();
    if (answer === '') return items;
    items.push(parse(answer));
  }
}

/** The prompter for this run: the test's, the terminal's, or none when the run is not interactive. */
export async function prompterFor(io: Io, yes: boolean | undefined): Promise<Prompter | undefined> {
  if (yes) return undefined;
  if (io.prompter) return io.prompter;
  return isInteractive(io, yes) ? terminalPrompter() : undefined;
}

/** The real prompts, on standard error so standard output stays clean; Ctrl-C becomes CancelledError. */
export async function terminalPrompter(): Promise<Prompter> {
  // The two prompts mentor asks, not @inquirer/prompts, which also loads an editor prompt and its
  // character-set converters (about 700 KB of code a command would read and never run).
  const [{ default: input }, { default: select }] = await Promise.all([import('@inquirer/input'), import('@inquirer/select')]);
  const context = { output: process.stderr, clearPromptOnDone: false };
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
      throw error;
    }
  };
  return {
    text: (message, options = {}) =>
      cancellable(() =>
        input(
          {
            message,
            ...(options.default !== undefined && { default: options.default }),
            ...(options.validate && { validate: options.validate }),
            required: !options.optional,
          },
          context,
        ),
      ),
    select: <T extends string>(message: string, choices: readonly T[], defaultValue?: T) =>
      cancellable(() =>
        select<T>({ message, choices: choices.map((value) => ({ value })), ...(defaultValue !== undefined && { default: defaultValue }) }, context),
      ),
  };
}
