// The other half of test/helpers/cli.ts: a worker thread that loads the built CLI once and runs
// one command at a time, as `run(argv, io)`, for a test thread that waits on it synchronously.
// Output is collected as bytes and decoded as UTF-8 at the end, as spawnSync does.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

const { port, signal, cli } = workerData;
const flag = new Int32Array(signal);
const { run } = await import(pathToFileURL(cli).href);

/** The output of the command running now; a stray rejection or exception lands in its stderr. */
let current;

function sink() {
  const chunks = [];
  return {
    chunks,
    write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
      return true;
    },
    isTTY: false,
  };
}

function finish(code) {
  const result = { code, stdout: Buffer.concat(current.stdout.chunks).toString('utf8'), stderr: Buffer.concat(current.stderr.chunks).toString('utf8') };
  current = undefined;
  port.postMessage(result);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const stray = (error) => {
  if (!current) return;
  current.stderr.write(`mentor (in-process test runner): uncaught ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  finish(70);
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);

port.on('message', async ({ argv, cwd, env }) => {
  current = { stdout: sink(), stderr: sink() };
  const mine = current;
  let code;
  try {
    code = await run(argv, { stdout: mine.stdout, stderr: mine.stderr, stdinIsTTY: false, env, cwd });
  } catch (error) {
    mine.stderr.write(`mentor (in-process test runner): run threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 70;
  }
  if (current === mine) finish(code);
});
