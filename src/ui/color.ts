import { Chalk, type ChalkInstance } from 'chalk';

/** Colour only on a terminal, never with NO_COLOR set or --no-color (chalk 5 ignores NO_COLOR itself). */
export function colorFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, allowed: boolean): ChalkInstance {
  const off = !allowed || !stream.isTTY || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  return new Chalk({ level: off ? 0 : 1 });
}
