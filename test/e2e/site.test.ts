import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyTree, EXAMPLES, mentor, ROOT } from '../helpers/cli.js';
import { LONG } from '../robustness/figures.js';

// The site in a real browser: the system's Chromium, driven by puppeteer-core, pages opened from file://.

// The callbacks given to page.evaluate run in the browser. The project compiles without the DOM
// library (so no browser name can slip into src/), so here are the few names they use.
interface PageElement {
  href: string;
  hidden: boolean;
  dataset: Record<string, string | undefined>;
}
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): { length: number };
  body: { textContent: string | null };
};
declare const window: { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } };

const CHROMIUM = '/usr/bin/chromium';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AS_OF = '2011-03-31';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)).map((f) => `${name}/${f}`) : [name]));

describe.skipIf(!existsSync(CHROMIUM))('mentor site in Chromium', () => {
  let browser: Browser;
  let work: string;
  let site: string;
  let pages: string[];
  let swept: string[];

  // One folder for the whole file (the helpers' temporary folders go after each test).
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'mentor-site-'));
    const root = path.join(work, 'repo');
    copyTree(EXAMPLES, root);
    site = path.join(work, 'site');
    const run = mentor(['site', '--out', site, '--as-of', AS_OF], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    pages = files(site)
      .filter((f) => f.endsWith('.html'))
      .sort();
    // In a browser: the site's own pages in the repository's language and the portfolio and one
    // partnership in the others, with one document (each document in every size and language is
    // render/browser.test.ts's); every page with MENTOR_LONG=1.
    swept = LONG ? pages : pages.filter((f) => /^((es|fr|pt)\/)?(index\.html|johannesburg-lilongwe\/index\.html)$/.test(f) || /^[^/]+\/index\.html$/.test(f) || f === 'johannesburg-lilongwe/tor.html');
    const hostile = mentor(['site', '--out', path.join(work, 'site', 'hostile'), '--as-of', AS_OF], { cwd: path.join(ROOT, 'test/fixtures/hostile') });
    expect(hostile.code, hostile.stderr).toBe(0);
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      userDataDir: path.join(work, 'chromium-profile'),
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** A tab that records console errors, page errors and every request that would leave the site. */
  async function tab(options: { bypassCsp?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(pathToFileURL(site).href) || url.startsWith('data:')) return void request.continue();
      problems.push(`request: ${url}`);
      void request.abort();
    });
    // Only to inject axe-core: the pages' own policy refuses any script but theirs.
    if (options.bypassCsp) await page.setBypassCSP(true);
    await page.setViewport({ width: 1240, height: 900 });
    return { page, problems };
  }

  const go = (page: Page, file: string) => page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: 'load' });

  async function open(file: string, options: { bypassCsp?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
    const opened = await tab(options);
    await go(opened.page, file);
    return opened;
  }

  test('the site has the portfolio, and each partnership its page, three documents and a calendar, in every language', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'es/index.html', 'fr/index.html', 'fr/johannesburg-lilongwe/index.html']));
    expect(existsSync(path.join(site, 'es/rosario-ciudad-sur/tor.html'))).toBe(true);
    for (const id of ['johannesburg-lilongwe', 'rosario-ciudad-sur']) {
      for (const f of ['index.html', 'tor.html', 'roadmap.html', 'evaluation.html']) expect(pages).toContain(`${id}/${f}`);
      expect(existsSync(path.join(site, id, 'calendar.ics'))).toBe(true);
    }
  });

  test('every link of every page, in every language, leads to a file of the site', () => {
    let links = 0;
    for (const file of pages) {
      for (const [, href] of readFileSync(path.join(site, file), 'utf8').matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
        const target = new URL(href!.replaceAll('&amp;', '&'), pathToFileURL(path.join(site, file)));
        expect(target.protocol, `${file}: ${href}`).toBe('file:');
        expect(existsSync(decodeURIComponent(target.pathname)), `${file} links to ${href}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(pages.length);
  });

  test('pages load without a console error or a request leaving it; their links resolve in the browser; no overflow at 420 and 1240 px', async () => {
    const { page, problems } = await tab();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(swept.length).toBeGreaterThan(10);
    for (const file of swept) {
      await page.setViewport({ width: 1240, height: 900 });
      await go(page, file);
      expect(await overflow(), `${file} at 1240 px`).toBeLessThanOrEqual(0);
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as PageElement).href));
      for (const href of links) {
        expect(href.startsWith('file://'), `${file}: ${href}`).toBe(true);
        expect(existsSync(decodeURIComponent(new URL(href).pathname)), `${file} links to ${href}`).toBe(true);
      }
      await page.setViewport({ width: 420, height: 900 });
      expect(await overflow(), `${file} at 420 px`).toBeLessThanOrEqual(0);
      expect(problems, file).toEqual([]);
    }
    await page.close();
  }, 60_000);

  test('the filters and the search narrow the portfolio, and the count follows', async () => {
    const { page, problems } = await open('index.html');
    const visible = () => page.$$eval('tbody tr', (rows) => rows.filter((r) => !(r as unknown as PageElement).hidden).map((r) => (r as unknown as PageElement).dataset.search!.split(' ')[0]));
    const count = () => page.$eval('#shown', (p) => p.textContent);
    expect(await page.$eval('#filters', (f) => (f as unknown as PageElement).hidden)).toBe(false);
    expect(await visible()).toHaveLength(7);

    await page.select('select[name="country"]', 'MW');
    expect((await visible()).length).toBe(4); // Lilongwe, Mzuzu (two phases), Blantyre
    expect(await count()).toBe('4 of 7 partnerships shown');

    await page.select('select[name="country"]', '');
    await page.select('select[name="direction"]', 'north-south');
    expect(await page.$$eval('tbody tr:not([hidden]) a', (as) => as.map((a) => a.textContent))).toEqual(['Bergen – Mombasa land use']);

    await page.select('select[name="direction"]', '');
    await page.type('input[name="q"]', 'rosario');
    expect(await page.$$eval('tbody tr:not([hidden]) a', (as) => as.map((a) => a.textContent))).toEqual(['Rosario – Ciudad Sur, planificación estratégica']);
    await page.select('select[name="stage"]', 'setup');
    expect(await count()).toBe('0 of 7 partnerships shown');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('hostile values from the data stay inert text: no dialog, no element they name, no request', async () => {
    for (const file of ['hostile/index.html', 'hostile/hostile-names/index.html']) {
      const { page, problems } = await tab();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await go(page, file);
      expect(dialogs, file).toEqual([]);
      expect(problems, file).toEqual([]);
      const injected = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        elements: document.querySelectorAll('img, iframe, b, u, em, a[href^="javascript"]').length,
        text: document.body.textContent ?? '',
      }));
      expect(injected.scripts, file).toBe(file === 'hostile/index.html' ? 1 : 0);
      expect(injected.elements, file).toBe(0);
      expect(injected.text).toContain('<script>alert(1)</script>');
      await page.close();
    }
  });

  test('the language links lead to the same page in the other languages', async () => {
    const { page, problems } = await open('fr/johannesburg-lilongwe/index.html');
    const links = await page.$$eval('nav.languages a', (as) => as.map((a) => [a.getAttribute('hreflang'), (a as unknown as PageElement).href]));
    expect(links).toEqual([
      ['en', pathToFileURL(path.join(site, 'johannesburg-lilongwe/index.html')).href],
      ['es', pathToFileURL(path.join(site, 'es/johannesburg-lilongwe/index.html')).href],
      ['pt', pathToFileURL(path.join(site, 'pt/johannesburg-lilongwe/index.html')).href],
    ]);
    expect(await page.$eval('html', (h) => h.lang)).toBe('fr');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('axe-core finds no serious or critical accessibility violation', async () => {
    // The site's own pages (the documents are the report command's, tested with it): the portfolio,
    // and with MENTOR_LONG=1 a partnership's page in another language.
    for (const file of LONG ? ['index.html', 'es/johannesburg-lilongwe/index.html'] : ['index.html']) {
      const { page } = await open(file, { bypassCsp: true });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, file).toEqual([]);
      await page.close();
    }
  }, 60_000);
});
