// -C / --repo works like git's: the command runs as if started in that folder, so the paths
// given after it are relative to it; a repository reached through a symbolic link is the same.

import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTree, EXAMPLES, mentor, ROOT, tempDir } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2011-03-31'];

/** A folder holding `real` (a copy of the examples) and `link`, a symbolic link to it. */
function linkedExamples(): { dir: string; real: string; link: string } {
  const dir = tempDir();
  const real = path.join(dir, 'real');
  copyTree(EXAMPLES, real);
  symlinkSync(real, path.join(dir, 'link'));
  return { dir, real, link: path.join(dir, 'link') };
}

describe('-C like git', () => {
  it('validate -C examples partnerships/bergen-mombasa: the path is relative to -C', () => {
    const run = mentor(['validate', '-C', 'examples', 'partnerships/bergen-mombasa', ...AS_OF], { cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no problems/);
  });

  it('-C given before the command too, and --repo', () => {
    expect(mentor(['-C', 'examples', 'validate', 'partnerships/bergen-mombasa', ...AS_OF]).code).toBe(0);
    expect(mentor(['--repo', 'examples', 'validate', 'mentor.yaml', ...AS_OF]).code).toBe(0);
  });

  it('a path relative to the current folder and not to -C is refused, naming it', () => {
    const run = mentor(['validate', '-C', 'examples', 'examples/partnerships/bergen-mombasa', ...AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('examples/partnerships/bergen-mombasa');
  });

  it('report --out is relative to -C, and the files written are named from there', () => {
    const { dir, real } = linkedExamples();
    const run = mentor(['report', 'bergen-mombasa', '--kind', 'tor', '-C', 'real', '--out', 'out', ...AS_OF], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('wrote out/tor.md');
    expect(readFileSync(path.join(real, 'out/tor.md'), 'utf8')).toMatch(/^# /);
  });

  it('session add --from is relative to -C', () => {
    const { dir, real } = linkedExamples();
    writeFileSync(path.join(real, 'visit.yaml'), 'date: 2011-03-28\ntitle: Land-use review\ntype: contact\nlevel: technical\nhost: mentee\n');
    const run = mentor(['session', 'add', 'bergen-mombasa', '-C', 'real', '--from', 'visit.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('partnerships/bergen-mombasa/sessions/2011-03-28-land-use-review.yaml');
  });
});

describe('a repository reached through a symbolic link', () => {
  it.each<[string, (l: ReturnType<typeof linkedExamples>) => { cwd: string; args: string[] }]>([
    ['-C the link, a path through the link', (l) => ({ cwd: l.dir, args: ['-C', 'link', 'partnerships/bergen-mombasa'] })],
    ['-C the link, an absolute path through the real folder', (l) => ({ cwd: l.dir, args: ['-C', 'link', path.join(l.real, 'partnerships/bergen-mombasa')] })],
    ['-C the real folder, an absolute path through the link', (l) => ({ cwd: l.dir, args: ['-C', 'real', path.join(l.link, 'partnerships/bergen-mombasa')] })],
    ['from inside, an absolute path through the link', (l) => ({ cwd: path.join(l.link, 'partnerships'), args: [path.join(l.link, 'partnerships/bergen-mombasa/partnership.yaml')] })],
  ])('%s', (_what, make) => {
    const { cwd, args } = make(linkedExamples());
    const run = mentor(['validate', ...args, ...AS_OF], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no problems/);
  });

  it('a path outside the repository stays refused, even through a link', () => {
    const l = linkedExamples();
    mkdirSync(path.join(l.dir, 'elsewhere'));
    const run = mentor(['validate', '-C', 'link', path.join(l.dir, 'elsewhere'), ...AS_OF], { cwd: l.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the repository');
  });
});
