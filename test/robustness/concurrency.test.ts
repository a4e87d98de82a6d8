// Concurrency beyond test/e2e/lifecycle-concurrency.test.ts: parallel `session add` creating a
// partnership's first sessions folder, a stale lock broken by many processes at once, edits by
// mentor processes and by hand (an editor saving the file) at the same time, none lost.

import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { withLock } from '../../src/store/lock.js';
import { updatePartnership } from '../../src/store/partnership-file.js';
import { openRepository } from '../../src/store/repository.js';
import { writeFileAtomic } from '../../src/store/write.js';
import { copyTree, EXAMPLES } from '../helpers/cli.js';
import { deadPid, spawnMentor, type Spawned } from '../lifecycle/support.js';
import { cases, Figures, LONG, outcomeOf } from './figures.js';
import { inProcess, leftovers } from './support.js';

const figures = new Figures('4-concurrency');
const SECTION = '4. Concurrency';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function repo(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-concurrency-'));
  copyTree(EXAMPLES, root);
  temps.push(root);
  return root;
}

interface Entry {
  stage?: string;
  status?: string;
  date: string;
  note?: string;
  reason?: string;
}
const historyOf = (root: string, id: string) => (parse(readFileSync(path.join(root, 'partnerships', id, 'partnership.yaml'), 'utf8')) as { history: Entry[] }).history;

/**
 * Whether a refused process may simply try again: refused for the state the others left (exit 1),
 * or because the others kept the lock longer than mentor waits for it (exit 2, "try again in a
 * moment"), which many processes on a busy machine can.
 */
const retryable = (r: Spawned) => r.code === 1 || (r.code === 2 && r.stderr.includes('the partnership is being edited by'));

async function expectValid(root: string): Promise<void> {
  const run = await inProcess(['validate', '--as-of', '2011-04-30', '--format', 'json'], root);
  expect((JSON.parse(run.stdout) as { errors: number }).errors, run.stdout).toBe(0);
}

describe('parallel `session add`', () => {
  it('into a partnership with no sessions folder yet: the folder is made once, every distinct session kept, a repeated one refused, nothing left behind', async () => {
    const root = repo();
    const id = 'durban-alan';
    rmSync(path.join(root, 'partnerships', id, 'sessions'), { recursive: true });
    // Four at least: two distinct sessions and two of the same one.
    const n = cases(4, 24);
    const repeated = (i: number) => i % 2 === 1;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        spawnMentor(['session', 'add', id, '--date', '2011-04-01', '--title', repeated(i) ? 'Task force meeting' : `Workshop ${i}`, '--type', 'workshop', '--level', 'technical', '--host', 'mentee', '--location', `Room ${i}`], { cwd: root }),
      ),
    );
    for (const r of results) figures.count(SECTION, 'parallel session add, creating the sessions folder', outcomeOf(r).outcome, { crashed: outcomeOf(r).crashed, ms: r.ms });
    // Every distinct session is logged; of the sessions with the same date and title, one is, and
    // the others are refused (exit 1) naming the file already logged.
    results.forEach((r, i) => {
      if (!repeated(i)) expect(r.code, r.stderr).toBe(0);
    });
    const same = results.filter((_, i) => repeated(i));
    expect(same.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of same.filter((r) => r.code !== 0)) {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`partnerships/${id}/sessions/2011-04-01-task-force-meeting.yaml`);
    }
    const files = readdirSync(path.join(root, 'partnerships', id, 'sessions'));
    const distinct = Array.from({ length: n }, (_, i) => i).filter((i) => !repeated(i));
    expect(files).toHaveLength(distinct.length + 1);
    const rooms = files.map((f) => (parse(readFileSync(path.join(root, 'partnerships', id, 'sessions', f), 'utf8')) as { location: string }).location).sort();
    const logged = results.findIndex((r, i) => repeated(i) && r.code === 0);
    expect(rooms).toEqual([...distinct, logged].map((i) => `Room ${i}`).sort());
    expect(leftovers(root)).toEqual([]);
    expect(readdirSync(path.join(root, 'partnerships')).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('a stale lock', () => {
  // With MENTOR_LONG=1: many processes racing to break one lock. `npm test` breaks a dead
  // process's lock with one process (e2e/lifecycle-concurrency) and in this process (lifecycle/lock).
  it.runIf(LONG)('left by a process that is gone is broken once, by one of many processes starting together; every change is kept', async () => {
    const root = repo();
    const id = 'durban-mzuzu';
    const lock = path.join(root, 'partnerships', id, '.partnership.yaml.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), time: Date.now() - 1000, token: 'a-killed-process' }));
    const before = historyOf(root, id).length;
    const n = cases(3, 12);
    // Each process suspends then resumes, retrying whenever the others' changes make its own refused.
    const worker = async (i: number): Promise<Spawned[]> => {
      const runs: Spawned[] = [];
      for (const action of ['suspend', 'resume']) {
        for (let attempt = 1; ; attempt++) {
          const r = await spawnMentor([action, id, '--date', '2011-04-01', '--reason', `${action} by ${i}`], { cwd: root });
          runs.push(r);
          if (r.code === 0) break;
          expect(retryable(r), r.stderr).toBe(true);
          expect(attempt).toBeLessThan(60);
          await new Promise((resolve) => setTimeout(resolve, 20 + ((i * 37 + attempt * 53) % 80)));
        }
      }
      return runs;
    };
    const runs = (await Promise.all(Array.from({ length: n }, (_, i) => worker(i)))).flat();
    for (const r of runs) figures.count(SECTION, 'a stale lock and many processes: suspend/resume, retried when refused', outcomeOf(r).outcome, { crashed: outcomeOf(r).crashed, ms: r.ms });
    const added = historyOf(root, id).slice(before);
    expect(added).toHaveLength(2 * n);
    added.forEach((entry, i) => expect(entry.status).toBe(i % 2 === 0 ? 'suspended' : 'active'));
    expect(leftovers(root)).toEqual([]);
    await expectValid(root);
  }, 120_000);
});

describe('hand edits and mentor edits of one partnership at the same time', () => {
  it('an editor saving the file while mentor is editing it: mentor notices, plans again, and keeps the hand edit', () => {
    const root = repo();
    const id = 'durban-mzuzu';
    const file = path.join(root, 'partnerships', id, 'partnership.yaml');
    let plans = 0;
    updatePartnership(openRepository(root), id, (folder) => {
      const data = folder.partnership.data as { risks: unknown[] };
      plans++;
      if (plans === 1) {
        // The editor saves its buffer (a new risk) between mentor's read and mentor's write.
        const text = readFileSync(file, 'utf8').replace(/^risks:\n/m, 'risks:\n  - risk: A hand edit made while mentor was working\n');
        writeFileSync(`${file}.swp`, text);
        renameSync(`${file}.swp`, file);
      }
      return { set: [[['status'], 'suspended']], append: [[['history'], { status: 'suspended', date: '2011-04-01', reason: `seen ${data.risks.length} risks` }]] };
    });
    figures.count(SECTION, 'an editor saving during a mentor edit (in process)', plans === 2 ? 'edit planned again; hand edit kept' : 'hand edit lost');
    expect(plans).toBe(2);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('A hand edit made while mentor was working');
    expect(text).toContain('status: suspended');
  });

  it('an editor that keeps saving: mentor gives up after a few tries with exit 2, writing nothing', async () => {
    const root = repo();
    const id = 'durban-mzuzu';
    const file = path.join(root, 'partnerships', id, 'partnership.yaml');
    let saves = 0;
    let thrown: unknown;
    try {
      updatePartnership(openRepository(root), id, () => {
        writeFileSync(file, `${readFileSync(file, 'utf8')}# saved again ${++saves}\n`);
        return { set: [[['status'], 'suspended']] };
      });
    } catch (error) {
      thrown = error;
    }
    figures.count(SECTION, 'an editor that never stops saving (in process)', thrown ? 'mentor gave up, exit 2, nothing written' : 'mentor wrote');
    expect((thrown as { exitCode?: number }).exitCode).toBe(2);
    expect(readFileSync(file, 'utf8')).not.toContain('status: suspended');
    expect(saves).toBe(5);
  });

  it('mentor processes (advance, suspend, resume) and hand edits made under the lock, all at once: serialised, none lost', async () => {
    const root = repo();
    const id = 'durban-mzuzu';
    const file = path.join(root, 'partnerships', id, 'partnership.yaml');
    const lock = path.join(root, 'partnerships', id, '.partnership.yaml.lock');
    const before = historyOf(root, id).length;
    const processes = cases(2, 8);
    const hands = cases(6, 40);
    // Mentor processes: each suspends and resumes, retrying when refused.
    const mentorWorker = async (i: number) => {
      let done = 0;
      for (const action of ['suspend', 'resume']) {
        for (let attempt = 1; attempt < 80; attempt++) {
          const r = await spawnMentor([action, id, '--date', '2011-04-01', '--reason', `${action} by ${i}`], { cwd: root });
          oneEnded();
          figures.count(SECTION, 'mentor processes and hand edits under the lock, at once', `mentor ${outcomeOf(r).outcome}`, { crashed: outcomeOf(r).crashed, ms: r.ms });
          if (r.code === 0) {
            done++;
            break;
          }
          expect(retryable(r), r.stderr).toBe(true);
          await new Promise((resolve) => setTimeout(resolve, 15 + ((i * 29 + attempt * 41) % 60)));
        }
      }
      return done;
    };
    // Hand edits made the way a careful tool would: under mentor's lock, saved atomically. They
    // start when the first mentor process has ended, while the others (and their retries) are at
    // work, however long a process takes to start.
    let oneEnded!: () => void;
    const firstEnded = new Promise<void>((resolve) => (oneEnded = resolve));
    const handWorker = async () => {
      await firstEnded;
      for (let k = 0; k < hands; k++) {
        await new Promise((resolve) => setTimeout(resolve, 5 + (k % 7) * 5));
        withLock(lock, () => writeFileAtomic(file, `${readFileSync(file, 'utf8')}# hand edit ${k}\n`));
        figures.count(SECTION, 'mentor processes and hand edits under the lock, at once', 'hand edit saved');
      }
    };
    // One process moves the partnership on (refused while it is suspended, so retried).
    const advanceWorker = async () => {
      for (let attempt = 1; attempt < 80; attempt++) {
        const r = await spawnMentor(['advance', id, '--date', '2011-04-01', '--note', 'moved on while others edited'], { cwd: root });
        oneEnded();
        figures.count(SECTION, 'mentor processes and hand edits under the lock, at once', `mentor ${outcomeOf(r).outcome}`, { crashed: outcomeOf(r).crashed, ms: r.ms });
        if (r.code === 0) return 1;
        expect(retryable(r), r.stderr).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 10 + attempt * 7));
      }
      return 0;
    };
    const [done, advanced] = await Promise.all([Promise.all(Array.from({ length: processes }, (_, i) => mentorWorker(i))), advanceWorker(), handWorker()]);
    expect(done.reduce((a, b) => a + b, 0)).toBe(2 * processes);
    expect(advanced).toBe(1);
    const text = readFileSync(file, 'utf8');
    for (let k = 0; k < hands; k++) expect(text).toContain(`# hand edit ${k}\n`);
    const added = historyOf(root, id).slice(before);
    expect(added).toHaveLength(2 * processes + 1);
    expect(added.filter((entry) => entry.stage !== undefined)).toEqual([{ stage: 'evaluation', date: '2011-04-01', note: 'moved on while others edited' }]);
    added.filter((entry) => entry.status !== undefined).forEach((entry, i) => expect(entry.status).toBe(i % 2 === 0 ? 'suspended' : 'active'));
    expect(leftovers(root)).toEqual([]);
    await expectValid(root);
  }, 120_000);
});
