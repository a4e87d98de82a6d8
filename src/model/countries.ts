import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import spanishNames from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import frenchNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { editDistance } from '../util/text.js';
import { COUNTRY_CODES } from './primitives.js';

type NameList = { countries: Record<string, string | string[]> };

/** The programme's working languages: a country may be named in any of them. */
const LANGUAGES = [englishNames, spanishNames, frenchNames] as NameList[];

let byName: Map<string, string> | undefined;

/** Lowercase, without accents or punctuation: "Côte d’Ivoire" and "cote d'ivoire" are one name. */
function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function names(): Map<string, string> {
  byName ??= new Map(
    LANGUAGES.flatMap((language) =>
      Object.entries(language.countries).flatMap(([code, list]) => (Array.isArray(list) ? list : [list]).map((name) => [normalise(name), code] as [string, string])),
    ),
  );
  return byName;
}

/**
 * The ISO 3166-1 alpha-2 code for a code in any case or a country name in English, Spanish or
 * French ("Malawi", "Kenia", "Afrique du Sud"), accents and case aside.
 */
export function countryCodeOf(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed.length === 2 && COUNTRY_CODES.includes(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return names().get(normalise(trimmed));
}

/** For a near miss ("Kenja", "Malawy", "Afrique du sut"), the countries most likely meant (at most three). */
export function suggestCountries(input: string): { code: string; name: string }[] {
  const wanted = normalise(input);
  if (wanted.length < 3) return [];
  const limit = Math.max(1, Math.floor(wanted.length / 4));
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const [name, code] of names()) {
    const distance = editDistance(wanted, name);
    if (distance < bestDistance) [best, bestDistance] = [[code], distance];
    else if (distance === bestDistance && !best.includes(code)) best.push(code);
  }
  return best.slice(0, 3).map((code) => ({ code, name: englishCountryName(code) ?? code }));
}

/** Why `input` is not a country, with the codes most likely meant when there are some; `what` names it in the message. */
export function countryProblem(input: string, what = `"${input}"`): string | undefined {
  if (countryCodeOf(input)) return undefined;
  const near = suggestCountries(input);
  return near.length > 0
    ? `${what} is not a country: did you mean ${near.map((c) => `${c.code} (${c.name})`).join(' or ')}?`
    : `${what} is not a country: use the ISO 3166-1 code, like MW, or the name in English, Spanish or French`;
}

/** The English name of a country code, for prompts and messages. */
export function englishCountryName(code: string): string | undefined {
  const names = (englishNames as NameList).countries[code];
  return Array.isArray(names) ? names[0] : names;
}
