// PDF: the HTML document printed by a Chromium or Chrome found on the machine. No browser is
// downloaded; without one the user is told how to get one.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
 * Print an HTML document to PDF bytes with a headless browser. The PDF's creation and modification
 * dates are set to `date` (YYYY-MM-DD), so the same data prints the same bytes.
 */
export function printPdf(browser: string, html: string, date: string): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mentor-pdf-'));
  try {
    const input = path.join(dir, 'document.html');
    const output = path.join(dir, 'document.pdf');
    writeFileSync(input, html);
    const result = spawnSync(
      browser,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${output}`,
        pathToFileURL(input).href,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    let pdf: Buffer;
    try {
      pdf = readFileSync(output);
    } catch {
      const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
      const last = (result.stderr ?? '').trim().split('\n').filter((line) => !/dbus|unexpected operator/.test(line)).slice(-3).join(' | ');
      throw new Error(`${browser} did not print the PDF (${why})${last ? `: ${last}` : ''}`);
    }
    return fixPdfDates(pdf, date);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replace the 14 digits of /CreationDate and /ModDate by `date` at midnight: same length, so offsets hold. */
export function fixPdfDates(pdf: Buffer, date: string): Buffer {
  const digits = `${date.replace(/-/g, '')}000000`;
  const text = pdf.toString('latin1').replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, `$1${digits}`);
  return Buffer.from(text, 'latin1');
}
