import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';

// The method commands through the built binary (which must find methods/ beside its bundle).

describe('mentor method', () => {
  it('show prints the stages, each gate in words and the limits of the active method', () => {
    const run = mentor(['method', 'show', '-C', EXAMPLES]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('UCLG city-to-city mentoring (uclg, built in)');
    expect(run.stdout).toMatch(/6 +evaluation +Evaluation +either order with launch/);
    expect(run.stdout).toContain('  - political approval on the mentee side (the approving body and the date)  [agreement.approvals]');
    expect(run.stdout).toMatch(/technical_per_political +1/);
  });

  it('show --json is one JSON document', () => {
    const run = mentor(['method', 'show', '--json', '-C', EXAMPLES]);
    const method = JSON.parse(run.stdout) as { stages: { id: string }[] };
    expect(method.stages.map((s) => s.id)).toEqual(['request', 'assessment', 'agreement', 'setup', 'mentoring', 'evaluation', 'launch', 'promotion', 'closed']);
  });

  it('init copies a method into the repository and uses it; a second init refuses to overwrite (exit 2)', () => {
    const root = copyOfExamples();
    const first = mentor(['method', 'init', 'uclg', '-C', root]);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'mentor.yaml'), 'utf8')).toContain('method: methods/uclg.yaml');
    expect(mentor(['method', 'show', '-C', root]).stdout).toContain('(uclg, methods/uclg.yaml)');
    const again = mentor(['method', 'init', 'uclg', '-C', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite');
  });

  it('a broken method file fails validate first, located, and blocks advance (exit 1)', () => {
    const root = copyOfExamples();
    mentor(['method', 'init', 'uclg', '-C', root]);
    const file = path.join(root, 'methods/uclg.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('max_targets: 5', 'max_targets: -5'));
    const run = mentor(['validate', '-C', root, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { problems: { file: string; code: string }[] };
    expect(report.problems.map((p) => `${p.file} ${p.code}`)).toEqual(['methods/uclg.yaml MTR084']);
    const advance = mentor(['advance', 'durban-alan', '-C', root]);
    expect(advance.code).toBe(1);
    expect(advance.stderr).toContain('methods/uclg.yaml');
  });

  it('advance --to names the stages of the method when given another', () => {
    const run = mentor(['advance', 'durban-alan', '--to', 'workplan', '-C', EXAMPLES]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the stages are: request, assessment, agreement, setup, mentoring, evaluation, launch, promotion, closed');
  });

  it('--help shows examples', () => {
    for (const args of [['method', '--help'], ['method', 'show', '--help'], ['method', 'init', '--help']]) {
      const run = mentor(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('mentor method');
    }
  });
});
