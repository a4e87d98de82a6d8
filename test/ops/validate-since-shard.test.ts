import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's generator is plain JavaScript
import { generateRepository } from '../../bench/generate.mjs';
import { tempDir } from '../helpers/cli.js';
import { parseShard } from '../../src/ops/shard.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { damage, random } from '../helpers/damage.js';
import { cases } from '../robustness/figures.js';

interface Found {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}
const generate = generateRepository as (dir: string, count: number, seed: number, sessionsEach?: number) => number;
/**
 * `npm test` works on 21 partnerships of about three sessions, MENTOR_LONG=1 on 40 of about ten.
 * With seed 11 and 21, each kind of change below (committed, staged, unstaged, untracked, a session
 * deleted, a partnership deleted) falls on a partnership of its own; with 40, the unstaged damage
 * happens to leave its file as it was.
 */
const PARTNERSHIPS = cases(21, 40);
const SESSIONS_EACH = cases(3, 10);
const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
/** validate's problems, as its JSON output lists them. */
const problemsOf = async (root: string, options: { since?: string; shard?: string; cwd?: string } = {}): Promise<Found[]> => {
  const repo = openRepository(root, { threads: 1 });
  const report = await validateRepository(repo, {
    cwd: options.cwd ?? root,
    today: '2016-06-30',
    ...(options.since !== undefined && { since: options.since }),
    ...(options.shard !== undefined && { shard: parseShard(options.shard) }),
  });
  return report.problems.map(({ file, line, column, code, message }) => ({ file, line, column, code, message }));
};
const idOf = (file: string) => (file.startsWith('partnerships/') ? file.split('/')[1] : undefined);
/** Problems of mentor.yaml and of the partnerships/ listing: every --since run and shard 1 report them. */
const repositoryWide = (p: Found) => idOf(p.file) === undefined || /is not a valid partnership id/.test(p.message);

describe('validate --since', () => {
  it('reports exactly the full run restricted to the changed partnerships, in a subfolder of a git work tree', async () => {
    const work = tempDir();
    const root = path.join(work, 'programme');
    generate(root, PARTNERSHIPS, 11, SESSIONS_EACH);
    // Repository-wide problems, which --since always reports: a badly named folder, a bad mentor.yaml key.
    mkdirSync(path.join(root, 'partnerships', 'Bad_Name'));
    writeFileSync(path.join(root, 'mentor.yaml'), `${readFileSync(path.join(root, 'mentor.yaml'), 'utf8')}colour: blue\n`);
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'base');
    const base = git(work, 'rev-parse', 'HEAD');

    const rand = random(11);
    const ids = readdirSync(path.join(root, 'partnerships')).filter((id) => id !== 'Bad_Name');
    const pick = () => ids[Math.floor(rand() * ids.length)]!;
    const file = (id: string) => {
      const sessions = readdirSync(path.join(root, 'partnerships', id, 'sessions'));
      return rand() < 0.4 ? path.join(root, 'partnerships', id, 'partnership.yaml') : path.join(root, 'partnerships', id, 'sessions', sessions[0]!);
    };
    // A random damage can leave a file as it was: git then sees no change, and neither does --since.
    const edited = new Set<string>();
    const edit = (id: string) => {
      const f = file(id);
      const before = readFileSync(f, 'utf8');
      const after = damage(before, rand);
      writeFileSync(f, after);
      if (after !== before) edited.add(id);
    };
    const changed = new Set<string>();
    // Committed after the base, staged, unstaged, untracked, and a session deleted.
    for (let i = 0; i < 3; i++) changed.add(pick());
    for (const id of changed) edit(id);
    git(work, 'commit', '-q', '-am', 'later');
    const staged = pick();
    edit(staged);
    git(work, 'add', '-A');
    const unstaged = pick();
    edit(unstaged);
    const untracked = pick();
    const sessionsDir = path.join(root, 'partnerships', untracked, 'sessions');
    const first = readdirSync(sessionsDir)[0]!;
    cpSync(path.join(sessionsDir, first), path.join(sessionsDir, first.replace(/\.yaml$/, '-copy.yaml')));
    const lost = pick();
    // A session in git: were `lost` the partnership just given a copy, deleting the copy would change nothing.
    rmSync(path.join(root, 'partnerships', lost, 'sessions', readdirSync(path.join(root, 'partnerships', lost, 'sessions')).find((f) => !f.endsWith('-copy.yaml'))!));
    // A deleted partnership: nothing to check.
    const gone = ids.find((id) => ![...changed, staged, unstaged, untracked, lost].includes(id))!;
    rmSync(path.join(root, 'partnerships', gone), { recursive: true });
    for (const id of changed) if (!edited.has(id)) changed.delete(id);
    for (const id of [untracked, lost]) changed.add(id);
    for (const id of [staged, unstaged]) if (edited.has(id)) changed.add(id);
    // Files outside the repository's folder change nothing.
    writeFileSync(path.join(work, 'notes.txt'), 'x\n');

    const full = await problemsOf(root);
    const expected = full.filter((p) => repositoryWide(p) || changed.has(idOf(p.file)!));
    expect(expected.some((p) => p.file === 'mentor.yaml')).toBe(true);
    expect(expected.some((p) => p.file === 'partnerships/Bad_Name')).toBe(true);
    expect(new Set(expected.map((p) => idOf(p.file))).size).toBeGreaterThan(4);
    expect(await problemsOf(root, { since: base })).toEqual(expected);
    // Nothing changed since HEAD after committing everything: only the repository-wide problems.
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'all');
    expect(await problemsOf(root, { since: 'HEAD' })).toEqual(expected.filter(repositoryWide));
  });

  it('is a usage error for a ref that does not exist, or outside a git repository', async () => {
    const work = tempDir();
    generate(work, 2, 3);
    const usage = (message: RegExp) => expect.objectContaining({ exitCode: 2, message: expect.stringMatching(message) });
    await expect(problemsOf(work, { since: 'HEAD' })).rejects.toEqual(usage(/is not in one/));
    git(work, 'init', '-q');
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', 'base');
    await expect(problemsOf(work, { since: 'no-such-branch' })).rejects.toEqual(usage(/no-such-branch: no such commit/));
    await expect(problemsOf(work, { since: '--output=x' })).rejects.toEqual(usage(/not a git revision/));
  });
});

describe('validate --shard', () => {
  it('splits a full run into n shares whose union is the full run, n = 1..5; a partnership never moves', async () => {
    const root = tempDir();
    generate(root, PARTNERSHIPS, 5, SESSIONS_EACH);
    mkdirSync(path.join(root, 'partnerships', 'Bad_Name'));
    writeFileSync(path.join(root, 'mentor.yaml'), `${readFileSync(path.join(root, 'mentor.yaml'), 'utf8')}colour: blue\n`);
    const full = await problemsOf(root);
    const key = (p: Found) => JSON.stringify(p);
    for (let n = 1; n <= 5; n++) {
      const union: Found[] = [];
      for (let i = 1; i <= n; i++) {
        const share = await problemsOf(root, { shard: `${i}/${n}` });
        if (i > 1) expect(share.filter(repositoryWide)).toEqual([]);
        union.push(...share);
      }
      expect(union.map(key).sort()).toEqual(full.map(key).sort());
    }
    const before = new Set((await problemsOf(root, { shard: '2/3' })).map((p) => idOf(p.file)));
    generate(path.join(root, 'more'), cases(6, 10), 99, SESSIONS_EACH);
    for (const id of readdirSync(path.join(root, 'more', 'partnerships'))) cpSync(path.join(root, 'more', 'partnerships', id), path.join(root, 'partnerships', `added-${id}`), { recursive: true });
    rmSync(path.join(root, 'more'), { recursive: true });
    const after = new Set((await problemsOf(root, { shard: '2/3' })).map((p) => idOf(p.file)));
    for (const id of before) expect(after.has(id)).toBe(true);
  });

});
