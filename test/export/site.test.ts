import { expect, test } from 'vitest';
import { languageHref } from '../../src/export/site.js';

test.each([
  ['index.html', 'en', 'es', 'es/index.html'],
  ['index.html', 'es', 'en', '../index.html'],
  ['index.html', 'es', 'fr', '../fr/index.html'],
  ['durban-mzuzu/index.html', 'en', 'fr', '../fr/durban-mzuzu/index.html'],
  ['durban-mzuzu/index.html', 'fr', 'en', '../../durban-mzuzu/index.html'],
  ['durban-mzuzu/index.html', 'fr', 'es', '../../es/durban-mzuzu/index.html'],
] as const)('from %s in %s to %s: %s', (page, from, to, expected) => {
  expect(languageHref(page, from, to, ['en', 'es', 'fr'])).toBe(expected);
});
