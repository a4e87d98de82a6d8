// The exit codes of SPEC section 4 for the lifecycle commands, from the real binary, on a
// representative part of the table in test/lifecycle/exit-cases.ts (test/lifecycle/exit-codes.test.ts
// runs all of it in process): 1 when the data fails a check, 2 for usage. A failing command writes
// nothing.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentor, tempDir } from '../helpers/cli.js';
import { CASES, checkCase, sandbox, type Runner } from '../lifecycle/exit-cases.js';
import { snapshot } from '../lifecycle/support.js';

const binary: Runner = async (args, cwd, stdin) => mentor(args, { cwd, ...(stdin !== undefined && { input: stdin }) });

describe('exit codes of the binary', () => {
  it.each(CASES.filter((c) => c.e2e))('$name → $code', (c) => checkCase(binary, c));

  it('a refused move (exit 1) lists every unmet requirement on stderr and what to do', () => {
    const { root } = sandbox();
    const result = mentor(['advance', 'ekurhuleni-blantyre', '--to', 'mentoring', '--date', '2011-03-31'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    for (const text of ['political approval on the mentee side', '→ task_force', '→ targets', '--force --reason']) expect(result.stderr).toContain(text);
    expect(result.stderr).not.toContain('political approval on the mentor side');
  });

  it('a dry run prints the gates on stdout: exit 0 when they are met, and nothing is written', () => {
    const { base, root } = sandbox();
    const before = snapshot(base);
    const result = mentor(['advance', 'durban-mzuzu', '--date', '2011-03-31', '--dry-run'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('durban-mzuzu: mentoring → evaluation (dry run, nothing written)');
    expect(result.stdout).toContain('Gate of "evaluation": 1 of 1 requirements met');
    expect(snapshot(base)).toEqual(before);
  });

  it('session add --from a valid file, with flags adding to it, exits 0', () => {
    const { root } = sandbox();
    writeFileSync(path.join(root, 'visit.json'), JSON.stringify({ date: '2011-03-28', title: 'Planning approvals clinic', type: 'workshop', level: 'technical', host: 'mentee' }));
    const result = mentor(['session', 'add', 'durban-mzuzu', '--from', 'visit.json', '--location', 'Mzuzu'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('partnerships/durban-mzuzu/sessions/2011-03-28-planning-approvals-clinic.yaml');
  });

  it('no repository is a usage error', () => {
    const dir = tempDir();
    for (const args of [['status'], ['advance', 'durban-mzuzu'], ['session', 'list', 'durban-mzuzu']]) {
      const result = mentor(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no mentor repository');
    }
    expect(snapshot(dir)).toEqual({});
  });
});
