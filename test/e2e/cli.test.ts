import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentor, ROOT, tempDir, type RunResult } from '../helpers/cli.js';

// Misuse exits 2 with one line on stderr and no stack trace; help and version exit 0.

function expectOneLineError(run: RunResult, exitCode: number) {
  expect(run.code).toBe(exitCode);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toContain('    at ');
}

describe('misuse', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown command', ['frobnicate'], /frobnicate/],
    ['a misspelt command', ['valdate'], /valdate/],
    ['an unknown flag', ['validate', '-C', 'examples', '--bogus'], /--bogus/],
    ['an unknown global flag', ['--bogus', 'validate'], /--bogus/],
    ['an unknown output format', ['validate', '-C', 'examples', '--format', 'xml'], /xml/],
    ['a flag without its value', ['validate', '-C', 'examples', '--as-of'], /--as-of/],
    ['a repository folder that does not exist', ['validate', '-C', 'no/such/folder'], /no\/such\/folder/],
    ['a path that is not a partnership file', ['validate', '-C', 'examples', 'schema'], /schema/],
  ])('%s exits 2 with one line', (_what, args, mentions) => {
    const run = mentor(args);
    expectOneLineError(run, 2);
    expect(run.stderr).toMatch(mentions);
  });

  it('no repository here exits 2 with one line naming mentor.yaml', () => {
    const run = mentor(['validate'], { cwd: tempDir() });
    expectOneLineError(run, 2);
    expect(run.stderr).toContain('mentor.yaml');
  });
});

/** The commands a help text lists (without commander's own `help`). */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

/** Every command and subcommand, found from `mentor --help` down, with its --help run. */
const HELP = (() => {
  const found: { command: string[]; run: RunResult }[] = [];
  const pending = commandsIn(mentor(['--help']).stdout).map((name) => [name]);
  while (pending.length > 0) {
    const command = pending.shift()!;
    const run = mentor([...command, '--help']);
    found.push({ command, run });
    for (const sub of commandsIn(run.stdout)) pending.push([...command, sub]);
  }
  return found;
})();

describe('help and version', () => {
  it('--version prints the version of package.json and exits 0', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = mentor(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('--help exits 0 and lists the commands with examples', () => {
    const run = mentor(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: mentor/);
    expect(run.stdout).toMatch(/validate/);
    expect(run.stdout).toMatch(/schema/);
    expect(run.stdout).toContain('Examples:');
  });

  it.each(HELP.map((h) => [h.command.join(' '), h] as const))("`mentor %s --help` exits 0 and shows examples", (_name, { run }) => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
  });

  it('finds the commands to check in the help', () => {
    expect(HELP.map((h) => h.command[0])).toEqual(expect.arrayContaining(['validate', 'schema']));
  });

  it('`mentor help validate` shows the help of validate', () => {
    const run = mentor(['help', 'validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--format/);
    expect(run.stdout).toContain('Examples:');
  });
});

describe('an internal error', () => {
  // A preloaded module makes writing to stdout throw: a failure no command expects.
  const inject = () => {
    const file = path.join(tempDir(), 'fail-stdout.mjs');
    writeFileSync(file, "process.stdout.write = () => { throw new Error('injected failure'); };\n");
    return { NODE_OPTIONS: `--import=${file}` };
  };

  it('exits 70 with one line asking to report it, without the stack', () => {
    const run = mentor(['validate', '-C', 'examples', '--as-of', '2011-03-31'], { env: inject() });
    expect(run.code).toBe(70);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/internal error/);
    expect(run.stderr).toMatch(/injected failure/);
    expect(run.stderr).toMatch(/report/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('shows the stack with DEBUG=mentor', () => {
    const run = mentor(['validate', '-C', 'examples', '--as-of', '2011-03-31'], { env: { ...inject(), DEBUG: 'mentor' } });
    expect(run.code).toBe(70);
    expect(run.stderr).toContain('    at ');
  });
});
