// PDF: the HTML document printed by a Chromium or Chrome found on the machine. No browser is
// downloaded; without one the user is told how to get one.
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { withContentPolicy } from './policy.js';

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** How to get a browser, for the message shown when none is found. */
export const NO_BROWSER_HINT =
  'PDF is printed by Chromium or Chrome: install one (Debian/Ubuntu: `apt-get install chromium`; macOS: install Google Chrome) or set CHROME_PATH to its executable; `--format html` needs no browser';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The browser to print with: CHROME_PATH when set, else the first Chromium or Chrome on PATH. */
export function findBrowser(env: Record<string, string | undefined>): string | undefined {
  const given = env.CHROME_PATH;
  if (given) return isExecutable(given) ? given : undefined;
  const macChrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return isExecutable(macChrome) ? macChrome : undefined;
}

/**
 * Print an HTML document to PDF bytes with a headless browser driven by puppeteer-core. The page is
 * inert whatever the template holds: JavaScript is off, and every request but the document itself
 * (and `data:` images) is refused, so no `file://` frame, object or image can pull a local file
 * into the PDF, even from a repository template that leaves out the Content-Security-Policy. The
 * PDF's creation and modification dates are set to `date` (YYYY-MM-DD): the same data prints the
 * same bytes. A browser that fails, or output that is not a PDF, is a PdfError with its message.
 */
export async function printPdf(browser: string, html: string, date: string): Promise<Buffer> {
  return (await printPdfs(browser, [html], date))[0]!;
}

/** printPdf for several documents, with one browser (starting it is most of the time). */
export async function printPdfs(browser: string, documents: readonly string[], date: string): Promise<Buffer[]> {
  const { launch } = await import('puppeteer-core');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-pdf-'));
  let chrome: Browser | undefined;
  try {
    chrome = await launch({
      executablePath: browser,
      headless: true,
      userDataDir: path.join(dir, 'profile'),
      // The sandbox cannot start as root (containers, CI); elsewhere it stays on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 60_000,
    });
    const pdfs: Buffer[] = [];
    for (const [index, html] of documents.entries()) {
      const input = path.join(dir, `document-${index}.html`);
      writeFileSync(input, withContentPolicy(html));
      const documentUrl = pathToFileURL(input).href;
      const page = await chrome.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      let leaving: string | undefined;
      page.on('request', (request) => {
        const url = request.url();
        if (url === documentUrl || url.startsWith('data:')) return void request.continue();
        // A refresh or a redirect of the page itself: refused like any request, and said (it would
        // otherwise surface as the browser's "execution context was destroyed").
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) leaving ??= url;
        void request.abort('blockedbyclient');
      });
      const refuseToLeave = () => {
        if (leaving !== undefined) {
          throw new PdfError(`the document tried to open ${leaving} in its place; mentor prints the document itself and nothing else`, 'remove the <meta http-equiv="refresh"> (or whatever opens another page) from the repository\'s template');
        }
      };
      let pdf: Buffer;
      try {
        await page.goto(documentUrl, { waitUntil: 'load', timeout: 60_000 });
        // The documents' own CSS sets the page (A4, landscape for the portfolio) and prints the footers.
        pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 60_000 }));
      } catch (error) {
        refuseToLeave();
        throw error;
      }
      refuseToLeave();
      await page.close();
      pdfs.push(fixPdfDates(assertPdf(pdf, browser), date));
    }
    return pdfs;
  } catch (error) {
    if (error instanceof PdfError) throw error;
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim());
    const message = lines.filter((line) => line !== '' && !/dbus|unexpected operator/.test(line)).slice(0, 4).join(' ').replace(/\s+/g, ' ');
    throw new PdfError(`${browser} did not print the PDF: ${message}`);
  } finally {
    await chrome?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes, when they are a PDF; a PdfError otherwise (nothing that is not a PDF is saved as one). */
export function assertPdf(bytes: Buffer, browser: string): Buffer {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return bytes;
  throw new PdfError(`${browser} printed something that is not a PDF (it starts with ${JSON.stringify(bytes.subarray(0, 16).toString('latin1'))})`);
}

/** The browser failed, or gave something that is not a PDF: a problem of this machine's browser, not a bug. */
export class PdfError extends Error {
  constructor(
    message: string,
    readonly hint = 'check the browser (CHROME_PATH), or use --format html',
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

/** Replace the 14 digits of /CreationDate and /ModDate by `date` at midnight: same length, so offsets hold. */
export function fixPdfDates(pdf: Buffer, date: string): Buffer {
  const digits = `${date.replace(/-/g, '')}000000`;
  const text = pdf.toString('latin1').replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, `$1${digits}`);
  return Buffer.from(text, 'latin1');
}
