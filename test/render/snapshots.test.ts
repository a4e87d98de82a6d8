import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { renderReport, type ReportFormat } from '../../src/ops/report.js';
import { DOCUMENT_KINDS, LANGS } from '../../src/render/index.js';
import { openRepository } from '../../src/store/repository.js';
import { EXAMPLES, ROOT } from '../helpers/cli.js';

// Every document of every example partnership, and of the complete illustrative partnership, in
// each text format and language, pinned as a file (reviewable and diffable). Rendering is pure:
// no clock, as of a fixed date.

// Each renderReport builds a template environment of its own, compiling every partial and the
// document's template: most of the time of a document. Built from the same format and template
// folders, an environment is the same, so this file builds one for each and renders all its
// documents with it (the first document of each format still builds it through renderReport).
vi.mock('../../src/render/environment.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/render/environment.js')>();
  const built = new Map<string, InstanceType<typeof original.TemplateRenderer>>();
  return {
    ...original,
    TemplateRenderer: function (...args: ConstructorParameters<typeof original.TemplateRenderer>) {
      const key = JSON.stringify(args);
      if (!built.has(key)) built.set(key, new original.TemplateRenderer(...args));
      return built.get(key)!;
    },
  };
});
const AS_OF = '2011-03-31';
export const COMPLETE = path.join(ROOT, 'test/fixtures/complete');
const COMPLETE_AS_OF = '2011-09-30';
const IDS = readdirSync(path.join(EXAMPLES, 'partnerships')).sort();
const FORMATS: ReportFormat[] = ['md', 'html'];
type Options = { id?: string; portfolio?: boolean; kind: (typeof DOCUMENT_KINDS)[number]; format: ReportFormat; locale: (typeof LANGS)[number] };
const renderIn = (root: string, today: string, options: Options) =>
  renderReport(openRepository(root), { cwd: root, today, stdout: true, env: {}, ...options }).then((r) => r.output as string);
const render = (options: Options) => renderIn(EXAMPLES, AS_OF, options);
const cases = DOCUMENT_KINDS.flatMap((kind) => FORMATS.flatMap((format) => LANGS.map((locale) => ({ kind, format, locale }))));

describe.each(IDS)('%s', (id) => {
  test.each(cases)('$kind as $format in $locale', async ({ kind, format, locale }) => {
    await expect(await render({ id, kind, format, locale })).toMatchFileSnapshot(`__snapshots__/${id}/${kind}.${locale}.${format}`);
  });
});

describe('the complete illustrative partnership', () => {
  test.each(cases)('$kind as $format in $locale', async ({ kind, format, locale }) => {
    const text = await renderIn(COMPLETE, COMPLETE_AS_OF, { id: 'johannesburg-lilongwe', kind, format, locale });
    await expect(text).toMatchFileSnapshot(`__snapshots__/complete/${kind}.${locale}.${format}`);
  });
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

test('without an evaluation the document is an interim progress report naming the seven criteria to be rated', async () => {
  const md = await render({ id: 'durban-mzuzu', kind: 'evaluation', format: 'md', locale: 'en' });
  expect(md).toMatch(/^# Interim progress report: /);
  for (const criterion of ['Relevance', 'Coherence', 'Effectiveness', 'Efficiency', 'Impact', 'Sustainability', 'Ownership']) expect(md).toContain(`| **${criterion}** |`);
  expect(md.match(/\*To be rated\*/g)).toHaveLength(7);
  expect(await render({ id: 'durban-mzuzu', kind: 'evaluation', format: 'md', locale: 'es' })).toMatch(/^# Informe de avance intermedio: /);
});

test('with an evaluation the report follows the OECD DAC structure, executive summary first', async () => {
  const md = await renderIn(COMPLETE, COMPLETE_AS_OF, { id: 'johannesburg-lilongwe', kind: 'evaluation', format: 'md', locale: 'en' });
  const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  expect(headings).toEqual([
    '1. Executive summary', '2. Background and intervention logic', '3. Purpose and scope', '4. Method, evaluator and limitations',
    '5. Findings by criterion', '6. Results against baseline and target', '7. Budget and spending', '8. Conclusions', '9. Recommendations',
    '10. Lessons', '11. What the mentor city gained', 'Annex A. Sessions held', 'Annex B. People met',
  ]);
  expect(md).toContain('| 1 | Table the capital investment programme with the 2011/12 budget. | Director of Finance, Lilongwe City Assembly | 31 Dec 2011 | Accepted; the draft programme is with the finance committee. |');
  expect(md).toContain('No performance management system (2008) | 6 of 8 (30 Jun 2011) | All 8 heads of department');
});

test('money: each contribution with its status, never "committed" by default, in kind apart, currencies never added', async () => {
  const md = await renderIn(COMPLETE, COMPLETE_AS_OF, { id: 'johannesburg-lilongwe', kind: 'tor', format: 'md', locale: 'en' });
  expect(md).toContain('| Norwegian government | NOK 250,000 | Cash | Requested |');
  expect(md).toContain('| Lilongwe City Assembly | In kind (MWK), value not estimated | In kind | *Status not recorded* |');
  expect(md).toContain('| City of Johannesburg | ZAR 400,000 | In kind | Committed |');
  expect(md).toMatch(/\| \| NOK \| USD \| ZAR \|/);
  const examples = await render({ id: 'johannesburg-lilongwe', kind: 'evaluation', format: 'md', locale: 'en' });
  // Each contribution with the status its file records; where none is recorded, the document says so.
  expect(examples).not.toMatch(/Funding committed/);
  expect(examples).toContain('| UCLG | USD 30,000 | Cash | Received |');
  expect(examples).toContain('| Norwegian government | NOK 250,000 | Cash | Committed |');
  expect(examples).toContain('| City of Johannesburg | No amount stated | In kind | *Status not recorded* |');
  expect(examples).toContain('| City of Johannesburg | No amount stated |');
  expect(examples).not.toContain('ZAR 0 ');
});

test('a draft ToR says DRAFT on every printed page and carries no undated live figure', async () => {
  const html = await render({ id: 'ekurhuleni-blantyre', kind: 'tor', format: 'html', locale: 'en' });
  expect(html).toMatch(/@top-center \{ content: "DRAFT"/);
  expect(html).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
  expect(html).not.toMatch(/Days in stage|<th class="num">Days<\/th>/);
});

test('gender agreement and localised, capitalised values', async () => {
  const es = await render({ id: 'johannesburg-lilongwe', kind: 'tor', format: 'md', locale: 'es' });
  expect(es).toContain('Aprobada el 27 de mayo de 2010');
  const fr = await render({ id: 'johannesburg-lilongwe', kind: 'tor', format: 'md', locale: 'fr' });
  expect(fr).toContain('Adoptée le 27 mai 2010');
  const roadmap = await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'md', locale: 'es' });
  expect(roadmap).toContain('**Estado:** Activa');
  expect(roadmap).toContain('| En curso |');
});

test('the examples in docs/examples are up to date', async () => {
  const docs = path.join(EXAMPLES, '../docs/examples');
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'evaluation', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/evaluation.md'));
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/roadmap.md'));
  await expect(await render({ id: 'johannesburg-lilongwe', kind: 'roadmap', format: 'html', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'johannesburg-lilongwe/roadmap.html'));
  await expect(await render({ id: 'rosario-ciudad-sur', kind: 'tor', format: 'md', locale: 'es' })).toMatchFileSnapshot(path.join(docs, 'rosario-ciudad-sur/tor.es.md'));
  await expect(await render({ portfolio: true, kind: 'tor', format: 'md', locale: 'en' })).toMatchFileSnapshot(path.join(docs, 'portfolio.md'));
  const complete = (kind: (typeof DOCUMENT_KINDS)[number], format: ReportFormat) => renderIn(COMPLETE, COMPLETE_AS_OF, { id: 'johannesburg-lilongwe', kind, format, locale: 'en' });
  await expect(await complete('evaluation', 'md')).toMatchFileSnapshot(path.join(docs, 'complete/evaluation.md'));
  await expect(await complete('tor', 'md')).toMatchFileSnapshot(path.join(docs, 'complete/tor.md'));
  await expect(await complete('evaluation', 'html')).toMatchFileSnapshot(path.join(docs, 'complete/evaluation.html'));
  await expect(await complete('tor', 'html')).toMatchFileSnapshot(path.join(docs, 'complete/tor.html'));
});

test('every language has the same strings, and none is empty', async () => {
  const { STRINGS } = await import('../../src/render/locale.js');
  const keys = Object.keys(STRINGS.en).sort();
  for (const lang of LANGS) expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
  for (const strings of Object.values(STRINGS)) for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
});
