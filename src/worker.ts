// Worker thread: checks or summarises the partnership folders it is sent, chunk by chunk.
import { parentPort, workerData } from 'node:worker_threads';
import { summarizeFolders } from './ops/portfolio.js';
import { checkFolders } from './ops/validate.js';
import type { FolderJob } from './ops/workers.js';
import { useFastPath } from './store/source.js';

const job = workerData as FolderJob;
useFastPath(job.fastPath);
parentPort!.on('message', (ids: string[]) => {
  if (job.kind === 'check') parentPort!.postMessage(checkFolders(job.root, ids, job.today));
  else parentPort!.postMessage(summarizeFolders(job.root, ids, job.today));
});
