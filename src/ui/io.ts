import type { ChalkInstance } from 'chalk';

/** Asks the questions of a command on a terminal; tests pass their own answers. */
export interface Prompter {
  /** A line of text; with `optional`, an empty answer (Enter) is allowed and means "none". */
  text(message: string, options?: { default?: string; validate?: (value: string) => true | string; optional?: boolean }): Promise<string>;
  select<T extends string>(message: string, choices: readonly T[], defaultValue?: T): Promise<T>;
}

/** Where a command writes, and what it knows of the terminal; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Colour functions, no-ops when colour is off; made when a command runs unless a test gives its own. */
  color?: ChalkInstance;
  /** Answers for prompts, in tests; the terminal's prompts otherwise. */
  prompter?: Prompter;
}

/** An Io whose colour is settled: what commands receive. */
export type CommandIo = Io & { color: ChalkInstance };

/** The real process's streams and environment. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Write a long output piece by piece, waiting for a pipe to take each one before the next: a
 * report of 100,000 problems written at once into a slower reader would sit in memory whole.
 * A stream that fails (a reader gone, a full disk) stops the writing; the failure is reported by
 * whoever watches the stream.
 */
export async function writePieces(stream: Io['stdout'], pieces: Iterable<string>): Promise<void> {
  const emitter = stream as Partial<NodeJS.WritableStream> & { destroyed?: boolean };
  for (const piece of pieces) {
    if (emitter.destroyed) return;
    if (stream.write(piece) !== false || typeof emitter.once !== 'function') continue;
    const open = await new Promise<boolean>((resolve) => {
      const done = (value: boolean) => () => {
        emitter.removeListener?.('drain', drain);
        emitter.removeListener?.('error', failed);
        emitter.removeListener?.('close', failed);
        resolve(value);
      };
      const drain = done(true);
      const failed = done(false);
      emitter.once!('drain', drain);
      emitter.once!('error', failed);
      emitter.once!('close', failed);
    });
    if (!open) return;
  }
}
