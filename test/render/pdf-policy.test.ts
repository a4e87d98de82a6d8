import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { assertPdf, findBrowser, PdfError, printPdf } from '../../src/render/pdf.js';
import { CONTENT_POLICY, withContentPolicy } from '../../src/render/policy.js';
import { tempDir } from '../helpers/cli.js';

const META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`;

test.each([
  ['<!DOCTYPE html><html><head><title>t</title></head><body></body></html>', `<!DOCTYPE html><html><head>\n${META}<title>t</title></head><body></body></html>`],
  ['<!DOCTYPE html><p>no head</p>', `<!DOCTYPE html>\n${META}\n<p>no head</p>`],
  ['<p>bare</p>', `${META}\n<p>bare</p>`],
  // Already there: unchanged (the built-in templates).
  [`<html><head>${META}</head><body></body></html>`, `<html><head>${META}</head><body></body></html>`],
])('withContentPolicy(%j)', (html, expected) => {
  expect(withContentPolicy(html)).toBe(expected);
});

test('a policy hidden in a comment or in the body does not count', () => {
  expect(withContentPolicy(`<html><head><!-- ${META} --></head><body></body></html>`)).toMatch(/^<html><head>\n<meta http-equiv/);
  expect(withContentPolicy(`<html><head></head><body>${META}</body></html>`)).toMatch(/^<html><head>\n<meta http-equiv/);
});

test('output that is not a PDF is refused with the browser named', () => {
  expect(assertPdf(Buffer.from('%PDF-1.4\n'), 'chromium').length).toBe(9);
  expect(() => assertPdf(Buffer.from('<html>oops</html>'), '/usr/bin/chromium')).toThrow(PdfError);
  expect(() => assertPdf(Buffer.from(''), '/usr/bin/chromium')).toThrow(/\/usr\/bin\/chromium printed something that is not a PDF/);
});

const browser = findBrowser(process.env);

// The enforcement outside the template (raw HTML without any policy, printed as is) is in
// pdf.test.ts, printed by the browser that prints its documents.

test.skipIf(!browser)('a browser that fails: a PdfError with its own message', async () => {
  const dir = tempDir();
  const fake = path.join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\necho "chromium: cannot open display on Mzuzu" >&2\nexit 3\n', { mode: 0o755 });
  await expect(printPdf(fake, '<p>x</p>', '2011-03-31')).rejects.toThrow(/did not print the PDF: .*cannot open display on Mzuzu/);
});

test.skipIf(!browser)('a document that sends the page elsewhere (meta refresh) is refused, saying so', async () => {
  const html = '<!DOCTYPE html><html><head></head><body><p>terms</p><meta http-equiv="refresh" content="0; url=file:///etc/hostname"></body></html>';
  await expect(printPdf(browser!, html, '2011-03-31')).rejects.toThrow(/the document tried to open file:\/\/\/etc\/hostname in its place/);
});
