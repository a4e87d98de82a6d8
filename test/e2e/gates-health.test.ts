import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor } from '../helpers/cli.js';
import { keysOf, readJson } from '../helpers/formats.js';
import { Planter, positionIn } from '../helpers/plant.js';

const P = (id: string) => `partnerships/${id}/partnership.yaml`;
const validate = (root: string, ...flags: string[]) => {
  const run = mentor(['validate', '--format', 'json', ...flags], { cwd: root });
  return { code: run.code, report: readJson(run.stdout) };
};

describe('health warnings', () => {
  const AS_OF = '2011-04-30';

  /** One health warning planted in each partnership, as of 30 April 2011. */
  function plantHealth(root: string) {
    const t = new Planter(root);
    // more than 15 months in mentoring
    t.replace(P('rosario-ciudad-sur'), '  - stage: mentoring\n    date: 2010-03-22', '  - stage: mentoring\n    date: 2010-01-11')
      .expect('MTR060', P('rosario-ciudad-sur'), 'stage: mentoring\nstatus', 'mentoring');
    // no session for more than 120 days: the last one (2011-02-21) removed, 2010-11-08 is then the last
    rmSync(path.join(root, 'partnerships/durban-mzuzu/sessions/2011-02-21-planning-approvals-review.yaml'));
    t.expect('MTR061', P('durban-mzuzu'), 'stage: mentoring\nstatus', 'mentoring');
    // a target past due and still in progress; a milestone past due (2011-04-29) was already there
    t.replace(P('durban-mzuzu'), '    due: 2011-09-30', '    due: 2011-03-31').expect('MTR064', P('durban-mzuzu'), 'due: 2011-03-31', '2011-03-31');
    t.expect('MTR066', P('durban-mzuzu'), 'due: 2011-04-29', '2011-04-29');
    t.expect('MTR066', P('ekurhuleni-blantyre'), 'due: 2011-04-29', '2011-04-29');
    // more political than technical sessions: Durban - ALAN's only session made political
    const workshop = 'partnerships/durban-alan/sessions/2011-03-01-task-force-and-roadmap-workshop.yaml';
    t.replace(workshop, 'level: technical', 'level: political').expect('MTR062', P('durban-alan'), 'stage: setup\nstatus', 'setup');
    // a planned session in the past, never logged
    t.replace(P('bergen-mombasa'), '  - date: 2011-06-06', '  - date: 2011-04-04').expect('MTR065', P('bergen-mombasa'), '- date: 2011-04-04', '2011-04-04');
    return { planter: t, expected: t.commit() };
  }

  it('reports MTR060, 061, 062, 064, 065 and 066 where each belongs, and nothing else; warnings alone exit 0', () => {
    const root = copyOfExamples();
    const { expected } = plantHealth(root);
    const { code, report } = validate(root, '--as-of', AS_OF);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, errors: 0 });
    expect(report.problems.every((p) => p.severity === 'warning')).toBe(true);
    // By 30 April some actions of the examples are past due and open: stall alerts, tested in planted.test.ts.
    report.problems = report.problems.filter((p) => p.code !== 'MTR067');
    expect(keysOf(report.problems)).toEqual(keysOf(expected));
    expect(new Set(report.problems.map((p) => p.code))).toEqual(new Set(['MTR060', 'MTR061', 'MTR062', 'MTR064', 'MTR065', 'MTR066']));
  });

  it('once in mentoring, more than 5 targets is a warning (MTR063) at the targets list, not an unmet gate', () => {
    const root = copyOfExamples();
    const t = new Planter(root).replace(
      P('johannesburg-lilongwe'),
      '      removed from the daily markets.\nmilestones:',
      '      removed from the daily markets.\n  - id: street-lights\n    title: Street lights\n    indicator: Main roads lit\n    due: 2012-12-31\n    status: not-started\nmilestones:',
    );
    t.commit();
    const { code, report } = validate(root, '--as-of', '2011-03-31');
    expect(report.problems.map((p) => [p.file, p.code, p.severity])).toEqual([[P('johannesburg-lilongwe'), 'MTR063', 'warning']]);
    // It points at the targets list: its key or its first item.
    const text = t.text(P('johannesburg-lilongwe'));
    expect([positionIn(text, '\ntargets:', 'targets').line, positionIn(text, '- id: performance-management').line]).toContain(report.problems[0]!.line);
    expect(code).toBe(0);
  });

  it('--strict fails on the same warnings, as errors', () => {
    const root = copyOfExamples();
    plantHealth(root);
    const { code, report } = validate(root, '--as-of', AS_OF, '--strict');
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(report.problems.length);
    expect(report.warnings).toBe(0);
  });

  it('warns about nothing in a suspended partnership', () => {
    const root = copyOfExamples();
    plantHealth(root);
    new Planter(root)
      .replace(P('durban-mzuzu'), 'status: active', 'status: suspended')
      .replace(P('durban-mzuzu'), '    date: 2010-07-05\n', '    date: 2010-07-05\n  - status: suspended\n    date: 2011-01-10\n    reason: Local elections postponed\n')
      .commit();
    const { report } = validate(root, '--as-of', AS_OF);
    expect(report.problems.filter((p) => p.file.startsWith('partnerships/durban-mzuzu/'))).toEqual([]);
    expect(report.problems.some((p) => p.code === 'MTR066' && p.file === P('ekurhuleni-blantyre'))).toBe(true);
  });
});

describe('gates against the recorded stage', () => {
  const AS_OF = '2011-03-31';

  /** Three partnerships moved ahead by hand past unmet gates; with `forced`, recorded as forced moves. */
  function plantJumps(root: string, forced: boolean) {
    const how = forced ? '    forced: true\n    reason: Agreed at the steering committee\n' : '';
    const t = new Planter(root);
    // Durban - ALAN into mentoring without targets
    t.replace(P('durban-alan'), 'stage: setup\nstatus', 'stage: mentoring\nstatus')
      .replace(P('durban-alan'), '    date: 2011-01-24\n', `    date: 2011-01-24\n  - stage: mentoring\n    date: 2011-03-04\n${how}`)
      .expect('1', P('durban-alan'), 'stage: mentoring\nstatus', 'mentoring');
    // Ekurhuleni - Blantyre from agreement to mentoring: Blantyre's approval, the task force and targets missing
    t.replace(P('ekurhuleni-blantyre'), 'stage: agreement\nstatus', 'stage: mentoring\nstatus')
      .replace(P('ekurhuleni-blantyre'), '    date: 2010-11-01\n', `    date: 2010-11-01\n  - stage: mentoring\n    date: 2011-03-01\n${how}`)
      .expect('3', P('ekurhuleni-blantyre'), 'stage: mentoring\nstatus', 'mentoring');
    // Johannesburg - Lilongwe from launch to promotion before its evaluation
    t.replace(P('johannesburg-lilongwe'), 'stage: launch\nstatus', 'stage: promotion\nstatus')
      .replace(P('johannesburg-lilongwe'), '(evaluation planned for mid-2011).\n', `(evaluation planned for mid-2011).\n  - stage: promotion\n    date: 2011-03-20\n${how}`)
      .expect('1', P('johannesburg-lilongwe'), 'stage: promotion\nstatus', 'promotion');
    // The code field carries how many unmet requirements each partnership has.
    return t.commit().map((e) => ({ ...e, count: Number(e.code) }));
  }

  it.each([
    [false, 'MTR050', 'error', 1],
    [true, 'MTR051', 'warning', 0],
  ] as const)('forced %s: every unmet requirement is %s (%s) at the stage line; exit %i', (forced, code, severity, exit) => {
    const root = copyOfExamples();
    const expected = plantJumps(root, forced);
    const { code: exitCode, report } = validate(root, '--as-of', AS_OF);
    expect(exitCode).toBe(exit);
    expect(report.problems.every((p) => p.code === code && p.severity === severity)).toBe(true);
    for (const e of expected) {
      const here = report.problems.filter((p) => p.file === e.file);
      expect(here.map((p) => `${p.line}:${p.column}`)).toEqual(Array(e.count).fill(`${e.line}:${e.column}`));
    }
    expect(report.problems.length).toBe(5);
  });

  it('names each unmet requirement in its message', () => {
    const root = copyOfExamples();
    plantJumps(root, false);
    const messages = validate(root, '--as-of', AS_OF).report.problems.filter((p) => p.file === P('ekurhuleni-blantyre')).map((p) => p.message).join('\n');
    expect(messages).toMatch(/mentee side/);
    expect(messages).toMatch(/task force/);
    expect(messages).toMatch(/targets/);
  });

  it('--strict fails on forced moves with unmet gates', () => {
    const root = copyOfExamples();
    plantJumps(root, true);
    expect(validate(root, '--as-of', AS_OF, '--strict').code).toBe(1);
  });

  it('accepts a launch before the evaluation (either order, SPEC section 1)', () => {
    // The examples already have Lilongwe launched before its evaluation; nothing is reported.
    const { code, report } = validate(copyOfExamples(), '--as-of', AS_OF, 'partnerships/johannesburg-lilongwe');
    expect(code).toBe(0);
    expect(report.problems).toEqual([]);
  });
});
