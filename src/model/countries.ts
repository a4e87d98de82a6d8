import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { COUNTRY_CODES } from './primitives.js';

let byName: Map<string, string> | undefined;

/** The ISO 3166-1 alpha-2 code for a code in any case or an English country name ("Malawi" -> "MW"). */
export function countryCodeOf(input: string): string | undefined {
  const trimmed = input.trim();
  if (COUNTRY_CODES.includes(trimmed.toUpperCase()) && trimmed.length === 2) return trimmed.toUpperCase();
  byName ??= new Map(
    Object.entries((englishNames as { countries: Record<string, string | string[]> }).countries).flatMap(([code, names]) =>
      (Array.isArray(names) ? names : [names]).map((name) => [name.toLowerCase(), code] as [string, string]),
    ),
  );
  return byName.get(trimmed.toLowerCase());
}

/** The English name of a country code, for prompts and messages. */
export function englishCountryName(code: string): string | undefined {
  const names = (englishNames as { countries: Record<string, string | string[]> }).countries[code];
  return Array.isArray(names) ? names[0] : names;
}
