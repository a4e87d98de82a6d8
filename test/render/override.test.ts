import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DataError } from '../../src/errors.js';
import { renderReport, type ReportOptions } from '../../src/ops/report.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples } from '../helpers/cli.js';

const options = (root: string, extra: Partial<ReportOptions> = {}): ReportOptions => ({
  cwd: root,
  today: '2011-03-31',
  id: 'johannesburg-lilongwe',
  kind: 'tor',
  format: 'md',
  stdout: true,
  env: {},
  ...extra,
});

const report = (root: string, extra: Partial<ReportOptions> = {}) => renderReport(openRepository(root), options(root, extra));

function withTemplate(file: string, text: string): string {
  const root = copyOfExamples();
  mkdirSync(path.dirname(path.join(root, 'templates', file)), { recursive: true });
  writeFileSync(path.join(root, 'templates', file), text);
  return root;
}

test("a repository's own templates/tor.md.hbs replaces the built-in ToR", async () => {
  const root = withTemplate('tor.md.hbs', '# Our own ToR for {{text title}}\n\n{{t "tor.definition"}}\n');
  expect((await report(root)).output).toBe('# Our own ToR for Johannesburg – Lilongwe City Development Strategy\n\nMentoring is understood as the programme defines it: the mentor is “a trusted advisor and a critical friend”. The mentor advises; the mentee leads the process and owns its results.\n');
  // The other kinds still use the built-in templates.
  expect((await report(root, { kind: 'roadmap' })).output).toMatch(/^# Roadmap: /);
});

test('a partial placed in templates/partials/ replaces the built-in one in every document', async () => {
  const root = withTemplate('partials/header.md.hbs', '# {{text heading}} ({{text id}})\n');
  expect((await report(root, { kind: 'roadmap' })).output).toMatch(/^# Roadmap \(johannesburg-lilongwe\)\n/);
  // Without an evaluation recorded, the evaluation document is an interim progress report.
  expect((await report(root, { kind: 'evaluation' })).output).toMatch(/^# Interim progress report \(johannesburg-lilongwe\)\n/);
  // HTML documents keep their own header partial.
  expect((await report(root, { format: 'html' })).output).toMatch(/<h1>Terms of Reference: /);
});

test.each([
  ['{{title}}', /prints a value without escaping/],
  ['{{{title}}}', /unescaped/],
  ['{{shout title}}', /unknown helper shout/],
  ['{{text titel}}', /undefined value.*\(with templates\/tor\.md\.hbs\)/],
  ['{{#if}}', /tor\.md\.hbs/],
])('an override %j fails with exit 1, naming the problem', async (template, message) => {
  const root = withTemplate('tor.md.hbs', template);
  let caught: unknown;
  try {
    await report(root);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DataError);
  expect((caught as DataError).exitCode).toBe(1);
  expect((caught as DataError).message).toMatch(message);
});
