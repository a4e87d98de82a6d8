import * as z from 'zod';
import { SLUG_MAX, SLUG_PATTERN } from './constants.js';
import { LANGUAGE_CODES } from './languages.js';
import countryCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };

export { isSlug, SLUG_MAX, SLUG_PATTERN } from './constants.js';

export const Slug = z
  .string()
  .max(SLUG_MAX, { error: `an id has at most ${SLUG_MAX} characters` })
  .regex(SLUG_PATTERN, {
    error: 'an id is lowercase letters and digits in words joined by single hyphens, like "johannesburg-lilongwe"',
  });

/** The first year mentor accepts (as util/dates): years 0000 to 0099 would print as 19xx. */
const MIN_YEAR = 1900;

const RealDate = z.iso.date({ error: 'not a real calendar date written YYYY-MM-DD' });

/** A calendar date written YYYY-MM-DD, from 1900; kept as a string so no time zone can shift it. */
// The year is read first: it settles almost every date without parsing it a second time.
export const IsoDate = RealDate.refine((value) => Number(value.slice(0, 4)) >= MIN_YEAR || !RealDate.safeParse(value).success, {
  error: (issue) => `${JSON.stringify(issue.input)} is before ${MIN_YEAR}; mentor accepts dates from ${MIN_YEAR}-01-01 (was the year mistyped?)`,
  params: { code: 'MTR014' },
})
  // The same rule for the exported JSON Schema, where refinements do not go.
  .meta({ allOf: [{ pattern: '^(?:19|[2-9][0-9])[0-9][0-9]-' }] });

/** ISO 3166-1 alpha-2 codes, from the maintained i18n-iso-countries data. */
export const COUNTRY_CODES: readonly string[] = (countryCodes as string[][]).map((row) => row[0]!).sort();

export const CountryCode = z.enum(COUNTRY_CODES as [string, ...string[]], {
  error: (issue) => `unknown country code ${JSON.stringify(issue.input)} (ISO 3166-1 alpha-2, like "MW" or "ZA")`,
});

/** ISO 4217 codes: the list in Node's ICU data, which the exported JSON Schema lists too. */
export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf('currency');
const CURRENCIES = new Set(CURRENCY_CODES);

/** Whether a code is a current ISO 4217 currency (the list in Node's ICU data). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

export const CurrencyCode = z.enum(CURRENCY_CODES as [string, ...string[]], {
  error: (issue) =>
    typeof issue.input === 'string' && /^[A-Z]{3}$/.test(issue.input)
      ? `unknown currency code ${JSON.stringify(issue.input)} (ISO 4217)`
      : 'a currency is a three-letter ISO 4217 code, like "USD" or "MWK"',
});

/** A text with at least one character that is not a space; the pattern says so in the exported JSON Schema. */
export const NonEmptyText = z.string().trim().min(1, { error: 'must not be empty' }).meta({ pattern: '\\S' });

/** Zero or more, and finite: `.inf` and 1e400 (which YAML reads as infinity) are no amounts. */
export const Amount = z.number().nonnegative({ error: 'an amount is zero or more' }).max(Number.MAX_VALUE, { error: 'an amount is a finite number' });

export const Locale = z.enum(['en', 'es', 'fr', 'pt']);

const LANGUAGES = new Set(LANGUAGE_CODES);

/** Whether a code is a two-letter ISO 639-1 language code (as Node's ICU data knows them). */
export function isLanguageCode(code: string): boolean {
  return LANGUAGES.has(code);
}

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2}$/, { error: 'a language is a two-letter lowercase ISO 639-1 code, like "en", "es" or "ny"' })
  .refine(isLanguageCode, { error: (issue) => `unknown language code ${JSON.stringify(issue.input)} (ISO 639-1)` })
  .meta({ enum: [...LANGUAGE_CODES] });

/** A colour written #rrggbb. */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour is written "#rrggbb", like "#1f5fa8"' });

/** A relative path inside the repository, with forward slashes: never absolute, never leaving it. */
export const RepositoryPath = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .refine((value) => !value.startsWith('/') && !/^[a-zA-Z]:/.test(value) && !value.includes('\\') && !value.split('/').includes('..'), {
    error: 'a path inside the repository, relative to mentor.yaml, with forward slashes and no ".."',
  });
