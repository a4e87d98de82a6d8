import { UsageError } from '../errors.js';

/** One of n shares of a repository's partnerships: `validate --shard <index>/<count>`. */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Read "i/n" with 1 ≤ i ≤ n; anything else is a usage error. */
export function parseShard(text: string): Shard {
  const m = /^([1-9][0-9]{0,5})\/([1-9][0-9]{0,5})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index > count) {
    throw new UsageError(`--shard ${text} is not <i>/<n> with 1 ≤ i ≤ n`, 'for example --shard 2/4 checks the second of four shares');
  }
  return { index, count };
}

/**
 * The shard (1-based) a partnership belongs to among `count`: a hash of its id alone (32-bit
 * FNV-1a), so a partnership never moves when others are added or removed.
 */
export function shardOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % count) + 1;
}
