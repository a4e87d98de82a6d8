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
 * A long output as pieces of `per` items each: `head`, then what `render` gives for each item,
 * then `tail`. The last piece is never empty, and is left out when it would be.
 */
export function* inPieces<T>(items: readonly T[], per: number, render: (item: T, index: number) => string, head = '', tail = ''): Generator<string> {
  let piece = head;
  for (const [index, item] of items.entries()) {
    piece += render(item, index);
    if ((index + 1) % per === 0) {
      yield piece;
      piece = '';
    }
  }
  piece += tail;
  if (piece !== '') yield piece;
}

/**
 * Write a long output piece by piece, waiting for a pipe to take each one before the next: a
 * report of 100,000 problems written at once into a slower reader would sit in memory whole.
 * A stream that fails (a reader gone, a full disk) stops the writing; the failure is reported by
 * whoever watches the stream.
 */
export async function writePieces(stream: Io['stdout'], pieces: Iterable<string>): Promise<void> {
  const emitter = stream as WatchedStream;
  for (const piece of pieces) {
    if (emitter.destroyed) return;
    if (stream.write(piece) !== false) continue;
    if (!(await drained(emitter))) return;
  }
}

const DRAIN_CHECK_MS = 25;

/** What drained() needs of a stream: its events when it has them, and what it still holds. */
interface WatchedStream {
  once?(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener?(event: string, listener: (...args: unknown[]) => void): unknown;
  destroyed?: boolean;
  writableLength?: number;
}

/**
 * Resolves once a stream has taken what it was given: true, or false when it failed or closed.
 * Besides listening for "drain" (which a write below the stream's high-water mark never asks
 * for), the wait looks at what the stream still holds every few milliseconds: the timer keeps
 * this process alive while it waits, and a stream that has emptied without a word is not
 * waited for.
 */
export function drained(emitter: WatchedStream): Promise<boolean> {
  if (emitter.destroyed) return Promise.resolve(false);
  if (emitter.writableLength === 0 || typeof emitter.once !== 'function') return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (value: boolean) => {
      clearTimeout(timer);
      emitter.removeListener?.('drain', onDrain);
      emitter.removeListener?.('error', onFail);
      emitter.removeListener?.('close', onFail);
      resolve(value);
    };
    const onDrain = () => done(true);
    const onFail = () => done(false);
    const look = () => {
      if (emitter.destroyed) done(false);
      else if (emitter.writableLength === 0) done(true);
      else timer = setTimeout(look, DRAIN_CHECK_MS);
    };
    emitter.once!('drain', onDrain);
    emitter.once!('error', onFail);
    emitter.once!('close', onFail);
    timer = setTimeout(look, DRAIN_CHECK_MS);
  });
}

