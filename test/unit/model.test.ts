import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PartnershipSchema, PartySchema } from '../../src/model/partnership.js';
import { CountryCode, CurrencyCode, IsoDate, isCurrencyCode, isSlug, Slug } from '../../src/model/primitives.js';
import { SessionSchema } from '../../src/model/session.js';
import { isIsoDate } from '../../src/util/dates.js';
import { EXAMPLES } from '../helpers/cli.js';
import { UclgHistoryEntrySchema as HistoryEntrySchema } from '../helpers/method.js';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('slugs (ids)', () => {
  it.each([
    ['johannesburg-lilongwe', true],
    ['a', true],
    ['2011-visit-2', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['Johannesburg-Lilongwe', false],
    ['a--b', false],
    ['-a', false],
    ['a-', false],
    ['a_b', false],
    ['a b', false],
    ['', false],
    ['..', false],
    ['../etc', false],
    ['a/b', false],
    ['/abs', false],
    ['sesión', false],
  ])('%j is a slug: %s', (value, valid) => {
    expect(isSlug(value)).toBe(valid);
    expect(ok(Slug, value)).toBe(valid);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2011-03-14', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2011-02-30', false],
    ['2011-04-31', false],
    ['2011-12-31', true],
    ['2011-13-01', false],
    ['2011-00-10', false],
    ['2011-01-00', false],
    ['2011-3-14', false],
    ['14/03/2011', false],
    ['20110314', false],
    ['2011-03-14T00:00:00Z', false],
    [' 2011-03-14', false],
    ['', false],
  ])('%j is a date: %s', (value, valid) => {
    expect(ok(IsoDate, value)).toBe(valid);
    expect(isIsoDate(value)).toBe(valid);
  });

  it.each([[new Date('2011-03-14')], [20110314], [null]])('%j is not a date string', (value) => {
    expect(ok(IsoDate, value)).toBe(false);
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('country codes (ISO 3166-1 alpha-2)', () => {
  it.each([
    ['MW', true],
    ['ZA', true],
    ['NO', true],
    ['CL', true],
    ['KE', true],
    ['NA', true],
    ['GB', true],
    ['mw', false],
    ['UK', false],
    ['XX', false],
    ['ZZ', false],
    ['MWI', false],
    ['Malawi', false],
    ['', false],
  ])('%j is a country code: %s', (value, valid) => {
    expect(ok(CountryCode, value)).toBe(valid);
  });
});

describe('currency codes (ISO 4217)', () => {
  it.each([
    ['USD', true],
    ['MWK', true],
    ['ZAR', true],
    ['NOK', true],
    ['CLP', true],
    ['EUR', true],
    ['usd', false],
    ['XQQ', false],
    ['US', false],
    ['DOLLAR', false],
    ['', false],
  ])('%j is a currency code: %s', (value, valid) => {
    expect(ok(CurrencyCode, value)).toBe(valid);
    if (/^[A-Z]{3}$/.test(value)) expect(isCurrencyCode(value)).toBe(valid);
  });
});

describe('evaluation ratings', () => {
  const evaluation = PartnershipSchema.shape.evaluation;
  const ratings = (value: unknown) => ({
    date: '2011-07-29',
    ratings: { relevance: 4, coherence: 3, effectiveness: 3, efficiency: 2, impact: 3, sustainability: 2, ownership: value },
  });

  it.each([
    [1, true],
    [2, true],
    [3, true],
    [4, true],
    [0, false],
    [5, false],
    [2.5, false],
    [-1, false],
    ['3', false],
    [null, false],
  ])('ownership %j is a rating: %s', (value, valid) => {
    expect(ok(evaluation, ratings(value))).toBe(valid);
  });

  it('needs all seven ratings', () => {
    const six: Record<string, unknown> = { ...ratings(3).ratings };
    delete six.ownership;
    expect(ok(evaluation, { date: '2011-07-29', ratings: six })).toBe(false);
  });
});

describe('parties', () => {
  it.each([
    ['a mentor still to be found, without a country', { name: 'tbd' }, true],
    ['tbd with a kind', { name: 'tbd', kind: 'city' }, true],
    ['a named city with kind and country', { name: 'City of Johannesburg', kind: 'city', country: 'ZA' }, true],
    ['an association with its LGA and contacts', { name: 'ALAN', kind: 'association', country: 'NA', lga: 'ALAN', contacts: [{ name: 'Secretariat', role: 'Lead' }] }, true],
    ['a named city without a country', { name: 'City of Johannesburg', kind: 'city' }, false],
    ['a named city without a kind', { name: 'City of Johannesburg', country: 'ZA' }, false],
    ['an unknown kind', { name: 'Lilongwe', kind: 'town', country: 'MW' }, false],
    ['an empty name', { name: ' ', kind: 'city', country: 'MW' }, false],
    ['an unknown key', { name: 'Lilongwe', kind: 'city', country: 'MW', mayor: 'x' }, false],
    ['a contact with a bad e-mail address', { name: 'tbd', contacts: [{ name: 'A', role: 'B', email: 'a at b' }] }, false],
    ['a contact with an e-mail address', { name: 'tbd', contacts: [{ name: 'A', role: 'B', email: 'a@example.org' }] }, true],
  ])('%s: valid %s', (_name, party, valid) => {
    expect(ok(PartySchema, party)).toBe(valid);
  });
});

describe('history entries', () => {
  it.each([
    [{ stage: 'request', date: '2010-02-22' }, true],
    [{ stage: 'mentoring', date: '2010-02-22', forced: true, reason: 'agreed by phone' }, true],
    [{ status: 'suspended', date: '2010-02-22', reason: 'elections postponed' }, true],
    [{ stage: 'request', status: 'active', date: '2010-02-22' }, false],
    [{ date: '2010-02-22' }, false],
    [{ stage: 'requested', date: '2010-02-22' }, false],
    [{ stage: 'request', date: '2010-02-30' }, false],
    [{ stage: 'request' }, false],
  ])('%j is valid: %s', (entry, valid) => {
    expect(ok(HistoryEntrySchema, entry)).toBe(valid);
  });
});

describe('sessions', () => {
  const session = { date: '2011-03-14', title: 'Review', type: 'contact', level: 'technical', host: 'mentee' };

  it.each(['date', 'title', 'type', 'level', 'host'])('needs %s', (key) => {
    const rest: Record<string, unknown> = { ...session };
    delete rest[key];
    expect(ok(SessionSchema, session)).toBe(true);
    expect(ok(SessionSchema, rest)).toBe(false);
  });

  it.each([
    ['type', 'study-visit', true],
    ['type', 'conference', false],
    ['level', 'political', true],
    ['level', 'strategic', false],
    ['host', 'remote', true],
    ['host', 'mentor-city', false],
    ['end', '2011-03-17', true],
    ['end', '2011-03-32', false],
  ])('%s: %j is valid: %s', (key, value, valid) => {
    expect(ok(SessionSchema, { ...session, [key]: value })).toBe(valid);
  });
});

describe('the example repository', () => {
  const partnerships = readdirSync(path.join(EXAMPLES, 'partnerships'));
  const read = (...parts: string[]) => parse(readFileSync(path.join(EXAMPLES, 'partnerships', ...parts), 'utf8')) as unknown;

  it.each(partnerships)('%s matches the partnership schema, and so do its sessions', (id) => {
    expect(PartnershipSchema.safeParse(read(id, 'partnership.yaml')).error?.issues).toBeUndefined();
    for (const file of readdirSync(path.join(EXAMPLES, 'partnerships', id, 'sessions'))) {
      expect(SessionSchema.safeParse(read(id, 'sessions', file)).error?.issues, file).toBeUndefined();
    }
  });
});
