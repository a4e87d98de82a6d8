import type { ChalkInstance } from 'chalk';

/** Whether output to `stream` gets colour: a terminal, not NO_COLOR, not --no-color, not TERM=dumb. */
export function wantsColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, allowed: boolean): boolean {
  return allowed && Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

/**
 * Colour functions for `stream`. Without colour this is a stand-in that returns the text as it is,
 * so runs in pipes and CI never load chalk (chalk 5 ignores NO_COLOR itself, hence the check here).
 */
export async function colorFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, allowed: boolean): Promise<ChalkInstance> {
  if (!wantsColor(stream, env, allowed)) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** chalk's interface without colour: every style, chained or called, gives back the text. */
const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), {
  // `then` stays undefined, or awaiting the stand-in would wait for ever.
  get: (target, property) => (property === 'then' ? undefined : property === 'level' ? 0 : property in target ? Reflect.get(target, property) : plain),
}) as unknown as ChalkInstance;
