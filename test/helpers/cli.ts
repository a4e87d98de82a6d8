import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The built binary: global-setup's private snapshot of the build when there is one. */
export const BIN = process.env.MENTOR_TEST_BIN ?? path.join(ROOT, 'bin/mentor.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How long one command may take before the test calls it hung. */
const LIMIT_MS = 120_000;

/**
 * Run the built CLI without a terminal, as CI does, and wait for it.
 *
 * Most calls run the built `dist/cli.js` in a worker thread of this test process that stays up
 * between calls (a fresh `node` for each call would cost the suite minutes): the same bundle and
 * the same `run(argv, io)` as the binary, with this call's folder, environment and no terminal.
 * A call spawns the real binary instead when what it tests belongs to a process: text on
 * standard input, its own time zone or node options, or `spawn: true`. MENTOR_TEST_SPAWN=1
 * spawns every call (the whole suite through the binary). The binary's own part (bin/mentor.js,
 * exit codes set on the process, output flushed, a full device) has its own tests, which always
 * spawn.
 */
export function mentor(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string; spawn?: boolean } = {}): RunResult {
  const env = { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '', ...options.env };
  // What only a process of its own can have: a time zone, options for node itself, standard input.
  const ownProcess = (options.env?.TZ !== undefined && options.env.TZ !== process.env.TZ) || options.env?.NODE_OPTIONS !== undefined;
  if (options.spawn || options.input || ownProcess || process.env.MENTOR_TEST_SPAWN === '1') return spawned(args, options.cwd ?? ROOT, env, options.input ?? '');
  return inWorkerThread(args, options.cwd ?? ROOT, env);
}

function spawned(args: string[], cwd: string, env: Record<string, string | undefined>, input: string): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env,
    input,
    encoding: 'utf8',
    timeout: LIMIT_MS,
    // A whole repository's problems as JSON can pass the default megabyte.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The worker thread running the CLI, its port and the flag it raises when a command is done. */
let runner: { worker: Worker; port: MessagePort; flag: Int32Array } | undefined;

function inWorkerThread(args: string[], cwd: string, env: Record<string, string | undefined>): RunResult {
  if (!runner) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const cli = path.join(path.dirname(path.dirname(BIN)), 'dist/cli.js');
    const worker = new Worker(path.join(import.meta.dirname, 'cli-worker.mjs'), { workerData: { port: port2, signal, cli }, transferList: [port2] });
    // The thread must not keep a test file's process alive once its tests are done.
    worker.unref();
    port1.unref();
    runner = { worker, port: port1, flag: new Int32Array(signal) };
  }
  const { port, flag, worker } = runner;
  Atomics.store(flag, 0, 0);
  port.postMessage({ argv: args, cwd, env });
  const waited = Atomics.wait(flag, 0, 0, LIMIT_MS);
  const message = receiveMessageOnPort(port)?.message as RunResult | undefined;
  if (waited === 'timed-out' || !message) {
    // A command that never ended: drop the thread, so the next call starts a fresh one.
    void worker.terminate();
    runner = undefined;
    return { code: null, stdout: '', stderr: `mentor ${args.join(' ')}: no answer within ${LIMIT_MS / 1000} s\n` };
  }
  return message;
}

const temps: string[] = [];

/** Remove the temporary folders made so far: after each test (test/setup.ts). */
export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'mentor-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** The folder of the build the tests run (BIN's package): package.json, bin, dist, templates, methods. */
export const BUILD = path.dirname(path.dirname(BIN));

/** A temporary copy of the build, to run edited or with parts removed; removed after the test. */
export function copyOfBuild(): string {
  const copy = tempDir();
  for (const part of ['package.json', 'bin', 'dist', 'templates', 'methods']) {
    if (existsSync(path.join(BUILD, part))) cpSync(path.join(BUILD, part), path.join(copy, part), { recursive: true });
  }
  return copy;
}

/** A temporary copy of the examples repository (or another fixture), removed after the test. */
export function copyOfExamples(source = EXAMPLES): string {
  const dir = tempDir();
  copyTree(source, dir);
  return dir;
}

/** A folder of fixtures as read once: its folders and files, in order, each file with its bytes and mode. */
type Tree = ({ dir: string } | { file: string; bytes: Buffer; mode: number })[];
const trees = new Map<string, Tree>();

function readTree(source: string, relative = '', tree: Tree = []): Tree {
  for (const entry of readdirSync(path.join(source, relative), { withFileTypes: true })) {
    const name = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      tree.push({ dir: name });
      readTree(source, name, tree);
    } else if (entry.isFile()) {
      const file = path.join(source, name);
      tree.push({ file: name, bytes: readFileSync(file), mode: statSync(file).mode & 0o7777 });
    } else {
      throw new Error(`copyTree copies folders and files only: ${path.join(source, name)} is neither`);
    }
  }
  return tree;
}

/**
 * Copy a fixture folder (read once per test process, never changed by a test) into `dest`: the
 * same folders, bytes and modes as cpSync in a fifth of its time, for the hundreds of copies a run makes.
 */
export function copyTree(source: string, dest: string): void {
  let tree = trees.get(source);
  if (!tree) trees.set(source, (tree = readTree(source)));
  mkdirSync(dest, { recursive: true });
  for (const entry of tree) {
    if ('dir' in entry) mkdirSync(path.join(dest, entry.dir));
    else {
      const file = path.join(dest, entry.file);
      writeFileSync(file, entry.bytes);
      // As cpSync does: the source's mode, whatever the umask (the fixtures are 644, the umask's default).
      if (entry.mode !== 0o644) chmodSync(file, entry.mode);
    }
  }
}
