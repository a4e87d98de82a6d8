import { Chalk, type ChalkInstance } from 'chalk';
import type { Prompter } from './prompt.js';

/** Where a command writes, and what it knows of the terminal; tests pass their own. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Colour functions; no-ops when colour is off. */
  color: ChalkInstance;
  /** Answers for prompts, in tests; the terminal's prompts otherwise. */
  prompter?: Prompter;
}

/** Colour only on a terminal, never with NO_COLOR set or --no-color (chalk 5 ignores NO_COLOR itself). */
export function colorFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, allowed: boolean): ChalkInstance {
  const off = !allowed || !stream.isTTY || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  return new Chalk({ level: off ? 0 : 1 });
}

/** The real process's streams and environment. */
export function processIo(colorAllowed: boolean): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    color: colorFor(process.stdout, process.env, colorAllowed),
  };
}
