import { UTCDate } from '@date-fns/utc';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { pt } from 'date-fns/locale/pt';
import countries from 'i18n-iso-countries/index.js';
import enCountries from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import esCountries from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import frCountries from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ptCountries from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };

export const LANGS = ['en', 'es', 'fr', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

// Only the languages of the documents are registered: the package's default entry loads every one.
countries.registerLocale(enCountries);
countries.registerLocale(esCountries);
countries.registerLocale(frCountries);
countries.registerLocale(ptCountries);

const DATE_LOCALES = { en: enGB, es, fr, pt } as const;

function utc(date: string): UTCDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new UTCDate(y, m - 1, d);
}

/** A YYYY-MM-DD date written the local way: "21 October 2008", "21 de octubre de 2008", "21 octobre 2008". */
export function longDate(date: string, lang: Lang): string {
  return format(utc(date), 'PPP', { locale: DATE_LOCALES[lang] });
}

/** A YYYY-MM-DD date, short, for tables: "21 Oct 2008", "21 oct 2008", "21 oct. 2008". */
export function shortDate(date: string, lang: Lang): string {
  return format(utc(date), 'PP', { locale: DATE_LOCALES[lang] });
}

/** A month and year, for chart ticks: "Oct 2008", "oct 2008". */
export function monthYear(date: string, lang: Lang): string {
  return format(utc(date), 'LLL yyyy', { locale: DATE_LOCALES[lang] }).replace(/\.$/, '');
}

/** A country's name in the document's language, from its ISO 3166-1 alpha-2 code. */
export function countryName(code: string, lang: Lang): string {
  return countries.getName(code, lang) ?? code;
}

const SEPARATORS: Record<Lang, { group: string; decimal: string; minGroup: number }> = {
  en: { group: ',', decimal: '.', minGroup: 4 },
  // Spanish groups only numbers of five digits or more (RAE), with a point; French with a narrow no-break space.
  es: { group: '.', decimal: ',', minGroup: 5 },
  fr: { group: '\u202f', decimal: ',', minGroup: 4 },
  pt: { group: '.', decimal: ',', minGroup: 4 },
};

/**
 * A number written the local way, with up to `decimals` decimals (trailing zeros kept when
 * `fixed`). Written by hand rather than with Intl so the bytes do not depend on Node's ICU data.
 */
export function formatNumber(value: number, lang: Lang, decimals = 0, fixed = false, groupFrom?: number): string {
  const { group, decimal } = SEPARATORS[lang];
  const minGroup = groupFrom ?? SEPARATORS[lang].minGroup;
  const negative = value < 0;
  let [whole, fraction = ''] = Math.abs(value).toFixed(decimals).split('.') as [string, string?];
  if (!fixed) fraction = fraction.replace(/0+$/, '');
  if (whole.length >= minGroup) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${whole}${fraction ? decimal + fraction : ''}`;
}

/**
 * An amount with its ISO 4217 currency: "USD 150,000" in English, "150.000 USD" in Spanish and French.
 * Amounts stand in columns: every amount groups from four digits, so one column follows one rule
 * (Spanish prose groups only from five).
 */
export function formatMoney(amount: number, currency: string, lang: Lang): string {
  const decimals = Number.isInteger(amount) ? 0 : 2;
  const number = formatNumber(amount, lang, decimals, true, 4);
  return lang === 'en' ? `${currency} ${number}` : `${number}\u00a0${currency}`;
}
