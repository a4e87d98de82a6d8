import { describe, expect, it } from 'vitest';
import { isLanguageCode, LanguageCode } from '../../src/model/primitives.js';
import { LANGUAGE_CODES } from '../../src/model/languages.js';
import { jsonSchemaOf } from '../../src/model/json-schema.js';
import { uclg } from '../helpers/method.js';

// Every two-letter code, aa to zz.
const ALL_PAIRS = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26)));

describe('language codes', () => {
  it("are exactly the two-letter codes Node's ICU names", () => {
    const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const known = ALL_PAIRS.filter((code) => names.of(code) !== undefined);
    expect([...LANGUAGE_CODES]).toEqual(known);
    for (const code of ALL_PAIRS) expect(isLanguageCode(code), code).toBe(known.includes(code));
  });

  it('accept the working languages of the partnerships, refuse the rest with a clear message', () => {
    for (const code of ['en', 'es', 'fr', 'pt', 'ny', 'sw', 'no']) expect(LanguageCode.safeParse(code).success, code).toBe(true);
    expect(LanguageCode.safeParse('xx').error?.issues[0]?.message).toBe('unknown language code "xx" (ISO 639-1)');
    expect(LanguageCode.safeParse('EN').error?.issues[0]?.message).toBe('a language is a two-letter lowercase ISO 639-1 code, like "en", "es" or "ny"');
    expect(isLanguageCode('eng')).toBe(false);
    expect(isLanguageCode('')).toBe(false);
  });

  it('are listed in the exported JSON Schema, so that an editor refuses what validate refuses', () => {
    const schema = JSON.stringify(jsonSchemaOf('partnership.schema.json', uclg));
    expect(schema).toContain(JSON.stringify({ type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$', enum: [...LANGUAGE_CODES] } }).slice(1, -1));
  });
});
