import { openRepository } from '../../src/store/repository.js';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DataError } from '../../src/errors.js';
import { buildSite } from '../../src/ops/site.js';
import { copyOfExamples, tempDir } from '../helpers/cli.js';

const TODAY = '2011-03-31';

test('--locale: the site in one language: the portfolio, and per partnership its page, three documents and its calendar', () => {
  const root = copyOfExamples();
  const out = tempDir();
  const { dir, written } = buildSite(openRepository(root), { cwd: out, today: TODAY, out: 'public', locale: 'fr' });
  expect(dir).toBe(path.join(out, 'public'));
  const files = written.map((f) => path.relative(dir, f)).sort();
  expect(files).toHaveLength(1 + 6 * 5);
  expect(files).toEqual(expect.arrayContaining(['index.html', 'durban-mzuzu/index.html', 'durban-mzuzu/tor.html', 'durban-mzuzu/roadmap.html', 'durban-mzuzu/evaluation.html', 'durban-mzuzu/calendar.ics']));
  const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
  expect(index).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
  expect(index).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; script-src \'sha256-');
  expect(index).toContain('data-countries="ZA MW"');
  expect(index).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing from the web
  const page = readFileSync(path.join(dir, 'johannesburg-lilongwe/index.html'), 'utf8');
  expect(page).toContain("script-src 'none'");
  expect(page).toContain('<a href="roadmap.html">Feuille de route</a>');
});

test("without --locale, every language: the repository's at the top, the others in their folders, linked both ways", () => {
  const root = copyOfExamples();
  const { dir, written } = buildSite(openRepository(root), { cwd: root, today: TODAY });
  expect(written).toHaveLength(3 * (1 + 6 * 5));
  const top = readFileSync(path.join(dir, 'durban-mzuzu/index.html'), 'utf8');
  expect(top).toContain('<a href="../es/durban-mzuzu/index.html" hreflang="es" lang="es">Español</a>');
  const es = readFileSync(path.join(dir, 'es/durban-mzuzu/index.html'), 'utf8');
  expect(es).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
  expect(es).toContain('<a href="../../durban-mzuzu/index.html" hreflang="en" lang="en">English</a>');
});

test('a site is not built from invalid data', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/ekurhuleni-blantyre/partnership.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^stage: .*$/m, 'stage: someday'));
  expect(() => buildSite(openRepository(root), { cwd: root, today: TODAY })).toThrow(DataError);
});
