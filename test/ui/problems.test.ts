import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import type { Problem, ProblemReport } from '../../src/model/problem.js';
import { renderStepSummary } from '../../src/ui/problems.js';

const md = new MarkdownIt({ html: true, linkify: false });

const report = (message: string, file = 'partnerships/bergen-mombasa/partnership.yaml'): ProblemReport => {
  const problem: Problem = { file, line: 4, column: 8, code: 'MTR012', severity: 'error', message, hint: 'did you mean "title"?' };
  return { ok: false, errors: 1, warnings: 0, files: 1, problems: [problem], sourceLine: () => '' };
};

test.each([
  ['an image that loads a tracker', 'unknown key "![x](https://tracker.example/pixel.png)"', /<img/],
  ['a link elsewhere', 'unknown key "[verify your account](https://phish.example/)"', /<a /],
  ['a reference link', 'unknown key "[x][1]"\n\n[1]: https://phish.example/', /<a /],
  ['raw HTML', 'unknown key "<img src=x onerror=alert(1)>"', /<img/],
  ['an HTML entity', 'unknown key "&lt;script&gt;"', /<script/],
  ['emphasis and code', 'unknown key "**loud** _x_ `code`"', /<strong>|<em>|<code>/],
  ['a table break', 'unknown key "a | b"', /<td>[^<]*<\/td>\s*<td>a/],
])('the GitHub job summary shows %s from the data as text', (_what, message, markup) => {
  const html = md.render(renderStepSummary(report(message)));
  expect(html).not.toMatch(markup);
  expect(html.match(/<tr>/g)).toHaveLength(2);
});

test('a file name with a backtick cannot break out of its cell', () => {
  const html = md.render(renderStepSummary(report('stray file', 'partnerships/x/`![i](https://t.example/p.png)`.yaml')));
  expect(html).not.toMatch(/<img|<code>/);
});

describe('the job summary stays within what GitHub keeps of a step (1 MiB)', () => {
  const many = (count: number): ProblemReport => {
    const problems: Problem[] = Array.from({ length: count }, (_, i) => ({
      file: `partnerships/durban-mzuzu-${String(i).padStart(5, '0')}/partnership.yaml`,
      line: 3,
      column: 5,
      code: i % 10 === 9 ? 'MTR012' : 'MTR066',
      severity: i % 10 === 9 ? 'error' : 'warning',
      message: `milestone "Roadmap ${i} – Mzuzu" was due on 2013-04-12 and is not marked done`,
      hint: 'add `done: true` when it is reached, or agree a new due date',
    }));
    const errors = problems.filter((p) => p.severity === 'error').length;
    return { ok: errors === 0, errors, warnings: count - errors, files: count, problems, sourceLine: () => '' };
  };
  const rowsOf = (text: string) => text.split('\n').filter((line) => /^\| partnerships\//.test(line));

  test('with room, every problem is a row, errors first, and nothing says any was left out', () => {
    const text = renderStepSummary(many(50));
    const rows = rowsOf(text);
    expect(rows).toHaveLength(50);
    expect(rows.slice(0, 5).every((r) => r.includes('| error |'))).toBe(true);
    expect(rows.slice(5).every((r) => r.includes('| warning |'))).toBe(true);
    expect(text).not.toMatch(/not in this table/);
    expect(renderStepSummary(many(50), Buffer.byteLength(text))).toBe(text);
  });

  test.each([200_000, 1_000_000])('10,000 problems in %i bytes: the rows that fit, errors first, and how many were left out', (room) => {
    const report = many(10_000);
    const text = renderStepSummary(report, room);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(room);
    const rows = rowsOf(text);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(10_000);
    // The 1,000 errors come before any warning, as many as fit.
    const shownErrors = rows.filter((r) => r.includes('| error |')).length;
    expect(rows.slice(0, shownErrors).every((r) => r.includes('| error |'))).toBe(true);
    expect(shownErrors).toBe(Math.min(1000, rows.length));
    const left = 10_000 - rows.length;
    const errorsLeft = 1000 - shownErrors;
    expect(text).toContain(`${left} more problems (${errorsLeft} error${errorsLeft === 1 ? '' : 's'}, ${left - errorsLeft} warnings) not in this table`);
    // The table is still a table: markdown-it renders each row.
    expect(md.render(text).match(/<tr>/g)).toHaveLength(rows.length + 1);
  });

  test('a small table that fits whole needs no room for the note', () => {
    for (const count of [1, 2, 3]) {
      const whole = renderStepSummary(many(count));
      expect(renderStepSummary(many(count), Buffer.byteLength(whole))).toBe(whole);
    }
  });

  test('whatever the room, never a byte more than it', () => {
    // One error among warnings: the note's counts change in length as rows are added.
    const report = many(12);
    const whole = Buffer.byteLength(renderStepSummary(report));
    for (let room = 0; room <= whole + 10; room += 7) {
      const text = renderStepSummary(report, room);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(room);
      if (text !== '') expect(text.startsWith('## mentor validate')).toBe(true);
    }
  });

  test('with no room even for the heading and the note, nothing at all', () => {
    expect(renderStepSummary(many(10), 100)).toBe('');
    expect(renderStepSummary(many(0), 10)).toBe('');
  });
});
