import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Method } from '../model/method.js';
import type { Repository } from '../store/repository.js';
import { runFolderJob, type FolderJob, type FolderResult } from './jobs.js';

/** Told how many of how many partnerships are done, as work goes on. */
export type Progress = (done: number, total: number) => void;

/** Below this many partnerships, starting threads costs more than it saves. */
export const PARALLEL_THRESHOLD = 300;
const CHUNK = 100;

/** What a worker thread is started with: enough to open the same repository the same way. */
export interface WorkerSetup {
  root: string;
  fastPath: boolean;
  job: FolderJob;
}

/** The built worker script, or undefined when running from sources (tests), where work stays on this thread. */
function workerScript(): string | undefined {
  for (const candidate of ['../worker.js', './worker.js']) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** How many threads to use: the cores there are, at most 8, or what the repository was opened with (0 or 1: none). */
export function threadCount(requested: number | undefined): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(requested ?? cores, cores, 8));
}

/**
 * Run a job over partnership folders and return the results in the order of `ids`: on worker
 * threads when the repository allows threads and there is enough work to share, else on this one.
 * A worker reads the repository's method again for itself (a method cannot be sent between threads).
 */
export async function forEachFolder<K extends FolderJob['kind']>(
  repo: Repository,
  method: Method,
  ids: readonly string[],
  job: FolderJob & { kind: K },
  onProgress?: Progress,
): Promise<FolderResult<K>[]> {
  const script = workerScript();
  const threads = threadCount(repo.threads);
  if (!script || threads < 2 || ids.length < PARALLEL_THRESHOLD) {
    const results: FolderResult<K>[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      onProgress?.(i, ids.length);
      results.push(runFolderJob(repo, method, job, ids.slice(i, i + CHUNK)) as FolderResult<K>);
    }
    return results;
  }
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) chunks.push(ids.slice(i, i + CHUNK));
  const results: FolderResult<K>[] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  const setup: WorkerSetup = { root: repo.root, fastPath: repo.fastPath, job };
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: setup });
      const feed = () => {
        if (next >= chunks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const index = next++;
        worker.once('message', (result: FolderResult<K>) => {
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
