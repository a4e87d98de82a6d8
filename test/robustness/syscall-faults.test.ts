// Fault injection at every file-system call of a write: for each command that writes, the 1st,
// 2nd, ... n-th call that changes the disk (open, write, fsync, close, rename, link, mkdir, rm) fails in
// turn with ENOSPC, EIO or EROFS. The command must exit 0 (the call was best effort) or 2 with one
// clear line naming the file and the cause; the repository must be as it was or as the command
// would have left it; no temporary file may stay behind. The long run fails every call in turn;
// `npm test` fails, for each command, the first call of each kind (open, write, fsync, close,
// rename, link, mkdir, rm) and its last call.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from '../helpers/cli.js';
import { Figures, LONG, outcomeOf, STACK_LINE } from './figures.js';
import { fingerprint, inProcess, leftovers } from './support.js';

const fault = vi.hoisted(() => ({ armed: false, calls: 0, failAt: Infinity, code: 'ENOSPC', failed: '', trace: [] as string[] }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrap = <K extends keyof typeof fs>(name: K) =>
    ((...args: unknown[]) => {
      if (fault.armed) {
        fault.trace.push(name);
        if (++fault.calls === fault.failAt) {
          fault.failed = name;
          throw Object.assign(new Error(`${fault.code}: injected fault, ${name}`), { code: fault.code, syscall: name });
        }
      }
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as (typeof fs)[K];
  const faulty = {
    openSync: wrap('openSync'),
    writeSync: wrap('writeSync'),
    writeFileSync: wrap('writeFileSync'),
    fsyncSync: wrap('fsyncSync'),
    closeSync: wrap('closeSync'),
    renameSync: wrap('renameSync'),
    linkSync: wrap('linkSync'),
    mkdirSync: wrap('mkdirSync'),
    rmSync: wrap('rmSync'),
  };
  return { ...fs, ...faulty, default: { ...fs, ...faulty } };
});

const figures = new Figures('3-syscall-faults');
const SECTION = '3. Fault injection: every file-system call of a write fails in turn';
const ID = 'durban-mzuzu';

const COMMANDS: [string, string[], ((root: string) => void)?][] = [
  ['advance', ['advance', ID, '--date', '2011-04-01']],
  ['suspend', ['suspend', ID, '--date', '2011-04-01', '--reason', 'elections postponed']],
  ['session add', ['session', 'add', ID, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee']],
  ['session add, first session (new folder)', ['session', 'add', 'durban-alan', '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'], (root) => rmSync(path.join(root, 'partnerships/durban-alan/sessions'), { recursive: true })],
  ['init', ['init', 'ekurhuleni-mzuzu', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue', '--date', '2011-04-04', '--yes']],
  ['init of a new repository', ['init', 'ekurhuleni-mzuzu', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue', '--date', '2011-04-04', '--yes', '-C', 'new-repo']],
  ['report', ['report', ID, '--kind', 'tor', '--as-of', '2011-03-31']],
  ['schema --out', ['schema', '--out', 'schema-out']],
];

/**
 * The calls (1-based) to fail, given the calls of a clean run: every one in the long run; in
 * `npm test`, the first call of each kind and the last call (the lock's release, or the last write).
 */
function callsToFail(trace: readonly string[]): number[] {
  const all = trace.map((_, i) => i + 1);
  return LONG ? all : all.filter((k) => trace.indexOf(trace[k - 1]!) === k - 1 || k === trace.length);
}

/** Commands that write several files, one after another: each is whole, but a fault may stop them part of the way. */
const SEVERAL_FILES = ['init of a new repository', 'report', 'schema --out'];

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function repo(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-faults-'));
  cpSync(EXAMPLES, root, { recursive: true });
  temps.push(root);
  return root;
}

async function runWith(args: string[], failAt: number, code: string, prepare?: (root: string) => void) {
  const root = repo();
  prepare?.(root);
  if (args.includes('new-repo')) {
    const { mkdirSync } = await vi.importActual<typeof import('node:fs')>('node:fs');
    rmSync(path.join(root, 'mentor.yaml'));
    mkdirSync(path.join(root, 'new-repo'));
  }
  const resolved = args.map((arg) => (arg === 'new-repo' ? path.join(root, arg) : arg));
  const before = fingerprint(root);
  Object.assign(fault, { armed: true, calls: 0, failAt, code, failed: '', trace: [] });
  try {
    const run = await inProcess(resolved, root);
    return { run, root, before, calls: fault.calls, failed: fault.failed, trace: [...fault.trace] };
  } finally {
    fault.armed = false;
  }
}

describe('a fault at each file-system call of a write', () => {
  it.each(COMMANDS)('%s', async (name, args, prepare) => {
    // A clean run: how many calls it makes, and what it leaves.
    const clean = await runWith(args, Infinity, 'ENOSPC', prepare);
    expect(clean.run.code, clean.run.stderr).toBe(0);
    const wanted = fingerprint(clean.root);
    const total = clean.calls;
    expect(total).toBeGreaterThan(2);
    expect(clean.trace).toHaveLength(total);
    const codes = ['ENOSPC', 'EIO', 'EROFS'];
    for (const k of callsToFail(clean.trace)) {
      const code = codes[k % codes.length]!;
      const { run, root, before, failed } = await runWith(args, k, code, prepare);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, name, `${outcome}${run.code === 0 ? ' (a best-effort call failed)' : ''}`, { crashed });
      const what = `${name}: call ${k} of ${total} (${failed}) failed with ${code}`;
      expect(crashed, `${what}\n${run.stderr}`).toBe(false);
      expect(run.stderr, what).not.toMatch(STACK_LINE);
      expect([0, 1, 2], `${what}\n${run.stderr}`).toContain(run.code);
      // Exit 1 only when a read failed: the command checks the files first and names the file and the cause, as validate does.
      if (run.code === 1) expect(run.stderr, what).toMatch(new RegExp(`error MTR006 cannot read the file: ${code}`));
      const left = leftovers(root);
      const after = Object.fromEntries(Object.entries(fingerprint(root)).filter(([rel]) => !left.includes(rel)));
      if (run.code === 2) {
        expect(run.stderr, what).not.toMatch(/\((EEXIST|ENOENT)\)/);
        // A write that failed, or mentor's own method file that could not be read: both name the cause.
        expect(run.stderr, what).toMatch(new RegExp(`^mentor: cannot (write \\S+: [^\\n]+ \\(${code}\\); [^\\n]+|read mentor's built-in method \\S+: cannot read the file: ${code}[^\\n]*)\\n$`));
      }
      // Each file as it was or as the clean run left it; a command that writes one file: all or nothing.
      for (const [rel, hash] of Object.entries(after)) expect([before[rel], wanted[rel]], `${what}: ${rel} is neither old nor new`).toContain(hash);
      if (!SEVERAL_FILES.includes(name)) expect([before, wanted], `${what}: half done`).toContainEqual(after);
      // A removal that failed leaves its hidden temporary file or lock, which the next mentor
      // process removes (this test's process lives on, so it is only counted here).
      if (failed === 'rmSync') {
        for (const one of left) figures.count(SECTION, `${name}: left behind when a removal failed`, /\.lock$/.test(one) ? 'a lock (broken by the next command)' : 'a temporary file (swept by the next command)');
      } else {
        expect(left, what).toEqual([]);
      }
    }
  }, 120_000);
});
