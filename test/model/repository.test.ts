import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../src/check/schema.js';
import { RepositoryConfigSchema } from '../../src/model/repository.js';
import { parseSource } from '../../src/store/source.js';

const problemsOf = (text: string) =>
  checkSchema(parseSource('mentor.yaml', text), RepositoryConfigSchema, 'the repository settings').map((p) => [p.code, p.line, p.column, p.message]);

const IATI = (reportingOrg: string) => `name: UCLG city mentoring\niati:\n  reporting_org:\n${reportingOrg}`;

describe('mentor.yaml iati block', () => {
  it('accepts a complete block', () => {
    expect(problemsOf(IATI('    ref: XM-TEST-1\n    name: UCLG\n    type: 40\n'))).toEqual([]);
  });

  it('is optional', () => {
    expect(problemsOf('name: UCLG city mentoring\n')).toEqual([]);
  });

  it('points at an unknown organisation type code, line and column', () => {
    const [p, ...rest] = problemsOf(IATI('    ref: XM-TEST-1\n    name: UCLG\n    type: 99\n'));
    expect(rest).toEqual([]);
    expect(p?.slice(1, 3)).toEqual([6, 11]);
    expect(p?.[0]).toBe('MTR013');
  });

  it('points at an identifier with a space or a slash', () => {
    expect(problemsOf(IATI('    ref: XM DAC/1\n    name: UCLG\n    type: 40\n')).map((p) => p.slice(1, 3))).toEqual([[4, 10]]);
  });

  it('names every missing field and refuses unknown keys (strict), each where it is', () => {
    const problems = problemsOf(IATI('    ref: XM-TEST-1\n    nme: UCLG\n'));
    expect(problems.map((p) => p[0])).toEqual(expect.arrayContaining(['MTR010', 'MTR012']));
    const unknown = problems.find((p) => p[0] === 'MTR012')!;
    expect(unknown.slice(1, 3)).toEqual([5, 5]);
    // The misspelt "nme" stands for "name": one problem, not two.
    expect(problems.filter((p) => p[0] === 'MTR010').map((p) => p[3])).toEqual(['missing required key "type"']);
  });
});
