// The built-in methods are checked when mentor is built, and a command takes that result only for
// the very bytes that were checked (src/ops/method-snapshot.ts). Through copies of the build: the
// method taken from the build is the one checking the file gives, and a built-in method edited
// after the build is checked again, in full, its problems reported like any method's.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfBuild, copyOfExamples, mentor } from '../helpers/cli.js';

/** A copy of the build whose built-in method uclg is `edit` of the one it was built with. */
function buildWithMethod(edit: (text: string) => string): string {
  const copy = copyOfBuild();
  const file = path.join(copy, 'methods/uclg.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return path.join(copy, 'bin/mentor.js');
}

function run(bin: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('built-in methods checked at build time', () => {
  it('give the method that checking the file gives, and an edited file is checked again', () => {
    const root = copyOfExamples();
    // The same bytes as at build time, then a comment more: the second is checked when the command runs.
    const asBuilt = mentor(['method', 'show', '--json'], { cwd: root });
    const edited = run(buildWithMethod((text) => `${text}# edited after the build\n`), ['method', 'show', '--json'], root);
    expect(asBuilt.code, asBuilt.stderr).toBe(0);
    expect(edited.code, edited.stderr).toBe(0);
    expect(JSON.parse(asBuilt.stdout)).toStrictEqual(JSON.parse(edited.stdout));
    // A change that shows: a stage's English name.
    const renamed = run(buildWithMethod((text) => text.replace(/en: Evaluation\b/, 'en: Joint evaluation')), ['method', 'show'], root);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toMatch(/evaluation +Joint evaluation/);
  });

  it('a built-in method broken after the build is reported, and nothing is checked against it', () => {
    const root = copyOfExamples();
    const bin = buildWithMethod((text) => text.replace(/check: present\b/, 'check: presentx'));
    const validate = run(bin, ['validate', '--as-of', '2011-04-01'], root);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/methods\/uclg\.yaml:\d+:\d+ error MTR080 "presentx" is not a check mentor has/);
    const advance = run(bin, ['advance', 'johannesburg-lilongwe', '--dry-run', '--date', '2011-04-01'], root);
    expect(advance.code).toBe(1);
    expect(advance.stderr).toContain('the method "uclg" has 1 error; no partnership can be checked against it');
  });
});
