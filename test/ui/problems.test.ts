import MarkdownIt from 'markdown-it';
import { expect, test } from 'vitest';
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
