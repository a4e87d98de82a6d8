// Without a terminal, a command missing a required value never prompts and never waits: it exits
// 2 at once, naming every missing flag, whether standard input is /dev/null or an open pipe that
// sends nothing, and whether CI is set or not.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor, tempDir } from '../helpers/cli.js';
import { snapshot, spawnMentor, type SpawnOptions } from '../lifecycle/support.js';
import { LONG } from '../robustness/figures.js';

const STDIN: { name: string; stdin: SpawnOptions['stdin'] }[] = [
  { name: 'stdin from /dev/null', stdin: 'ignore' },
  { name: 'stdin an open pipe that sends nothing', stdin: 'open' },
];
const ENVS: { name: string; env: Record<string, string | undefined> }[] = [
  { name: 'CI=true', env: { CI: 'true' } },
  { name: 'CI unset', env: { CI: undefined } },
];
const ALL_MODES = STDIN.flatMap((s) => ENVS.map((e) => ({ ...s, ...e, label: `${s.name}, ${e.name}` })));
// Each way of standard input and each CI setting at least once; every pair with MENTOR_LONG=1.
const MODES = LONG ? ALL_MODES : ALL_MODES.filter((_, i) => i === 0 || i === ALL_MODES.length - 1);

// A process waiting for input never exits by itself: it is killed at this deadline and the test
// fails. Far above a command's time on a busy machine, so the verdict does not depend on speed.
const PROMPT_DEADLINE_MS = 60_000;

/** In a process of its own with the mode's standard input and CI setting, or (`in-process`) as `run` with no terminal and CI unset. */
async function expectUsageError(args: string[], cwd: string, mode: (typeof MODES)[number] | 'in-process', named: string[], notNamed: string[] = []) {
  const before = snapshot(cwd);
  const result = mode === 'in-process' ? { ...mentor(args, { cwd, env: { CI: undefined } }), killed: false } : await spawnMentor(args, { cwd, stdin: mode.stdin, env: mode.env, timeoutMs: PROMPT_DEADLINE_MS });
  expect(result.killed, `${args.join(' ')} waited for input (${mode === 'in-process' ? mode : mode.label})`).toBe(false);
  expect(result.code, result.stderr).toBe(2);
  const message = result.stderr.split('\n').find((line) => line.includes('missing')) ?? '';
  for (const flag of named) expect(message, result.stderr).toMatch(new RegExp(`${flag}(?![a-z-])`));
  for (const flag of notNamed) expect(message).not.toMatch(new RegExp(`${flag}(?![a-z-])`));
  expect(result.stdout).toBe('');
  expect(snapshot(cwd), 'nothing is written').toEqual(before);
  return result;
}

describe.each(MODES)('without a terminal ($label)', (mode) => {
  it('init with nothing but an id names --mentor, --mentor-country, --mentee, --mentee-country and --topic', async () => {
    const dir = tempDir();
    await expectUsageError(['init', 'ekurhuleni-mzuzu'], dir, mode, ['--mentor', '--mentor-country', '--mentee', '--mentee-country', '--topic']);
    expect(existsSync(path.join(dir, 'mentor.yaml')), 'no repository is created either').toBe(false);
  });

  it('session add without --title, --type, --level and --host names them', async () => {
    const root = copyOfExamples();
    await expectUsageError(['session', 'add', 'durban-mzuzu', '--date', '2011-03-28', '--location', 'Mzuzu'], root, mode, ['--title', '--type', '--level', '--host'], ['--date', '--location']);
  });
});

describe('without a terminal, only what is missing is named', () => {
  // Which flags are named is the command's own logic: in this process (no terminal, CI unset), and
  // in a process of its own with an open pipe on standard input, the case that hangs when prompts
  // are not guarded, with MENTOR_LONG=1. (Each way of standard input has its process above.)
  const mode = LONG ? ALL_MODES.find((m) => m.stdin === 'open' && m.env.CI === undefined)! : 'in-process';

  it('init with a mentor still "tbd" does not ask for its country', async () => {
    await expectUsageError(['init', 'mzuzu-revenue', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council'], tempDir(), mode, ['--mentee-country', '--topic'], ['--mentor', '--mentor-country', '--mentee']);
  });

  it('init with the mentor named but no country asks for --mentor-country', async () => {
    await expectUsageError(
      ['init', 'ekurhuleni-mzuzu', '--mentor', 'Ekurhuleni Metropolitan Municipality', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection'],
      tempDir(),
      mode,
      ['--mentor-country'],
      ['--mentor', '--mentee', '--mentee-country', '--topic'],
    );
  });

  it('session add with only --title missing names only --title', async () => {
    await expectUsageError(['session', 'add', 'durban-mzuzu', '--type', 'contact', '--level', 'technical', '--host', 'mentee'], copyOfExamples(), mode, ['--title'], ['--type', '--level', '--host']);
  });

  it('--yes never prompts, even where a terminal would', async () => {
    const result = await spawnMentor(['init', 'ekurhuleni-mzuzu', '--yes'], { cwd: tempDir(), stdin: 'open', env: { CI: undefined }, timeoutMs: PROMPT_DEADLINE_MS });
    expect(result.killed).toBe(false);
    expect(result.code).toBe(2);
  });
});
