// `mentor completion bash|zsh|fish`: the bash script, loaded in bash, offers the commands, flags,
// choices, stage names and partnership ids expected; the zsh and fish scripts at least parse
// (when those shells are installed).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, mentor, tempDir } from '../helpers/cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const IDS = 'bergen-mombasa durban-alan durban-mzuzu durban-mzuzu-phase-2 ekurhuleni-blantyre johannesburg-lilongwe rosario-ciudad-sur';
const STAGES = 'request assessment agreement setup mentoring evaluation launch promotion closed';

let scripts: Record<'bash' | 'zsh' | 'fish', string>;
// Kept for the whole file (tempDir's folders go after each test).
const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  scripts = { bash: '', zsh: '', fish: '' };
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const run = mentor(['completion', shell]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    scripts[shell] = path.join(dir, `mentor.${shell}`);
    writeFileSync(scripts[shell], run.stdout);
  }
});

/** What bash offers for the words typed (the last one is being completed), from `cwd`. */
function complete(words: string[], cwd = EXAMPLES): string {
  const script = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _mentor; echo "\${COMPREPLY[*]}"`;
  const run = spawnSync('bash', ['--noprofile', '--norc', '-c', script, 'bash', scripts.bash, ...words], { cwd, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

describe('bash completion', () => {
  it.each<[string[], string]>([
    [['mentor', ''], 'init session advance suspend resume cancel status validate schema method report completion calendar site export'],
    [['mentor', 'se'], 'session'],
    [['mentor', 'session', ''], 'add list'],
    [['mentor', 'advance', ''], IDS],
    [['mentor', 'advance', 'j'], 'johannesburg-lilongwe'],
    [['mentor', 'session', 'add', 'du'], 'durban-alan durban-mzuzu durban-mzuzu-phase-2'],
    [['mentor', 'advance', 'bergen-mombasa', '--to', ''], STAGES],
    [['mentor', 'advance', 'bergen-mombasa', '--to', 'ev'], 'evaluation'],
    [['mentor', 'advance', 'bergen-mombasa', ''], ''],
    [['mentor', 'status', '--'], '--json --as-of --wide --help --repo --no-color'],
    [['mentor', 'report', 'bergen-mombasa', '--format', ''], 'md html pdf'],
    [['mentor', 'session', 'add', 'durban-mzuzu', '--type', ''], 'contact technical-visit study-visit workshop political-visit remote'],
    [['mentor', 'init', 'x', '--mentee-kind', ''], 'city association region'],
    [['mentor', 'completion', ''], 'bash zsh fish'],
    [['mentor', '--date', '2011-03-14', 'st'], 'status'],
  // The shell lists ids in its own collation order: compare the candidates, not their order.
  ])('%j offers %j', (words, expected) => expect(complete(words).split(' ').sort()).toEqual(expected.split(' ').sort()));

  it('finds the ids from a folder inside the repository, and from -C anywhere', () => {
    expect(complete(['mentor', 'status', 'b'], path.join(EXAMPLES, 'partnerships/durban-mzuzu'))).toBe('bergen-mombasa');
    const elsewhere = tempDir();
    expect(complete(['mentor', 'status', ''], elsewhere)).toBe('');
    expect(complete(['mentor', '-C', EXAMPLES, 'status', 'r'], elsewhere)).toBe('rosario-ciudad-sur');
    expect(complete(['mentor', 'status', '--repo', EXAMPLES, 'e'], elsewhere)).toBe('ekurhuleni-blantyre');
  });

  it('parses with bash -n', () => {
    expect(spawnSync('bash', ['-n', scripts.bash]).status).toBe(0);
  });
});

describe('zsh and fish scripts', () => {
  it.skipIf(!has('zsh'))('zsh parses it (zsh -n)', () => {
    const run = spawnSync('zsh', ['-n', scripts.zsh], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it.skipIf(!has('fish'))('fish parses it (fish --no-execute)', () => {
    const run = spawnSync('fish', ['--no-execute', scripts.fish], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it('the fish script offers the commands, the stage names and the ids through a function', () => {
    const fish = mentor(['completion', 'fish']).stdout;
    expect(fish).toContain("complete -c mentor -n '__fish_use_subcommand' -a advance");
    expect(fish).toContain(`-l to -x -a '${STAGES}'`);
    expect(fish).toContain("-a '(__mentor_ids)'");
  });
});

describe('misuse', () => {
  it.each([[['completion']], [['completion', 'tcsh']]])('mentor %j exits 2', (args) => {
    const run = mentor(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
