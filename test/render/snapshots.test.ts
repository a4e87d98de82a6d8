import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openRepository } from '../../src/store/repository.js';
import { renderReport, type ReportFormat } from '../../src/ops/report.js';
import { DOCUMENT_KINDS, LANGS } from '../../src/render/index.js';
import { EXAMPLES } from '../helpers/cli.js';

// Every document of every example partnership, in each text format and language, pinned as a file
// (reviewable and diffable). Rendering is pure: no clock, as of a fixed date.
const AS_OF = '2011-03-31';
const IDS = readdirSync(path.join(EXAMPLES, 'partnerships')).sort();
const FORMATS: ReportFormat[] = ['md', 'html'];
const render = async (options: { id?: string; portfolio?: boolean; kind: (typeof DOCUMENT_KINDS)[number]; format: ReportFormat; locale: (typeof LANGS)[number] }) =>
  (await renderReport(openRepository(EXAMPLES), { cwd: EXAMPLES, today: AS_OF, stdout: true, env: {}, ...options })).output as string;

describe.each(IDS)('%s', (id) => {
  test.each(DOCUMENT_KINDS.flatMap((kind) => FORMATS.flatMap((format) => LANGS.map((locale) => ({ kind, format, locale })))))(
    '$kind as $format in $locale',
    async ({ kind, format, locale }) => {
      const text = await render({ id, kind, format, locale });
      await expect(text).toMatchFileSnapshot(`__snapshots__/${id}/${kind}.${locale}.${format}`);
    },
  );
});

test.each(FORMATS.flatMap((format) => LANGS.map((locale) => ({ format, locale }))))('portfolio as $format in $locale', async ({ format, locale }) => {
  const text = await render({ portfolio: true, kind: 'tor', format, locale });
  await expect(text).toMatchFileSnapshot(`__snapshots__/portfolio.${locale}.${format}`);
});

test('the same data renders the same bytes', async () => {
  const once = await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'html', locale: 'fr' });
  expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'html', locale: 'fr' })).toBe(once);
});

test('the roadmap in Markdown has a Mermaid gantt chart, the HTML one an inline SVG timeline', async () => {
  expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'md', locale: 'en' })).toMatch(/```mermaid\ngantt\n/);
  const html = await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'html', locale: 'en' });
  expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
});

test('the examples in docs/examples are up to date', async () => {
  const docs = path.join(EXAMPLES, '../docs/examples');
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'evaluation', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/evaluation.md'));
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/roadmap.md'));
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'html', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/roadmap.html'));
  await expect(await render({ id: 'rosario-ciudad-sur', kind: 'tor', format: 'md', locale: 'es' })).toMatchFileSnapshot(path.join(docs, 'rosario-ciudad-sur/tor.es.md'));
  await expect(await render({ portfolio: true, kind: 'tor', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'portfolio.md'));
});

test('English, Spanish and French have the same strings, and none is empty', async () => {
  const { STRINGS } = await import('../../src/render/locale.js');
  const keys = Object.keys(STRINGS.en).sort();
  for (const lang of ['es', 'fr'] as const) expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
  for (const strings of Object.values(STRINGS)) for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
});
