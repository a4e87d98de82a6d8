// Real environment faults: a full disk (a tiny tmpfs), a read-only file system (the tmpfs remounted
// read-only), and a read-only file in a read-only folder for a user who is not root (root ignores
// permissions). Each gives one clear line and exit 2 (an environment problem), and leaves the
// original intact. Mounting needs root and a kernel that allows it: otherwise these are skipped,
// with a message saying so. The long run tries every command through the real binary and many
// random fillings; `npm test` sends the first command of each kind of fault through the binary and
// the others through the same CLI in this process.

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyTree, EXAMPLES } from '../helpers/cli.js';
import { random } from '../helpers/damage.js';
import { cases, Figures, LONG, outcomeOf, SEED, STACK_LINE } from './figures.js';
import { binary, fingerprint, inProcess, leftovers, type Ran } from './support.js';

const figures = new Figures('3-disk-faults');
const SECTION = '3. Fault injection: full disk, read-only file system, read-only file';
const ID = 'durban-mzuzu';

const WRITES: [string, string[]][] = [
  ['advance', ['advance', ID, '--date', '2011-04-01']],
  ['suspend', ['suspend', ID, '--date', '2011-04-01', '--reason', 'elections postponed']],
  ['session add', ['session', 'add', ID, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee', '--outcome', 'x'.repeat(3000)]],
  ['init', ['init', 'ekurhuleni-mzuzu', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue', '--date', '2011-04-04', '--yes']],
  ['report', ['report', ID, '--kind', 'all', '--format', 'html', '--as-of', '2011-03-31']],
];

const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'mentor-tmpfs-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint]).status === 0;
if (!mounted) console.warn(`disk-faults: cannot mount a tmpfs here (needs root and mount permission): the full-disk and read-only file system cases are skipped`);
afterAll(() => {
  if (mounted) spawnSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** The example repository reduced to one partnership, copied onto the tmpfs. */
function smallRepo(): string {
  for (const name of readdirSync(mountPoint)) rmSync(path.join(mountPoint, name), { recursive: true, force: true });
  cpSync(path.join(EXAMPLES, 'mentor.yaml'), path.join(mountPoint, 'mentor.yaml'));
  cpSync(path.join(EXAMPLES, 'partnerships', ID), path.join(mountPoint, 'partnerships', ID), { recursive: true });
  return mountPoint;
}

/** Fill the file system until `free` bytes are left (tmpfs counts in pages: roughly). */
function fill(root: string, free: number): void {
  const available = () => {
    const out = spawnSync('df', ['-B1', '--output=avail', root], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!;
    return Number(out);
  };
  writeFileSync(path.join(root, 'filler'), Buffer.alloc(Math.max(0, available() - free)));
}

/** What a command leaves in the small repository when nothing goes wrong (computed off the tmpfs). */
const clean = new Map<string, Record<string, string>>();
async function cleanResult(name: string, args: readonly string[]): Promise<Record<string, string>> {
  if (!clean.has(name)) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-clean-'));
    cpSync(path.join(EXAMPLES, 'mentor.yaml'), path.join(root, 'mentor.yaml'));
    cpSync(path.join(EXAMPLES, 'partnerships', ID), path.join(root, 'partnerships', ID), { recursive: true });
    const run = await inProcess([...args], root);
    expect(run.code, run.stderr).toBe(0);
    clean.set(name, fingerprint(root));
    rmSync(root, { recursive: true, force: true });
  }
  return clean.get(name)!;
}

/** The real binary in the long run, and for the first command of a kind of fault in `npm test`; this process otherwise. */
function runner(first: boolean): { run: (args: string[], cwd: string) => Promise<Ran>; how: string } {
  return LONG || first ? { run: (args, cwd) => binary(args, cwd), how: 'the binary' } : { run: (args, cwd) => inProcess(args, cwd), how: 'in process' };
}

function expectEnvironmentError(run: Ran, code: string, what: string): void {
  expect(run.stderr, what).not.toMatch(STACK_LINE);
  expect(run.code, `${what}\n${run.stderr}`).toBe(2);
  expect(run.stderr, what).toMatch(new RegExp(`^mentor: cannot write \\S+: [^\\n]+ \\(${code}\\); [^\\n]+\\n$`));
}

describe.runIf(mounted)('a full disk', () => {
  it(`every write fails with exit 2 naming ENOSPC, and the original is intact (${LONG ? 'the binary' : 'the binary for advance'})`, async () => {
    for (const [i, [name, args]] of WRITES.entries()) {
      const { run: mentor, how } = runner(i === 0);
      const root = smallRepo();
      fill(root, 0);
      const before = fingerprint(root);
      const run = await mentor(args, root);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, `full disk (0 bytes free): ${how}`, `${name}: ${outcome}`, { crashed, ms: run.ms });
      expectEnvironmentError(run, 'ENOSPC', name);
      // Folders may have been made before the disk said no (the report's); no file was.
      const files = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([rel]) => !rel.endsWith('/') || !rel.startsWith('reports/')));
      expect(files(fingerprint(root)), `${name} changed a file`).toEqual(files(before));
      rmSync(path.join(root, 'filler'));
      const again = await runner(false).run(args, root);
      expect(again.code, `${name} once there is space again: ${again.stderr}`).toBe(0);
      expect(leftovers(root)).toEqual([]);
    }
  }, 60_000);

  it('with a random few kilobytes free: each command succeeds or fails cleanly, files old or new', async () => {
    const rand = random(SEED);
    for (let i = 0; i < cases(WRITES.length, 200); i++) {
      const [name, args] = WRITES[i % WRITES.length]!;
      const root = smallRepo();
      fill(root, Math.floor(rand() * 24 * 1024));
      const before = fingerprint(root);
      const run = await inProcess(args, root);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, 'nearly full disk (0-24 KB free, at random)', `${name}: ${outcome}`, { crashed, ms: run.ms });
      expect(crashed, run.stderr).toBe(false);
      expect([0, 2], run.stderr).toContain(run.code);
      if (run.code === 2) expectEnvironmentError(run, 'ENOSPC', name);
      const after = fingerprint(root);
      const wanted = await cleanResult(name, args);
      delete after.filler;
      delete before.filler;
      if (run.code === 2 && name !== 'report') expect(after, `${name} failed but changed a file`).toEqual(before);
      if (run.code === 0) expect(after).toEqual(wanted);
      for (const [rel, hash] of Object.entries(after)) expect([before[rel], wanted[rel]], `${name}: ${rel} is neither old nor new`).toContain(hash);
      expect(leftovers(root)).toEqual([]);
    }
  }, 120_000);
});

describe.runIf(mounted)('a read-only file system', () => {
  beforeAll(() => {
    smallRepo();
    expect(spawnSync('mount', ['-o', 'remount,ro', mountPoint]).status).toBe(0);
  });
  afterAll(() => {
    spawnSync('mount', ['-o', 'remount,rw', mountPoint]);
  });

  it('every write fails with exit 2 naming EROFS; reading commands still work', async () => {
    const before = fingerprint(mountPoint);
    for (const [i, [name, args]] of WRITES.entries()) {
      const { run: mentor, how } = runner(i === 0);
      const run = await mentor(args, mountPoint);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, `read-only file system: ${how}`, `${name}: ${outcome}`, { crashed, ms: run.ms });
      expectEnvironmentError(run, 'EROFS', name);
    }
    for (const [i, args] of [['validate', '--as-of', '2011-03-31'], ['status', ID, '--as-of', '2011-03-31'], ['report', ID, '--stdout', '--kind', 'tor']].entries()) {
      const { run: mentor, how } = runner(i === 0);
      const run = await mentor(args, mountPoint);
      figures.count(SECTION, `read-only file system: ${how}`, `${args[0]} (reads only): ${outcomeOf(run).outcome}`, { ms: run.ms });
      expect(run.code, run.stderr).toBe(0);
    }
    expect(fingerprint(mountPoint)).toEqual(before);
  }, 60_000);
});

/** Whether the binary can run as an unprivileged user here (root ignores file permissions). */
const NOBODY = 65534;
const canDropRoot = process.getuid?.() === 0 && spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY }).status === 0;
if (!canDropRoot) console.warn('disk-faults: cannot run as an unprivileged user here: the read-only file case is skipped');

describe.runIf(canDropRoot)('a read-only partnership file in a read-only folder', () => {
  it('as root, permissions do not stop a write (recorded); as another user, exit 2 naming EACCES, the file intact', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-readonly-'));
    try {
      copyTree(EXAMPLES, root);
      // The binary's folder and the repository must be readable by the other user.
      for (let dir = path.dirname(BIN); dir.startsWith(`${os.tmpdir()}${path.sep}`); dir = path.dirname(dir)) chmodSync(dir, statSync(dir).mode | 0o055);
      chmodSync(root, 0o755);
      const folder = path.join(root, 'partnerships', ID);
      chmodSync(path.join(folder, 'partnership.yaml'), 0o444);
      chmodSync(folder, 0o555);
      chmodSync(path.join(folder, 'sessions'), 0o555);
      const before = fingerprint(root);
      // In `npm test`, advance (rewrites partnership.yaml) and session add (a new file in sessions/); suspend too in the long run.
      for (const [name, args] of WRITES.filter(([n]) => n !== 'init' && n !== 'report' && (LONG || n !== 'suspend'))) {
        const run = spawnSync(process.execPath, [BIN, ...args], { cwd: root, uid: NOBODY, gid: NOBODY, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
        const result = { code: run.status, stdout: run.stdout, stderr: run.stderr, ms: 0 };
        figures.count(SECTION, 'read-only file (0444) in a read-only folder (0555), as an unprivileged user', `${name}: ${outcomeOf(result).outcome}`, { crashed: outcomeOf(result).crashed });
        expectEnvironmentError(result, 'EACCES', name);
      }
      expect(fingerprint(root)).toEqual(before);
      // Root is not stopped by permissions: the same write succeeds (this is what "read-only" means to root).
      const asRoot = await runner(false).run(['suspend', ID, '--date', '2011-04-01', '--reason', 'elections postponed'], root);
      figures.count(SECTION, 'read-only file (0444) in a read-only folder (0555), as root', `suspend: ${outcomeOf(asRoot).outcome} (root ignores permissions)`);
      expect(asRoot.code).toBe(0);
    } finally {
      spawnSync('chmod', ['-R', 'u+w', root]);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a path in the way', () => {
  it.each([
    ['a folder where the report goes', ['report', ID, '--kind', 'tor'], (root: string) => mkdirSync(path.join(root, 'reports', ID, 'tor.md'), { recursive: true }), 'EISDIR'],
    ['a file where the report folder goes', ['report', ID, '--kind', 'tor'], (root: string) => { mkdirSync(path.join(root, 'reports'), { recursive: true }); writeFileSync(path.join(root, 'reports', ID), 'x'); }, 'EEXIST'],
    ['a file where --out points', ['report', ID, '--kind', 'tor', '--out', 'mentor.yaml'], () => undefined, 'EEXIST'],
    ['a file where the sessions folder goes', ['session', 'add', ID, '--date', '2011-04-01', '--title', 'Review', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'], (root: string) => { rmSync(path.join(root, 'partnerships', ID, 'sessions'), { recursive: true }); writeFileSync(path.join(root, 'partnerships', ID, 'sessions'), 'x'); }, 'ENOTDIR|EEXIST'],
  ] as const)('%s: exit 2, one clear line', async (name, args, prepare, code) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'mentor-inway-'));
    try {
      copyTree(EXAMPLES, root);
      prepare(root);
      const before = fingerprint(root);
      const run = await inProcess([...args], root);
      const { outcome, crashed } = outcomeOf(run);
      figures.count(SECTION, 'a file or folder in the way', `${name}: ${outcome}`, { crashed });
      expect(crashed, run.stderr).toBe(false);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`\\((${code})\\)`));
      expect(run.stderr).not.toMatch(/file system refused/);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(fingerprint(root)).toEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
