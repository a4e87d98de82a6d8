// Shared by the lifecycle tests: temporary repositories, a fake terminal for `run`, processes
// spawned concurrently, and snapshots of folders to prove that nothing was written.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';
import { Chalk } from 'chalk';
import type { Io } from '../../src/ui/io.js';
import type { Prompter } from '../../src/ui/prompt.js';

export const GOLDEN = path.join(ROOT, 'test/lifecycle/golden');

/** The examples are "as of March 2011": every date-dependent test computes for this day. */
export const AS_OF = '2011-03-31';

/** The partnership the lifecycle fixtures use: not one of the examples. */
export const NEW_ID = 'ekurhuleni-mzuzu';

export function partnershipPath(root: string, id: string): string {
  return path.join(root, 'partnerships', id, 'partnership.yaml');
}

export function readPartnershipText(root: string, id: string): string {
  return readFileSync(partnershipPath(root, id), 'utf8');
}

export function writePartnershipText(root: string, id: string, text: string): void {
  mkdirSync(path.dirname(partnershipPath(root, id)), { recursive: true });
  writeFileSync(partnershipPath(root, id), text);
}

/** Replace `from` by `to` in a partnership file, failing loudly when `from` is not there exactly once. */
export function editPartnership(root: string, id: string, from: string, to: string): void {
  const text = readPartnershipText(root, id);
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(from)} in ${id}/partnership.yaml`);
  writePartnershipText(root, id, text.slice(0, at) + to + text.slice(at + from.length));
}

/** Append YAML lines to a partnership file, as someone editing it by hand would. */
export function appendToPartnership(root: string, id: string, yaml: string): void {
  const text = readPartnershipText(root, id);
  writePartnershipText(root, id, `${text}${text.endsWith('\n') ? '' : '\n'}${yaml.replace(/^\n/, '')}`);
}

/**
 * A small repository holding one golden input as partnerships/ekurhuleni-mzuzu/partnership.yaml,
 * with one logged session (the evaluation and launch gates need one).
 */
export function goldenRepo(input: string): string {
  const root = tempDir('mentor-golden-');
  writeFileSync(path.join(root, 'mentor.yaml'), 'name: golden\n');
  writePartnershipText(root, NEW_ID, readFileSync(path.join(GOLDEN, input), 'utf8'));
  const sessions = path.join(root, 'partnerships', NEW_ID, 'sessions');
  mkdirSync(sessions, { recursive: true });
  copyFileSync(path.join(GOLDEN, 'session.yaml'), path.join(sessions, '2011-08-15-first-contact-session-in-mzuzu.yaml'));
  return root;
}

export function golden(name: string): string {
  return readFileSync(path.join(GOLDEN, name), 'utf8');
}

/** Every file under `dir` (dot files included) with its content: compare two to prove nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, relPath);
      if (statSync(abs).isDirectory()) {
        files[`${relPath}/`] = '';
        walk(relPath);
      } else {
        files[relPath] = readFileSync(abs, 'utf8');
      }
    }
  };
  walk('');
  return files;
}

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
  /** Whether the test had to kill the process because it did not exit by itself. */
  killed: boolean;
}

export interface SpawnOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /**
   * 'ignore': standard input is /dev/null; 'open': a pipe that is never written to nor closed;
   * a string: written to the pipe, which is then closed.
   */
  stdin?: 'ignore' | 'open' | string;
  /** Kill the process after this long (it is then reported with killed: true). */
  timeoutMs?: number;
}

/** Start the built binary without a terminal, asynchronously, so several can run at once. */
export function spawnMentor(args: string[], options: SpawnOptions): Promise<Spawned> {
  const started = Date.now();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '', ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const stdinMode = options.stdin ?? 'ignore';
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: [stdinMode === 'ignore' ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (typeof stdinMode === 'string' && stdinMode !== 'ignore' && stdinMode !== 'open') {
    child.stdin!.end(stdinMode);
  }
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, killed });
    });
  });
}

/** The pid of a process that has exited: a lock naming it is stale. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined || child.status !== 0) throw new Error('could not start a short-lived process');
  return child.pid;
}

/** git in `cwd`, with an identity of its own and no user configuration; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=mentor tests', '-c', 'user.email=tests@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** What a run through `run(argv, io)` wrote. */
export interface FakeIo extends Io {
  out: () => string;
  err: () => string;
}

/** An Io that looks like a terminal (so commands may prompt) and collects what is written. */
export function fakeIo(cwd: string, prompter?: Prompter, options: { terminal?: boolean } = {}): FakeIo {
  const terminal = options.terminal ?? true;
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text), isTTY: terminal, columns: 200 },
    stderr: { write: (text: string) => (err += text), isTTY: terminal },
    stdinIsTTY: terminal,
    env: { NO_COLOR: '1' },
    cwd,
    color: new Chalk({ level: 0 }),
    ...(prompter && { prompter }),
    out: () => out,
    err: () => err,
  };
}

/** A question a fake prompter was asked, and the answer it gave. */
export interface Asked {
  kind: 'text' | 'select';
  message: string;
  default?: string;
  choices?: readonly string[];
  answer: string;
}

/**
 * A prompter that answers each question from the first unused rule whose pattern matches it, checks
 * the answer with the prompt's own validation, and records everything it was asked. Each rule
 * answers once, so a question asked again (a list, or after a refused answer) takes the next rule.
 */
export function scriptedPrompter(rules: [RegExp, string][]): Prompter & { asked: Asked[]; rejected: { message: string; answer: string; why: string }[] } {
  const asked: Asked[] = [];
  const rejected: { message: string; answer: string; why: string }[] = [];
  const unused = [...rules];
  const take = (rule: [RegExp, string]) => unused.splice(unused.indexOf(rule), 1);
  const rulesFor = (message: string) => unused.filter(([pattern]) => pattern.test(message));
  return {
    asked,
    rejected,
    async text(message, options = {}) {
      for (const rule of rulesFor(message)) {
        const answer = rule[1];
        take(rule);
        const verdict = answer === '' && !options.optional ? 'an answer is required' : options.validate ? options.validate(answer) : true;
        if (verdict === true) {
          asked.push({ kind: 'text', message, answer, ...(options.default !== undefined && { default: options.default }) });
          return answer;
        }
        rejected.push({ message, answer, why: verdict });
      }
      throw new Error(`the test has no (valid) answer to ${JSON.stringify(message)}`);
    },
    async select<T extends string>(message: string, choices: readonly T[], defaultValue?: T) {
      const rule = rulesFor(message)[0];
      if (rule) take(rule);
      const answer = rule?.[1];
      if (answer === undefined || !(choices as readonly string[]).includes(answer)) throw new Error(`the test has no answer among ${choices.join(', ')} to ${JSON.stringify(message)}`);
      asked.push({ kind: 'select', message, choices, answer, ...(defaultValue !== undefined && { default: defaultValue }) });
      return answer as T;
    },
  };
}
