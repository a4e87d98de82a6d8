import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryProblem, suggestCountries } from '../../src/model/countries.js';

describe('countryCodeOf: a code or a name in English, Spanish or French', () => {
  it.each([
    ['KE', 'KE'], ['ke', 'KE'], [' mw ', 'MW'],
    ['Kenya', 'KE'], ['Kenia', 'KE'], ['KENIA', 'KE'],
    ['Malawi', 'MW'], ['South Africa', 'ZA'], ['Sudáfrica', 'ZA'], ['Sudafrica', 'ZA'], ['Afrique du Sud', 'ZA'],
    ['Norway', 'NO'], ['Noruega', 'NO'], ['Norvège', 'NO'],
    ['Chile', 'CL'], ['Namibia', 'NA'], ['Namibie', 'NA'],
    ['Côte d’Ivoire', 'CI'], ["cote d'ivoire", 'CI'], ['Costa de Marfil', 'CI'],
  ])('%s -> %s', (input, code) => expect(countryCodeOf(input)).toBe(code));

  it.each(['Narnia', 'XX', '', 'K'])('%j is no country', (input) => expect(countryCodeOf(input)).toBeUndefined());
});

describe('suggestCountries and countryProblem: the country most likely meant', () => {
  it.each([
    ['Kenja', ['KE']],
    ['Keniya', ['KE']],
    ['Malawy', ['MW']],
    ['Noruegaa', ['NO']],
    ['Narnia', []],
    ['xy', []],
  ])('%s -> %j', (input, codes) => expect(suggestCountries(input).map((c) => c.code)).toEqual(codes));

  it('names every country equally close', () => {
    expect(suggestCountries('Sambia').map((c) => c.code).sort()).toEqual(['GM', 'ZM']);
  });

  it.each([
    ['Kenia', undefined],
    ['Kenja', '"Kenja" is not a country: did you mean KE (Kenya)?'],
    ['Narnia', '"Narnia" is not a country: use the ISO 3166-1 code, like MW, or the name in English, Spanish or French'],
  ])('%s: %s', (input, problem) => expect(countryProblem(input)).toBe(problem));
});
