import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { openRepository } from '../../src/store/repository.js';
import { renderReport, type ReportFormat } from '../../src/ops/report.js';
import { DOCUMENT_KINDS, LANGS } from '../../src/render/index.js';
import { ROOT } from '../helpers/cli.js';

// A partnership whose every text tries to break a table, inject markup or make a javascript: link.
const HOSTILE = path.join(ROOT, 'test/fixtures/hostile');
const render = async (kind: (typeof DOCUMENT_KINDS)[number], format: ReportFormat, locale: (typeof LANGS)[number], portfolio = false) =>
  (await renderReport(openRepository(HOSTILE), { cwd: HOSTILE, today: '2011-03-31', stdout: true, env: {}, kind, format, locale, ...(portfolio ? { portfolio } : { id: 'hostile-names' }) })).output as string;

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) found.push(n);
    const children = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return found;
}

/** Every element and attribute an HTML document holds must be one the templates write. */
const ALLOWED_ELEMENTS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'section', 'h1', 'h2', 'h3', 'p', 'dl', 'dt', 'dd', 'div', 'table', 'thead', 'tbody', 'tr',
  'th', 'td', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'br', 'span', 'figure', 'figcaption', 'i', 'svg', 'line', 'text', 'rect', 'circle', 'title', 'pre', 'blockquote', 'hr', 'h4', 'a',
]);

function assertNoInjection(root: Node): void {
  for (const el of elements(root)) {
    expect(ALLOWED_ELEMENTS, `element <${el.tagName}>`).toContain(el.tagName);
    for (const attr of el.attrs) {
      expect(attr.name, `attribute on <${el.tagName}>`).not.toMatch(/^on/i);
      if (attr.name === 'href' || attr.name === 'src') expect(attr.value).toMatch(/^https?:\/\//);
    }
  }
}

/** Every row of every table has as many cells as its header row. */
function assertTableShapes(root: Node): number {
  const tables = elements(root).filter((el) => el.tagName === 'table');
  for (const table of tables) {
    const rows = elements(table).filter((el) => el.tagName === 'tr');
    const width = (tr: Element) => tr.childNodes.filter((c) => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th')).length;
    const header = width(rows[0]!);
    for (const row of rows) expect(width(row)).toBe(header);
  }
  return tables.length;
}

describe('Markdown, through a real Markdown parser', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  test.each(DOCUMENT_KINDS.flatMap((kind) => LANGS.map((locale) => ({ kind, locale }))))('$kind in $locale', async ({ kind, locale }) => {
    const source = await render(kind, 'md', locale);
    const tokens = md.parse(source, {});
    const inline = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
    // Raw HTML only ever as the line breaks of table cells.
    for (const t of inline.filter((t) => t.type === 'html_inline' || t.type === 'html_block')) expect(t.content).toBe('<br>');
    for (const t of inline.filter((t) => t.type === 'link_open' || t.type === 'image')) expect(t.attrGet('href') ?? t.attrGet('src')).toMatch(/^https?:\/\//);
    expect(inline.filter((t) => t.type === 'image')).toEqual([]);
    // Headings are the template's: no value becomes a heading, a list of its own or a quote.
    expect(tokens.filter((t) => t.type === 'blockquote_open').length).toBe(0);
    const rendered = parse(md.render(source));
    assertNoInjection(rendered);
    expect(assertTableShapes(rendered)).toBeGreaterThan(3);
  });

  test('the Mermaid chart keeps one task per line, each "name :spec"', async () => {
    const source = await render('roadmap', 'md', 'en');
    const chart = /```mermaid\n([\s\S]*?)```/.exec(source)![1]!;
    const lines = chart.split('\n').filter((l) => l.trim() !== '');
    const tasks = lines.filter((l) => !/^(gantt| {4}(title|dateFormat|axisFormat|tickInterval|todayMarker|section) )/.test(l));
    for (const task of tasks) expect(task).toMatch(/^ {4}[^:#;%<>\n]+ :(milestone, )?((done|active|crit), )?[a-z]+\d+, \d{4}-\d{2}-\d{2}, (\d{4}-\d{2}-\d{2}|\d+d)$/);
    expect(tasks.some((t) => /^ {4}click/i.test(t))).toBe(false);
  });

  test('the portfolio table keeps its shape', async () => {
    const rendered = parse(md.render(await render('tor', 'md', 'en', true)));
    assertNoInjection(rendered);
    assertTableShapes(rendered);
  });
});

describe('HTML, through an HTML parser', () => {
  test.each(DOCUMENT_KINDS.flatMap((kind) => LANGS.map((locale) => ({ kind, locale }))))('$kind in $locale', async ({ kind, locale }) => {
    const source = await render(kind, 'html', locale);
    const doc = parse(source);
    assertNoInjection(doc);
    expect(assertTableShapes(doc)).toBeGreaterThan(3);
    expect(source).toContain("&lt;script&gt;");
  });

  test('the portfolio keeps its shape', async () => {
    const doc = parse(await render('tor', 'html', 'en', true));
    assertNoInjection(doc);
    assertTableShapes(doc);
  });
});
