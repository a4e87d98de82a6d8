import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/ops/report.js';
import { findBrowser, printPdfs } from '../../src/render/pdf.js';
import type { Lang } from '../../src/render/index.js';
import { openRepository } from '../../src/store/repository.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

// Two PDFs (printing takes seconds) read back as text, page by page, as a reader leafs through them: every page says "page X
// of Y", and no page holds only a heading (or a lone line) left behind at its foot.
const COMPLETE = path.join(ROOT, 'test/fixtures/complete');
const haveTools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext');
const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE_WORDS: Record<Lang, [string, string]> = { en: ['Page', 'of'], es: ['Página', 'de'], fr: ['Page', 'sur'], pt: ['Página', 'de'] };

const cases = [
  { name: 'complete evaluation report', root: COMPLETE, today: '2011-09-30', id: 'johannesburg-lilongwe', kind: 'evaluation' as const, locale: 'en' as const },
  { name: 'draft ToR in Spanish', root: EXAMPLES, today: '2011-03-31', id: 'ekurhuleni-blantyre', kind: 'tor' as const, locale: 'es' as const },
];

/**
 * Both documents as `report --format pdf` prints them (the HTML document, printed by the browser),
 * printed by one browser, as `report` prints several documents: each read back page by page.
 */
const printed = memo(async (): Promise<string[][]> => {
  const html = await Promise.all(
    cases.map(async (c) => (await renderReport(openRepository(c.root), { cwd: c.root, today: c.today, stdout: true, env: {}, format: 'html', id: c.id, kind: c.kind, locale: c.locale })).output as string),
  );
  const pdfs = await printPdfs(findBrowser({ PATH: process.env.PATH })!, html, '2011-09-30');
  return pdfs.map((pdf, n) => {
    const file = path.join(dir, `${n}.pdf`);
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
  });
});

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

describe.skipIf(!haveTools)('printed documents', () => {
  test.each(cases.map((c, n) => ({ ...c, n })))('$name: page numbers on every page, no page with only a heading', async ({ name, n, ...options }) => {
    const pages = (await printed())[n]!;
    const [page, of] = PAGE_WORDS[options.locale];
    expect(pages.length, name).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `${name}, page ${i + 1}`).toContain(`${page} ${i + 1} ${of} ${pages.length}`);
      // What is left without the running footer, header and draft mark.
      const body = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.includes(`${page} ${i + 1} ${of}`) && !/^(Illustrative data|DRAFT|BORRADOR)$/.test(line));
      expect(body.length, `${name}, page ${i + 1} holds only: ${body.join(' / ')}`).toBeGreaterThan(2);
    });
    if (options.kind === 'tor' && options.id === 'ekurhuleni-blantyre') for (const text of pages) expect(text).toContain('BORRADOR');
  });
});
