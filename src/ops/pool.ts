import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Method } from '../model/method.js';
import type { Repository } from '../store/repository.js';
import { repositoryIds } from './check-folders.js';
import { runFolderJob, type FolderJob, type FolderResult } from './jobs.js';

/** Told how many of how many partnerships are done, as work goes on. */
export type Progress = (done: number, total: number) => void;

/**
 * Below this many partnerships a second thread costs more than it saves. A worker spends about
 * 0.5 s of a core loading the checks and warming them up before it pays: measured side by side
 * on 2 cores, two threads took 1.14x the wall time of one at 400 partnerships (and 1.37x the
 * CPU), 0.73x at 1,500 (1.23x the CPU). See the README's performance section.
 */
export const PARALLEL_THRESHOLD = 1000;
const CHUNK = 50;
const LAST_CHUNK = 5;

/**
 * The folders cut into chunks of 50, shrinking towards the end (a quarter of what is left per
 * thread, down to 5): no thread waits long at the end for another's last large chunk.
 */
export function chunked(ids: readonly string[], threads: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; ) {
    const size = Math.max(LAST_CHUNK, Math.min(CHUNK, Math.ceil((ids.length - i) / (threads * 4))));
    chunks.push(ids.slice(i, i + size));
    i += size;
  }
  return chunks;
}

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

/** How many threads to use, this one included: the cores there are, at most 8, or what the repository was opened with (0 or 1: this one alone). */
export function threadCount(requested: number | undefined): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(requested ?? cores, cores, 8));
}

/**
 * Run a job over partnership folders and return the results in the order of `ids`. With threads,
 * this thread works through the same queue of chunks as the workers (it is warm, and idle
 * otherwise), so n threads start n - 1 workers; each worker holds two chunks, so it never waits
 * for this thread to hand it the next. A worker reads the repository's method again for itself (a
 * method cannot be sent between threads).
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
  const chunks = chunked(ids, threads);
  const results: FolderResult<K>[] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  const finished = (index: number, result: FolderResult<K>) => {
    results[index] = result;
    done += chunks[index]!.length;
    onProgress?.(done, ids.length);
  };
  // Threads asked for by number (MENTOR_THREADS=2) are used whatever the size; by default only where they pay.
  const asked = repo.threads !== undefined;
  const workers = !script || threads < 2 || (!asked && ids.length < PARALLEL_THRESHOLD) ? 0 : Math.min(threads - 1, chunks.length - 1);
  const setup: WorkerSetup = { root: repo.root, fastPath: repo.fastPath, job };
  const runWorker = (file: string) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(file, { workerData: setup });
      const pending: number[] = [];
      const feed = () => {
        while (pending.length < 2 && next < chunks.length) {
          const index = next++;
          pending.push(index);
          worker.postMessage(chunks[index]);
        }
        if (pending.length === 0) void worker.terminate().then(() => resolve());
      };
      worker.on('message', (result: FolderResult<K>) => {
        finished(pending.shift()!, result);
        feed();
      });
      worker.once('error', reject);
      feed();
    });
  const running = Array.from({ length: workers }, () => runWorker(script!));
  // This thread's share: one chunk at a time, yielding between chunks so workers' results come in.
  onProgress?.(0, ids.length);
  const allIds = repositoryIds(repo);
  while (next < chunks.length) {
    const index = next++;
    finished(index, runFolderJob(repo, method, job, chunks[index]!, allIds) as FolderResult<K>);
    if (workers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(running);
  return results;
}
