import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMethod } from '../../src/check/method.js';
import { parseSource } from '../../src/store/source.js';
import { ROOT } from '../helpers/cli.js';

// A method file is checked before anything is checked against it; each mistake is located.

const SMALL = `name: small
title: A small method
stages:
  - id: request
    names: { en: Request, es: Solicitud, fr: Demande }
    gate:
      - { id: request.date, check: date, path: request.date, label: the date of the request }
  - id: workplan
    names: { en: Work plan, es: Plan de trabajo, fr: Plan de travail }
    mentoring: true
    gate:
      - { id: targets, check: count, path: targets, min: 1, max: 3, label: one to three targets }
  - id: closed
    names: { en: Closed, es: Cerrada, fr: Clôturé }
    terminal: true
limits:
  max_targets: 3
ratings:
  scale: { min: 1, max: 5 }
  criteria:
    - { id: relevance, names: { en: Relevance, es: Pertinencia, fr: Pertinence } }
`;

const check = (text: string) => checkMethod(parseSource('methods/small.yaml', text));

describe('checkMethod', () => {
  it.each(['uclg', 'eu-twinning'])('the built-in method %s has no problem', (name) => {
    const result = check(readFileSync(path.join(ROOT, 'methods', `${name}.yaml`), 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.method?.stages.length).toBeGreaterThan(4);
  });

  it('resolves a small method: ranks, roles, the limits it leaves out at their defaults', () => {
    const { method, problems } = check(SMALL);
    expect(problems).toEqual([]);
    expect(method!.stages.map((s) => [s.id, s.rank, s.mentoring, s.terminal])).toEqual([
      ['request', 0, false, false],
      ['workplan', 1, true, false],
      ['closed', 2, false, true],
    ]);
    expect(method!.limits).toMatchObject({ max_targets: 3, mentoring_months: 15, technical_per_political: 1 });
    expect(method!.stages[1]!.gate[0]).toMatchObject({ check: 'count', paths: ['targets'], field: 'targets' });
  });

  /** line:column of `token` inside the first occurrence of `context`. */
  const pos = (text: string, context: string, token: string) => {
    const index = text.indexOf(context) + context.indexOf(token);
    const before = text.slice(0, index).split('\n');
    return `${before.length}:${before.at(-1)!.length + 1}`;
  };

  it.each<[string, string, string, string, string, string?]>([
    ['an unknown check', 'check: count', 'check: cuont', 'MTR080', 'cuont'],
    ['"after" naming a stage that does not exist', '    terminal: true', '    terminal: true\n    after: workplna', 'MTR081', 'workplna'],
    ['a cycle in the order', '    mentoring: true', '    mentoring: true\n    after: closed', 'MTR083', 'after: closed', 'closed'],
    ['a second stage with the same id', '  - id: closed', '  - id: workplan', 'MTR082', '- id: workplan\n    names: { en: Closed', 'workplan'],
    ['a limit that is not a positive number', 'max_targets: 3', 'max_targets: 0', 'MTR084', 'max_targets: 0', '0'],
    ['a limit that is text', 'max_targets: 3', 'max_targets: many', 'MTR084', 'many'],
    ['a check without the parameter it needs', ' path: request.date,', '', 'MTR085', '{ id: request.date', '{'],
    ['a parameter the check does not take', 'check: date,', 'check: date, side: mentee,', 'MTR085', 'side: mentee', 'side'],
    ['a path that is no field of partnership.yaml', 'path: request.date', 'path: request.dat', 'MTR085', 'request.dat,', 'request.dat'],
    ['two stages marked terminal', '    mentoring: true', '    terminal: true', 'MTR087', '    terminal: true\n    gate:', 'terminal'],
    ['an unknown key (a typo)', '    terminal: true', '    termnal: true', 'MTR012', 'termnal'],
    ['a rating scale that is empty', 'scale: { min: 1, max: 5 }', 'scale: { min: 4, max: 1 }', 'MTR084', 'scale: { min: 4', '{'],
  ])('%s is reported where it is written', (_what, find, replacement, code, context, token) => {
    const text = SMALL.replace(find, replacement);
    expect(text).not.toBe(SMALL);
    const found = check(text).problems.map((p) => `${p.code} ${p.line}:${p.column}`);
    expect(found).toContain(`${code} ${pos(text, context, token ?? context)}`);
    expect(check(text).method).toBeUndefined();
  });

  it('says which check was meant, and lists the stages where a name is unknown', () => {
    const [unknown] = check(SMALL.replace('check: count', 'check: cuont')).problems;
    expect(unknown?.hint).toBe('did you mean "count"?');
    const [stage] = check(SMALL.replace('    terminal: true', '    terminal: true\n    after: workplna')).problems;
    expect(stage?.hint).toBe('did you mean "workplan"?');
  });

  it('refuses an order that is no sequence of stages and either-order groups', () => {
    // workplan and report may come in either order, but closed follows workplan alone.
    const text = SMALL.replace('  - id: closed', `  - id: report
    names: { en: Report, es: Informe, fr: Rapport }
    after: request
  - id: closed`).replace('    terminal: true', '    terminal: true\n    after: workplan');
    expect(check(text).problems.map((p) => [p.code, p.message])).toEqual([['MTR083', '"closed" should follow every stage of the step before it (workplan, report)']]);
  });

  it('reads either-order groups: stages after the same stage share a rank', () => {
    const text = SMALL.replace('  - id: closed', `  - id: report
    names: { en: Report, es: Informe, fr: Rapport }
    after: request
  - id: closed`).replace('    terminal: true', '    terminal: true\n    after: [workplan, report]');
    const { method, problems } = check(text);
    expect(problems).toEqual([]);
    expect(method!.stages.map((s) => `${s.id}:${s.rank}`)).toEqual(['request:0', 'workplan:1', 'report:1', 'closed:2']);
  });
});
