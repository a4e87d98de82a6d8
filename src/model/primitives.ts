import * as z from 'zod';
import { SLUG_MAX, SLUG_PATTERN } from './constants.js';
import countryCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };

export { isSlug, SLUG_MAX, SLUG_PATTERN } from './constants.js';

export const Slug = z
  .string()
  .max(SLUG_MAX, { error: `an id has at most ${SLUG_MAX} characters` })
  .regex(SLUG_PATTERN, {
    error: 'an id is lowercase letters and digits in words joined by single hyphens, like "johannesburg-lilongwe"',
  });

/** A calendar date written YYYY-MM-DD; kept as a string so no time zone can shift it. */
export const IsoDate = z.iso.date({ error: 'not a real calendar date written YYYY-MM-DD' });

/** ISO 3166-1 alpha-2 codes, from the maintained i18n-iso-countries data. */
export const COUNTRY_CODES: readonly string[] = (countryCodes as string[][]).map((row) => row[0]!).sort();

export const CountryCode = z.enum(COUNTRY_CODES as [string, ...string[]], {
  error: (issue) => `unknown country code ${JSON.stringify(issue.input)} (ISO 3166-1 alpha-2, like "MW" or "ZA")`,
});

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether a code is a current ISO 4217 currency (the list in Node's ICU data). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'a currency is a three-letter ISO 4217 code, like "USD" or "MWK"' })
  .refine(isCurrencyCode, {
    error: (issue) => `unknown currency code ${JSON.stringify(issue.input)} (ISO 4217)`,
  });

export const NonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

export const Amount = z.number().nonnegative({ error: 'an amount is zero or more' });

export const Locale = z.enum(['en', 'es', 'fr', 'pt']);

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether a code is a two-letter ISO 639-1 language code (as Node's ICU data knows them). */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && LANGUAGE_NAMES.of(code) !== undefined;
}

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2}$/, { error: 'a language is a two-letter lowercase ISO 639-1 code, like "en", "es" or "ny"' })
  .refine(isLanguageCode, { error: (issue) => `unknown language code ${JSON.stringify(issue.input)} (ISO 639-1)` });

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
