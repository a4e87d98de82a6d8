import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ProblemCode } from '../../src/model/problem.js';
import { EXAMPLES, mentor, tempDir, type RunResult } from '../helpers/cli.js';
import { ANSI, keysOf, readGithub, readJson, readSarif, readText } from '../helpers/formats.js';
import { copyForFile, keyOf, type Expected } from '../helpers/plant.js';
import { AS_OF, plantProblems, type PlantedRepo } from '../helpers/planted-repo.js';

// One copy of the examples with every planted problem, validated once per format.

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
// Planted when the file is collected, so the expected problems can name the test cases.
const root = copyForFile(EXAMPLES);
const planted: PlantedRepo = plantProblems(root);
const runs = {} as Record<(typeof FORMATS)[number], RunResult>;
let summaryBefore: string;
let summary: string;

beforeAll(() => {
  const summaryFile = path.join(tempDir(), 'step-summary.md');
  summaryBefore = '# Earlier step\n\nkept as it was\n';
  writeFileSync(summaryFile, summaryBefore);
  for (const format of FORMATS) {
    const env = format === 'github' ? { GITHUB_STEP_SUMMARY: summaryFile } : { GITHUB_STEP_SUMMARY: undefined };
    runs[format] = mentor(['validate', '--as-of', AS_OF, '--format', format], { cwd: root, env });
  }
  summary = readFileSync(summaryFile, 'utf8');
});

/** Whether a reported problem is the planted one. A syntax error may point at its line's start or at its first token. */
function matches(reported: { file: string; line: number; column: number; code: string }, planted: Expected): boolean {
  if (reported.file !== planted.file || reported.line !== planted.line || reported.code !== planted.code) return false;
  return reported.column === planted.column || (planted.code === 'MTR001' && reported.column === 1);
}

describe('validate on a repository with planted problems', () => {
  it('plants at least a dozen different codes', () => {
    expect(new Set(planted.expected.map((e) => e.code)).size).toBeGreaterThanOrEqual(12);
  });

  it.each(FORMATS)('exits 1 in %s format, without a stack trace', (format) => {
    expect(runs[format].code).toBe(1);
    expect(runs[format].stderr).not.toContain('    at ');
  });

  it.each(planted.expected.map((want) => [`${want.code} at ${want.file.replace(/^partnerships\//, '')}:${want.line}:${want.column}`, want] as const))('reports %s', (_name, want) => {
    const { problems } = readJson(runs.json.stdout);
    const found = problems.filter((p) => matches(p, want));
    expect(found, `${keyOf(want)} among:\n${keysOf(problems.filter((p) => p.file === want.file)).join('\n')}`).not.toHaveLength(0);
    expect(found[0]!.severity).toBe(PROBLEM_CODES[want.code as ProblemCode].severity);
    expect(found[0]!.message).not.toBe('');
  });

  it('the four formats report the same (file, line, column, code) list', () => {
    const json = keysOf(readJson(runs.json.stdout).problems);
    expect(json.length).toBeGreaterThanOrEqual(planted.expected.length);
    expect(keysOf(readText(runs.text.stdout))).toEqual(json);
    expect(keysOf(readGithub(runs.github.stdout))).toEqual(json);
    expect(keysOf(readSarif(runs.sarif.stdout).problems)).toEqual(json);
  });

  it('reports nothing in the files left as they were', () => {
    const elsewhere = readJson(runs.json.stdout).problems.filter((p) => !planted.touched.has(p.file));
    expect(keysOf(elsewhere)).toEqual([]);
  });
});

describe('text format', () => {
  it('prints each problem as file:line:col severity CODE message, with the source line and a caret under the column', () => {
    const diagnostics = readText(runs.text.stdout);
    expect(diagnostics.length).toBe(readJson(runs.json.stdout).problems.length);
    let checked = 0;
    for (const d of diagnostics) {
      // A stray file (MTR024) is not read, so it has no source line to show.
      if (!planted.touched.has(d.file) || !d.file.endsWith('.yaml') || d.code === 'MTR024') continue;
      const source = planted.planter.sourceLine(d.file, d.line);
      if (source.trim() === '') continue;
      const shown = d.after.findIndex((line) => line.endsWith(source) && new RegExp(`\\b${d.line}\\b`).test(line.slice(0, line.length - source.length)));
      expect(shown, `${d.file}:${d.line} should show ${JSON.stringify(source)} in:\n${d.after.join('\n')}`).toBeGreaterThanOrEqual(0);
      const sourceStart = d.after[shown]!.length - source.length;
      const caret = d.after[shown + 1] ?? '';
      expect(caret.indexOf('^'), `caret of ${d.file}:${d.line}:${d.column}`).toBe(sourceStart + d.column - 1);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['MTR012', 'unknown key "stge" (did you mean "stage"?)'],
    ['MTR012', 'unknown key "progamme" (did you mean "programme"?)'],
    ['MTR012', 'unknown key "organization" (did you mean "organisation"?)'],
    ['MTR013', '(did you mean "technical"?)'],
  ])('%s says %s on its line', (code, words) => {
    const lines = readText(runs.text.stdout).filter((d) => d.code === code).map((d) => d.message);
    expect(lines.some((message) => message.includes(words)), lines.join('\n')).toBe(true);
  });

  it('ends with a summary of errors and warnings and has no colour without a terminal', () => {
    const { errors } = readJson(runs.json.stdout);
    expect(runs.text.stdout).toMatch(new RegExp(`${errors} errors?`));
    expect(runs.text.stdout).not.toMatch(ANSI);
  });
});

describe('json format', () => {
  it('prints exactly one JSON document with ok, errors, warnings and every field of every problem', () => {
    const report = readJson(runs.json.stdout);
    expect(report.ok).toBe(false);
    expect(report.errors).toBe(report.problems.filter((p) => p.severity === 'error').length);
    expect(report.warnings).toBe(report.problems.filter((p) => p.severity === 'warning').length);
    expect(report.errors).toBeGreaterThan(0);
    for (const p of report.problems) {
      expect(Object.keys(p).sort()).toEqual(['code', 'column', 'file', 'hint', 'line', 'message', 'severity']);
      expect(p).toMatchObject({ file: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
      expect(p.code).toMatch(/^MTR\d{3}$/);
      expect(['error', 'warning']).toContain(p.severity);
      expect(p.hint === null || typeof p.hint === 'string').toBe(true);
      expect(p.file).not.toMatch(/^\/|\\/);
    }
  });

  it('carries the did-you-mean hint of a misspelt key', () => {
    const stge = readJson(runs.json.stdout).problems.find((p) => p.code === 'MTR012' && p.message.includes('"stge"'));
    expect(stge?.hint).toContain('stage');
  });
});

describe('github format', () => {
  it('prints one ::error or ::warning workflow command per problem with file, line, col and title', () => {
    const commands = readGithub(runs.github.stdout);
    expect(commands.length).toBe(readJson(runs.json.stdout).problems.length);
    for (const c of commands) expect(c.title).toMatch(/^MTR\d{3}\b/);
    expect(commands.some((c) => c.severity === 'error')).toBe(true);
  });

  it('appends a Markdown table of every problem to $GITHUB_STEP_SUMMARY, keeping what was there', () => {
    expect(summary.startsWith(summaryBefore)).toBe(true);
    const added = summary.slice(summaryBefore.length);
    expect(added).toMatch(/^\|.*\|\s*$/m);
    expect(added).toMatch(/^\|\s*:?-{3,}:?\s*\|/m);
    for (const p of readJson(runs.json.stdout).problems) expect(added).toContain(p.code);
    const rows = added.split('\n').filter((line) => /^\|.*MTR\d{3}/.test(line));
    expect(rows.length).toBe(readJson(runs.json.stdout).problems.length);
  });
});

describe('sarif format', () => {
  it('is SARIF 2.1.0: tool.driver.rules, and results with ruleId, level and a physical location', () => {
    const { log } = readSarif(runs.sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('mentor');
    const ruleIds = new Set(run.tool.driver.rules.map((r) => r.id));
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(ruleIds.has(result.ruleId)).toBe(true);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).not.toBe('');
      const location = result.locations[0]!.physicalLocation;
      expect(location.artifactLocation.uri).not.toMatch(/^\//);
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });
});
