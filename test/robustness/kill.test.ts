// Fault injection: mentor killed with SIGKILL at random moments while it writes. Every file must
// be either as it was or as it should be (never truncated, never half-written); what a killed
// process cannot clean up (its temporary file, its lock) must be hidden, git-ignored, harmless to
// validate, and removed by the next mentor command that writes there.
//
// Two ways to kill: (a) a process looping over real commands (through the built CLI's `run`, so
// the start-up time does not hide the write window) killed 0 to 50 ms after its first command; (b) the
// real binary killed at a random moment between its start and its end. `npm test` kills (a) once
// in each mode; the long run kills (a) and (b) hundreds of times each, in every mode.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../src/store/source.js';
import { BIN, copyTree, EXAMPLES, ROOT } from '../helpers/cli.js';
import { random } from '../helpers/damage.js';
import { command } from './fixtures/loop-commands.mjs';
import { cases, Figures, HANG_MS, LONG, SEED } from './figures.js';
import { fingerprint, inProcess, leftovers } from './support.js';

const figures = new Figures('3-kill');
const SECTION = '3. Fault injection: SIGKILL while writing';
const ID = 'durban-mzuzu';
const DIST_INDEX = path.join(path.dirname(BIN), '../dist/index.js');
const LOOP = path.join(ROOT, 'test/robustness/fixtures/write-loop.mjs');
const MODES = ['status', 'advance', 'session', 'init', 'report'] as const;
type Mode = (typeof MODES)[number];

const temps: string[] = [];
function repo(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-kill-'));
  copyTree(EXAMPLES, root);
  temps.push(root);
  return root;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/**
 * Spawn a process and SIGKILL it `delay` ms after it starts, or (`afterWarm`) after its first
 * command is done, when the loop runs warm and each command takes a few milliseconds.
 */
function killAfter(args: string[], delay: number, options: { cwd: string; afterWarm?: boolean }): Promise<{ stdout: string; stderr: string; signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', CI: 'true', DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), delay));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (options.afterWarm && stdout.includes('done 0\n')) arm();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (!options.afterWarm) arm();
  const guard = setTimeout(() => child.kill('SIGKILL'), HANG_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ stdout, stderr, signal, code });
    });
  });
}

/**
 * The texts a partnership file goes through when the commands of a mode run one after another
 * from the examples: texts[j] after j commands. Computed in this process, without kills.
 */
const replays = new Map<Mode, string[]>();
async function textsOf(mode: 'status' | 'advance', upTo: number): Promise<string[]> {
  let texts = replays.get(mode);
  if (!texts) {
    texts = [readFileSync(path.join(EXAMPLES, 'partnerships', ID, 'partnership.yaml'), 'utf8')];
    replays.set(mode, texts);
  }
  if (texts.length <= upTo) {
    const root = repo();
    const file = path.join(root, 'partnerships', ID, 'partnership.yaml');
    for (let n = 0; n < upTo + 1; n++) {
      const run = await inProcess(command(mode, ID, n), root);
      expect(run.code, run.stderr).toBe(0);
      if (n + 1 >= texts.length) texts.push(readFileSync(file, 'utf8'));
    }
  }
  return texts;
}

/** What a report of each --as-of looks like, rendered without kills. */
const reports: string[] = [];
beforeAll(async () => {
  const root = repo();
  for (const n of [0, 1]) {
    const run = await inProcess(command('report', ID, n), root);
    expect(run.code, run.stderr).toBe(0);
    reports.push(readFileSync(path.join(root, 'reports', ID, 'roadmap.html'), 'utf8'));
  }
});

/** Parse a data file as validate does: it must read with no problem at all. */
function readsCleanly(root: string, rel: string): Record<string, unknown> {
  const source = readSource(root, rel);
  expect(source.problems.map((p) => `${p.code} ${p.message}`), rel).toEqual([]);
  return source.data as Record<string, unknown>;
}

/**
 * Check the repository a killed process left: every file old or new, never partial. Returns what
 * the kill left behind and how many commands' writes landed, to say which command comes next.
 */
async function checkAfterKill(mode: Mode, root: string, printed: number): Promise<{ state: string; next: number }> {
  const folder = path.join(root, 'partnerships', ID);
  switch (mode) {
    case 'status':
    case 'advance': {
      const texts = await textsOf(mode, printed + 2);
      const now = readFileSync(path.join(folder, 'partnership.yaml'), 'utf8');
      const j = texts.indexOf(now);
      expect(j, `${mode}: partnership.yaml is none of the texts the commands write`).toBeGreaterThanOrEqual(0);
      // Commands 0..printed-1 were done; command `printed` was cut or had just finished.
      expect([printed, printed + 1]).toContain(j);
      readsCleanly(root, `partnerships/${ID}/partnership.yaml`);
      return { state: j === printed ? 'file as it was' : 'file as it should be', next: j };
    }
    case 'session': {
      const sessions = readdirSync(path.join(folder, 'sessions')).filter((name) => name.startsWith('2011-04-01-review-'));
      for (const name of sessions) {
        const data = readsCleanly(root, `partnerships/${ID}/sessions/${name}`);
        const n = Number(/review-(\d+)/.exec(name)![1]);
        expect(data).toMatchObject({ title: `Review ${n}`, location: `Room ${n}`, outcomes: [`Outcome ${n} ${'x'.repeat(2000)}`] });
      }
      expect([printed, printed + 1]).toContain(sessions.length);
      return { state: sessions.length === printed ? 'no new file' : 'new file complete', next: sessions.length };
    }
    case 'init': {
      const made = readdirSync(path.join(root, 'partnerships')).filter((name) => name.startsWith('new-partnership-'));
      for (const name of made) {
        const data = readsCleanly(root, `partnerships/${name}/partnership.yaml`);
        expect(data).toMatchObject({ id: name, request: { topic: `Topic ${name.split('-').at(-1)}` } });
      }
      expect([printed, printed + 1]).toContain(made.length);
      return { state: made.length === printed ? 'no new partnership' : 'new partnership complete', next: made.length };
    }
    case 'report': {
      const file = path.join(root, 'reports', ID, 'roadmap.html');
      if (!existsSync(file)) return { state: 'no report yet', next: 0 };
      const j = reports.indexOf(readFileSync(file, 'utf8'));
      expect(j, 'roadmap.html is neither report').toBeGreaterThanOrEqual(0);
      return { state: 'report complete (old or new)', next: printed };
    }
  }
}

/** What the kill left that a finished command would not: temporary files and folders, locks. */
function leftBehind(root: string): string[] {
  return leftovers(root).map((rel) => (rel.endsWith('.lock') ? 'a lock' : rel.endsWith('.stale') ? 'a stale lock' : rel.endsWith('/') ? 'a staging folder' : 'a temporary file'));
}

/** After a kill, the next command succeeds at once and leaves nothing behind anywhere. */
async function recover(mode: Mode, root: string, next: number): Promise<void> {
  const run = await inProcess(command(mode, ID, next), root);
  // Exit 0 is also the proof it did not wait on the killed process's lock: a lock judged alive is
  // waited on for LOCK_WAIT_MS and then refused (exit 2), long before LOCK_STALE_MS makes it stale.
  expect(run.code, run.stderr).toBe(0);
  expect(leftovers(root)).toEqual([]);
  const check = await inProcess(['validate', '--as-of', '2011-04-30', '--format', 'json'], root);
  expect((JSON.parse(check.stdout) as { errors: number }).errors, check.stdout).toBe(0);
}

function countKill(name: string, state: string, left: string[]): void {
  figures.count(SECTION, name, state);
  for (const what of new Set(left)) figures.count(SECTION, `${name}: left behind by the kill, removed by the next command`, what);
  if (left.length === 0) figures.count(SECTION, `${name}: left behind by the kill, removed by the next command`, 'nothing');
}

describe('a process writing in a loop, killed 0-50 ms after its first command', () => {
  const rand = random(SEED);
  const trials = Array.from({ length: cases(MODES.length, 300) }, (_, i) => ({ mode: MODES[i % MODES.length]!, delay: Math.floor(rand() * 51) }));
  // In \`npm test\`, each way of writing once: a file rewritten (advance; suspend writes the same way,
  // with MENTOR_LONG=1), a file created, a repository created, documents written.
  const modes = LONG ? MODES : MODES.filter((mode) => mode !== 'status');

  it.each(modes)('%s: every file old or new, and the next command cleans up', async (mode) => {
    for (const { delay } of trials.filter((t) => t.mode === mode)) {
      const root = repo();
      const killed = await killAfter([LOOP, DIST_INDEX, root, mode, ID], delay, { cwd: root, afterWarm: true });
      expect(killed.stderr).not.toMatch(/exited|error/i);
      expect(killed.signal).toBe('SIGKILL');
      const printed = (killed.stdout.match(/^done \d+$/gm) ?? []).length;
      const { state, next } = await checkAfterKill(mode, root, printed);
      countKill(`${mode} commands in a loop (${command(mode, ID, 0).slice(0, mode === 'session' ? 2 : 1).join(' ')})`, state, leftBehind(root));
      await recover(mode, root, next);
    }
  }, 300_000);
});

// With MENTOR_LONG=1 (in `npm test`, the looping processes above are killed, one per mode).
describe.runIf(LONG)('the real binary, killed at a random moment between its start and its end', () => {
  const rand = random(SEED + 1);
  // Trial i runs modes[i % 5].
  const trials = cases(1, 200);
  const modes = (['advance', 'status', 'session', 'init', 'report'] as const).slice(0, trials);
  const names = { advance: 'advance', session: 'session add', status: 'suspend', init: 'init', report: 'report' } satisfies Record<Mode, string>;
  it(`${modes.map((mode) => names[mode]).join(', ')}: every file old or new, and the next command cleans up`, async () => {
    // How long each command takes here, unkilled: kills are spread over that time.
    const durations = new Map<Mode, number>();
    for (const mode of modes) {
      const root = repo();
      const started = Date.now();
      const run = await killAfter([BIN, ...command(mode, ID, 0)], 60_000, { cwd: root });
      expect(run.code, run.stderr).toBe(0);
      durations.set(mode, Date.now() - started);
    }
    let finished = 0;
    for (let i = 0; i < trials; i++) {
      const mode = modes[i % modes.length]!;
      const root = repo();
      const before = fingerprint(root);
      const delay = Math.floor(rand() * durations.get(mode)! * 1.2);
      const killed = await killAfter([BIN, ...command(mode, ID, 0)], delay, { cwd: root });
      if (killed.signal === null) finished++;
      else expect(killed.signal).toBe('SIGKILL');
      const { state, next } = await checkAfterKill(mode, root, 0);
      countKill(`the binary: mentor ${command(mode, ID, 0).slice(0, mode === 'session' ? 2 : 1).join(' ')}`, killed.signal === null ? `${state} (finished before the kill)` : state, leftBehind(root));
      // Killed before its write: nothing but what the kill left behind differs from before.
      if (next === 0 && mode !== 'report') {
        const after = Object.entries(fingerprint(root)).filter(([rel]) => !leftovers(root).some((left) => rel === left || rel.startsWith(left)));
        expect(Object.fromEntries(after)).toEqual(before);
      }
      await recover(mode, root, next);
    }
    figures.of(SECTION, 'the binary: runs that finished before their kill', 'kills are spread over 1.2 times the unkilled run time').cases = trials;
    figures.of(SECTION, 'the binary: runs that finished before their kill').outcomes = { finished, killed: trials - finished };
  }, 600_000);
});
