import { stageName, type Method } from '../model/method.js';
import { countryName, formatMoney, formatNumber, longDate, monthYear, shortDate, type Lang } from './format.js';
import { en, type StringKey, type Strings } from './locales/en.js';
import { es } from './locales/es.js';
import { fr } from './locales/fr.js';
import { pt } from './locales/pt.js';

export const STRINGS: Record<Lang, Strings> = { en, es, fr, pt };

type ProductKind = 'cds' | 'plan' | 'by-law' | 'strategy' | 'programme' | 'other';
export type Gender = 'm' | 'f';

/** The grammatical gender of each product's name, so "adopted" agrees with it (English has none). */
const GENDERS: Record<Lang, Record<ProductKind, Gender>> = {
  en: { cds: 'f', plan: 'm', 'by-law': 'f', strategy: 'f', programme: 'm', other: 'm' },
  es: { cds: 'f', plan: 'm', 'by-law': 'f', strategy: 'f', programme: 'm', other: 'm' },
  fr: { cds: 'f', plan: 'm', 'by-law': 'm', strategy: 'f', programme: 'm', other: 'm' },
  pt: { cds: 'f', plan: 'm', 'by-law': 'm', strategy: 'f', programme: 'm', other: 'm' },
};

/** Everything a view model needs to write for one language. */
export interface Localizer {
  lang: Lang;
  strings: Strings;
  /** The repository's method: its stage and criterion names are the documents' words for them. */
  method: Method;
  /** A stage's name in this language, from the method. */
  stage(id: string): string;
  /** A rating criterion's name in this language, from the method. */
  criterion(id: string): string;
  /** The evaluation question of a criterion the documents know one for (the OECD DAC criteria and ownership), else null. */
  question(id: string): string | null;
  /** A string with its {placeholders} filled in as plain text (escaping happens in the templates). */
  t(key: StringKey, vars?: Record<string, string | number>): string;
  date(date: string): string;
  short(date: string): string;
  /** "Oct 2008", for chart ticks. */
  month(date: string): string;
  /** A span of days: "21–23 Oct 2008", or both dates in full across months. */
  range(start: string, end: string): string;
  num(value: number, decimals?: number): string;
  money(amount: number, currency: string): string;
  country(code: string): string;
  /** The grammatical gender of a product kind's name in this language. */
  gender(kind: ProductKind): Gender;
}

/** The strings of a language alone, for writers that name no stage nor criterion (the calendar). */
export function translator(lang: Lang): Localizer['t'] {
  const strings = STRINGS[lang];
  return (key, vars = {}) =>
    fill(strings[key], (name) => {
      const value = vars[name];
      if (value === undefined) throw new Error(`the string "${key}" needs a value for {${name}}`);
      return String(value);
    });
}

export function localizer(lang: Lang, method: Method): Localizer {
  const strings = STRINGS[lang];
  return {
    lang,
    strings,
    method,
    stage: (id) => stageName(method, id, lang),
    criterion: (id) => {
      const names = method.ratings.criteria.find((c) => c.id === id)?.names as Record<string, string | undefined> | undefined;
      return names?.[lang] ?? names?.en ?? id;
    },
    question: (id) => (strings as Record<string, string | undefined>)[`criterion.${id}`] ?? null,
    t: translator(lang),
    date: (d) => longDate(d, lang),
    short: (d) => shortDate(d, lang),
    month: (d) => monthYear(d, lang),
    range: (start, end) => {
      if (end <= start) return shortDate(start, lang);
      if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8))}–${shortDate(end, lang)}`;
      return `${shortDate(start, lang)} – ${shortDate(end, lang)}`;
    },
    num: (v, decimals = 0) => formatNumber(v, lang, decimals),
    money: (a, c) => formatMoney(a, c, lang),
    country: (c) => countryName(c, lang),
    gender: (kind) => GENDERS[lang][kind],
  };
}

/** Replace each {name} in a string by what `value` returns for it. */
export function fill(template: string, value: (name: string) => string): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => value(name));
}

/** A value printed on its own (a table cell, a status): capitalised as a sentence. */
export function cap(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
