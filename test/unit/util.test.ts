import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { describe, expect, it } from 'vitest';
import { isSlug } from '../../src/model/primitives.js';
import { addDaysTo, addMonthsTo, daysBetween, isIsoDate, localToday } from '../../src/util/dates.js';
import { closest, editDistance, slugify } from '../../src/util/text.js';

describe('the test environment', () => {
  it('runs west of UTC, where a date parsed as UTC midnight shows the day before', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    expect(new Date('2011-03-14').getDate()).toBe(13);
  });
});

describe('dates', () => {
  it.each([
    ['2011-03-14', '2011-03-14', 0],
    ['2011-03-14', '2011-03-15', 1],
    ['2011-03-15', '2011-03-14', -1],
    ['2011-03-12', '2011-03-14', 2], // across the start of daylight saving time in Los Angeles
    ['2011-11-05', '2011-11-07', 2], // across its end
    ['2011-02-28', '2011-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2010-12-31', '2011-01-01', 1],
    ['2011-01-01', '2012-01-01', 365],
    ['2012-01-01', '2013-01-01', 366],
    ['2011-03-07', '2011-07-06', 121],
  ])('daysBetween(%s, %s) = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2010-01-04', 15, '2011-04-04'],
    ['2011-01-31', 1, '2011-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2011-03-31', 1, '2011-04-30'],
    ['2011-03-13', 0, '2011-03-13'],
    ['2011-11-06', 12, '2012-11-06'],
    ['2011-12-15', 1, '2012-01-15'],
  ])('addMonthsTo(%s, %i) = %s', (date, months, expected) => {
    expect(addMonthsTo(date, months)).toBe(expected);
  });

  it('agree with date-fns in UTC on 4,000 random dates from 1900 to 2199 (month ends, leap years, the zone west of UTC)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    for (let i = 0; i < 4000; i++) {
      const y = 1900 + next(300);
      const m = next(12);
      // Month ends are where adding months goes wrong: one date in three is a 28th to 31st.
      const day = next(3) === 0 ? 28 + next(4) : 1 + next(28);
      const from = new UTCDate(y, m, day);
      if (from.getUTCMonth() !== m) continue;
      const date = iso(from);
      const months = next(49) - 24;
      expect(addMonthsTo(date, months), `${date} + ${months} months`).toBe(iso(addMonths(from, months)));
      const other = iso(new UTCDate(y + next(5) - 2, next(12), 1 + next(28)));
      expect(daysBetween(date, other), `${date} to ${other}`).toBe(differenceInCalendarDays(new UTCDate(other), from));
    }
  });

  it.each([
    ['2011-03-17', 1, '2011-03-18'],
    ['2011-02-28', 1, '2011-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2010-12-31', 1, '2011-01-01'],
    ['2011-03-13', 1, '2011-03-14'], // the night the clocks change west of UTC
    ['2011-04-05', -1, '2011-04-04'],
  ])('addDaysTo(%s, %i) = %s', (date, days, expected) => {
    expect(addDaysTo(date, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2011-04-31', false],
    ['2011-3-1', false],
    [20110314, false],
    [undefined, false],
  ])('isIsoDate(%j) = %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    // 03:00 UTC on 14 March is still the evening of 13 March in Los Angeles
    ['2011-03-14T03:00:00Z', '2011-03-13'],
    ['2011-03-14T12:00:00Z', '2011-03-14'],
    ['2011-01-01T07:59:59Z', '2010-12-31'],
    ['2011-01-01T08:00:00Z', '2011-01-01'],
  ])('localToday at %s is %s on this machine', (instant, expected) => {
    expect(localToday(new Date(instant))).toBe(expected);
  });

  it('localToday defaults to now, as a calendar date', () => {
    expect(isIsoDate(localToday())).toBe(true);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['stage', 'stage', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['stge', 'stage', 1],
    ['stagee', 'stage', 1],
    ['stgae', 'stage', 1],
    ['satge', 'stage', 1],
    ['kitten', 'sitting', 3],
    ['tecnical', 'technical', 1],
    ['organization', 'organisation', 1],
  ])('editDistance(%j, %j) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closest', () => {
  const KEYS = ['id', 'title', 'mentor', 'mentee', 'stage', 'status', 'history', 'request', 'targets'];

  it.each([
    ['stge', 'stage'],
    ['STAGE', 'stage'],
    ['sttus', 'status'],
    ['histroy', 'history'],
    ['target', 'targets'],
    ['mentro', 'mentor'],
    ['reqest', 'request'],
    ['budget', undefined],
    ['xyz', undefined],
    ['completely-unrelated', undefined],
  ])('closest(%j) = %j', (word, expected) => {
    expect(closest(word, KEYS)).toBe(expected);
  });

  it('finds nothing among no candidates', () => {
    expect(closest('stage', [])).toBeUndefined();
  });
});

describe('slugify', () => {
  it.each([
    ['Contact session 1: the CDS', 'contact-session-1-the-cds'],
    ['First contact session in Mombasa', 'first-contact-session-in-mombasa'],
    ['Primera sesión de contacto en Santiago', 'primera-sesion-de-contacto-en-santiago'],
    ['Johannesburg–Lilongwe', 'johannesburg-lilongwe'],
    ['  --Hello, World!--  ', 'hello-world'],
    ['Évaluation à mi-parcours', 'evaluation-a-mi-parcours'],
    ['', 'session'],
    ['!!!', 'session'],
    ['日本語', 'session'],
  ])('slugify(%j) = %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long titles at 48 characters without a trailing hyphen', () => {
    const slug = slugify('Review of the capital investment programme and the 2011/12 budget of the Assembly');
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('review-of-the-capital-investment-programme')).toBe(true);
  });

  it.each(['A title', 'x'.repeat(200), 'a - - b', '2011/12 budget', 'Taller de diagnóstico estratégico territorial'])('always gives a valid id for %j', (text) => {
    expect(isSlug(slugify(text))).toBe(true);
  });
});
