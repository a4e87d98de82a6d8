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

// A page without any content policy, reaching for a local file and running a script: the
// enforcement outside the templates (JavaScript off, every request refused) must keep it inert.
const secret = path.join(dir, 'secret.txt');
writeFileSync(secret, 'LILONGWE-SECRET-LEDGER');
const RAW = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Terms of Reference</h1>
<iframe src="file://${secret}"></iframe><object data="file://${secret}" type="text/plain"></object><embed src="file://${secret}">
<img src="file://${secret}"><link rel="stylesheet" href="file://${secret}"><script>document.write('SCRIPT-RAN')</script><p>the end</p></body></html>`;

const text = (pdf: Buffer, name: string, pages: string[] = ['-l', '1000']): string => {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', ...pages, file, '-'], { encoding: 'utf8' });
};

/**
 * Both documents as `report --format pdf` prints them (the HTML document, printed by the browser),
 * and the raw page, printed by one browser as `report` prints several documents; each document is
 * read back page by page.
 */
const printed = memo(async (): Promise<{ documents: string[][]; raw: Buffer }> => {
  const html = await Promise.all(
    cases.map(async (c) => (await renderReport(openRepository(c.root), { cwd: c.root, today: c.today, stdout: true, env: {}, format: 'html', id: c.id, kind: c.kind, locale: c.locale })).output as string),
  );
  const pdfs = await printPdfs(findBrowser({ PATH: process.env.PATH })!, [...html, RAW], '2011-09-30');
  const documents = pdfs.slice(0, cases.length).map((pdf, n) => {
    const file = path.join(dir, `${n}.pdf`);
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    return Array.from({ length: pages }, (_, i) => text(pdf, `${n}-${i + 1}`, ['-f', String(i + 1), '-l', String(i + 1)]));
  });
  return { documents, raw: pdfs[cases.length]! };
});

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

describe.skipIf(!haveTools)('printed documents', () => {
  test.each(cases.map((c, n) => ({ ...c, n })))('$name: page numbers on every page, no page with only a heading', async ({ name, n, ...options }) => {
    const pages = (await printed()).documents[n]!;
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

  test('printPdfs: no local file, frame, object or script gets into the PDF, even without a policy in the page', async () => {
    const { raw } = await printed();
    const printedText = text(raw, 'raw');
    expect(printedText).toContain('Terms of Reference');
    expect(printedText).toContain('the end');
    expect(printedText).not.toContain('LILONGWE-SECRET-LEDGER');
    expect(printedText).not.toContain('SCRIPT-RAN');
    expect(raw.toString('latin1')).toContain('/CreationDate (D:20110930000000');
  });
});
