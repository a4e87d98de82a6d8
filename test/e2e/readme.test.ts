// The README's "Set up" and walk-through, run verbatim with `mentor` on the PATH as `npm link`
// puts it there: a newcomer who follows the README gets what it shows, or this test fails.
//
// Blocks marked `<!-- readme-test: set-up ... -->` or `<!-- readme-test: walk-through ... -->` are
// read from README.md. Each command (with its `\` continuation lines) must exit 0, or the code its
// trailing comment names (`# exits 1: ...`); each `#   text` line under it must appear in what it
// printed. The walk-through runs in one shell, in an empty folder outside the clone.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface ReadmeCommand {
  command: string;
  exit: number;
  shows: string[];
}

/** The fenced blocks that follow a `<!-- readme-test: <kind> ... -->` marker, as commands. */
function readmeCommands(markdown: string, kind: string): ReadmeCommand[] {
  const blocks = [...markdown.matchAll(/^<!-- readme-test: ([\w-]+)[^\n]*-->\n```sh\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === kind);
  const commands: ReadmeCommand[] = [];
  for (const block of blocks) {
    const lines = block[2]!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const shown = /^# {3}(.*)$/.exec(line);
      if (shown) {
        commands.at(-1)!.shows.push(shown[1]!.trim());
        continue;
      }
      if (line.trim() === '' || line.startsWith('#')) continue;
      let command = line;
      while (command.endsWith('\\')) command += `\n${lines[++i]}`;
      const exit = /#\s*exits (\d+)/.exec(command.split('\n').at(-1)!);
      commands.push({ command, exit: exit ? Number(exit[1]) : 0, shows: [] });
    }
  }
  return commands;
}

/** A bin folder with a `mentor` that runs this checkout's build, as `npm link` would install it. */
function linkedBin(): string {
  const bin = path.join(tempDir('mentor-bin-'), 'bin');
  mkdirSync(bin);
  const shim = path.join(bin, 'mentor');
  writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

interface Ran extends ReadmeCommand {
  code: number;
  output: string;
}

/** Run the commands one after the other in one bash, from `cwd`, recording each one's exit code and output. */
function runInOneShell(commands: ReadmeCommand[], cwd: string): Ran[] {
  const logs = tempDir('mentor-readme-logs-');
  const script = commands
    .map((c, i) => `{\n${c.command}\n} >'${logs}/${i}.out' 2>&1 </dev/null; echo $? >'${logs}/${i}.code'`)
    .join('\n');
  const home = tempDir('mentor-home-');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: `${linkedBin()}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: home,
      TZ: process.env.TZ ?? 'UTC',
      NO_COLOR: '1',
      // A fresh machine's git: no configuration but an identity, so `git commit` works.
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Programme secretariat',
      GIT_AUTHOR_EMAIL: 'secretariat@example.invalid',
      GIT_COMMITTER_NAME: 'Programme secretariat',
      GIT_COMMITTER_EMAIL: 'secretariat@example.invalid',
    },
  });
  expect(result.status, result.stderr).toBe(0);
  return commands.map((c, i) => ({
    ...c,
    code: Number(readFileSync(path.join(logs, `${i}.code`), 'utf8')),
    output: readFileSync(path.join(logs, `${i}.out`), 'utf8'),
  }));
}

function expectAsShown(ran: Ran[]): void {
  for (const r of ran) {
    const about = `${r.command}\n--- printed ---\n${r.output}`;
    expect(r.code, about).toBe(r.exit);
    for (const line of r.shows) expect(r.output, about).toContain(line);
  }
}

describe('the README, followed to the letter', () => {
  it('finds the marked blocks', () => {
    expect(readmeCommands(README, 'set-up').length).toBeGreaterThanOrEqual(3);
    expect(readmeCommands(README, 'walk-through').length).toBeGreaterThanOrEqual(10);
    expect(README).not.toMatch(/npx mentor (?!runs an unrelated)/);
  });

  it('"Set up": installs with npm link, then each command exits as shown', () => {
    const [install, ...rest] = readmeCommands(README, 'set-up');
    // The install is what this test stands in for (a bin folder on PATH), so it must be the one the README gives.
    expect(install!.command).toBe('npm ci && npm link');
    expectAsShown(runInOneShell(rest, ROOT));
  });

  it('the walk-through, in an empty folder outside the clone: each command exits as shown', () => {
    const commands = readmeCommands(README, 'walk-through');
    const ran = runInOneShell(commands, tempDir('mentor-walk-'));
    expectAsShown(ran);
    expect(ran.some((r) => r.exit !== 0), 'the walk-through shows a refused move').toBe(true);
  });
});

describe('reading the marked blocks', () => {
  it('joins continuation lines, reads the exit code and the lines shown', () => {
    const md = ['<!-- readme-test: walk-through -->', '```sh', 'mentor a \\', '  --b  # exits 1: no', '#   shown', '# a comment', '', 'mentor c', '```', ''].join('\n');
    expect(readmeCommands(md, 'walk-through')).toEqual([
      { command: 'mentor a \\\n  --b  # exits 1: no', exit: 1, shows: ['shown'] },
      { command: 'mentor c', exit: 0, shows: [] },
    ]);
    expect(readmeCommands(md, 'set-up')).toEqual([]);
  });
});
