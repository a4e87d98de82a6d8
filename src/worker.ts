// Worker thread: runs the job it was started with on the partnership folders it is sent, chunk by chunk.
import { parentPort, workerData } from 'node:worker_threads';
import { repositoryIds } from './ops/check-folders.js';
import { runFolderJob } from './ops/jobs.js';
import { requireMethod } from './ops/method.js';
import type { WorkerSetup } from './ops/pool.js';
import { openRepository } from './store/repository.js';

const setup = workerData as WorkerSetup;
const repo = openRepository(setup.root, { fastPath: setup.fastPath, threads: 1 });
// The main thread checked the method before starting work, so reading it again here cannot fail.
const method = requireMethod(repo);
// Listed at most once by this worker, for all the chunks it is sent.
const allIds = repositoryIds(repo);
parentPort!.on('message', (ids: string[]) => {
  parentPort!.postMessage(runFolderJob(repo, method, setup.job, ids, allIds));
});
