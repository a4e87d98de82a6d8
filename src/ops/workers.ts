import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A job for the worker threads: a kind of work over partnership folders, in chunks. */
export interface FolderJob {
  kind: 'check' | 'summary';
  root: string;
  today: string;
  fastPath: boolean;
}

/** Told how many of how many partnerships are done, as work goes on. */
export type Progress = (done: number, total: number) => void;

/** Below this many partnerships, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;
const CHUNK = 100;

/** The built worker script, or undefined when running from sources (tests), where work stays on this thread. */
function workerScript(): string | undefined {
  for (const candidate of ['../worker.js', './worker.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** How many threads to use: the cores there are, at most 8, or what MENTOR_THREADS says (0 or 1: none). */
export function threadCount(requested: number | undefined): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(requested ?? cores, cores, 8));
}

/**
 * Run `job` over `ids` in worker threads, chunk by chunk, and return each chunk's result in the
 * order of `ids`. Undefined when there is no built worker to run or too little work to share.
 */
export async function runInWorkers<T>(
  job: FolderJob,
  ids: readonly string[],
  threads: number,
  onProgress?: Progress,
): Promise<T[] | undefined> {
  const script = workerScript();
  if (!script || threads < 2 || ids.length < PARALLEL_THRESHOLD) return undefined;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const results: T[] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: job });
      const feed = () => {
        if (next >= chunks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.once('message', (result: T) => {
          results[index] = result;
          done += chunks[index]!.length;
          onProgress?.(done, ids.length);
          feed();
        });
        worker.postMessage(chunks[index]);
      };
      worker.once('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(threads, chunks.length) }, runWorker));
  return results;
}
