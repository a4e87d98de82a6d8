/// <reference lib="dom" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderReport } from '../../src/ops/report.js';
import { DOCUMENT_KINDS, LANGS } from '../../src/render/index.js';
import { openRepository } from '../../src/store/repository.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';
import { LONG } from '../robustness/figures.js';

// The HTML documents opened in the system's Chromium, as a reader opens them: none may scroll
// sideways on a desktop (1240 px) or a phone (420 px).
const CHROMIUM = '/usr/bin/chromium';
const COMPLETE = path.join(ROOT, 'test/fixtures/complete');
const WIDTHS = [1240, 420];

interface Doc {
  name: string;
  root: string;
  today: string;
  id?: string;
  portfolio?: boolean;
  kind: (typeof DOCUMENT_KINDS)[number];
  locale: (typeof LANGS)[number];
}

// The complete partnership (the fullest documents) in every kind and language, and the portfolio in
// English and French (the longest words; every language with MENTOR_LONG=1); of the examples, one kind each in turn, so that every kind meets several
// partnerships. Every kind of every example with MENTOR_LONG=1.
const docs: Doc[] = [
  ...readdirSync(path.join(EXAMPLES, 'partnerships'))
    .sort()
    .flatMap((id, i) => (LONG ? DOCUMENT_KINDS : [DOCUMENT_KINDS[i % DOCUMENT_KINDS.length]!]).map((kind) => ({ name: `${id} ${kind}`, root: EXAMPLES, today: '2011-03-31', id, kind, locale: 'en' as const }))),
  ...LANGS.flatMap((locale) => DOCUMENT_KINDS.map((kind) => ({ name: `complete ${kind} ${locale}`, root: COMPLETE, today: '2011-09-30', id: 'johannesburg-lilongwe', kind, locale }))),
  ...LANGS.filter((locale) => LONG || locale === 'en' || locale === 'fr').map((locale) => ({ name: `portfolio ${locale}`, root: EXAMPLES, today: '2011-03-31', portfolio: true, kind: 'tor' as const, locale })),
];

const render = async (doc: Doc) =>
  (await renderReport(openRepository(doc.root), { cwd: doc.root, today: doc.today, stdout: true, env: {}, format: 'html', kind: doc.kind, locale: doc.locale, ...(doc.id && { id: doc.id }), ...(doc.portfolio && { portfolio: true }) })).output as string;

describe.skipIf(!existsSync(CHROMIUM))('HTML documents in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let profile: string;
  beforeAll(async () => {
    profile = mkdtempSync(path.join(os.tmpdir(), 'mentor-chromium-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test.each(docs)('$name fits 1240 and 420 px without scrolling sideways', async (doc) => {
    const html = await render(doc);
    // Loaded once; each width lays the page out anew, as a reader turning a phone would.
    await page.setViewport({ width: WIDTHS[0]!, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      const { scroll, inner, scrollers } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        // A table hidden behind its own scrollbar is no better than a page that scrolls.
        scrollers: [...document.querySelectorAll('.table, figure')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent!.trim().slice(0, 60)),
      }));
      expect(scroll, `${doc.name} at ${width} px`).toBeLessThanOrEqual(inner);
      expect(scrollers, `${doc.name} at ${width} px`).toEqual([]);
    }
  });
});
