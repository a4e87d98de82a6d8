import { expect, test } from 'vitest';
import type { Session } from '../../src/model/session.js';
import { formatMoney, formatNumber, longDate, shortDate } from '../../src/render/format.js';
import { directionOf, isOdaRecipient } from '../../src/render/dac.js';
import { sessionStats } from '../../src/render/figures.js';
import { numberVisits } from '../../src/roadmap/figures.js';

const session = (date: string, level: 'technical' | 'political', host: Session['host'] = 'mentee'): Session => ({ date, title: `s ${date}`, type: 'workshop', level, host });
/** Sessions as read from their files (named after date and title, as `session add` names them). */
const numberSessions = (sessions: Session[], today: string) => numberVisits(sessions.map((s) => ({ file: `sessions/${s.date}-s.yaml`, session: s })), today);

test('sessions are numbered by date, with the days since the previous, up to today', () => {
  const numbered = numberSessions([session('2010-03-01', 'technical'), session('2010-01-01', 'political'), session('2012-01-01', 'technical')], '2011-01-01');
  expect(numbered.map((n) => [n.number, n.session.date, n.daysSincePrevious])).toEqual([
    [1, '2010-01-01', undefined],
    [2, '2010-03-01', 59],
  ]);
});

test('session statistics: ratio, hosting and gaps', () => {
  const stats = sessionStats(numberSessions([
    session('2010-01-01', 'technical', 'mentor'),
    session('2010-01-11', 'technical'),
    session('2010-01-31', 'technical', 'remote'),
    session('2010-02-10', 'political'),
  ], '2011-01-01'));
  expect(stats).toMatchObject({ held: 4, technical: 3, political: 1, ratio: 3, verdict: 'as-expected', hosting: { mentor: 1, mentee: 2, remote: 1, other: 0 }, gaps: { average: 13, shortest: 10, longest: 20 } });
});

test.each([
  ['en', '2008-10-21', '21 October 2008', '21 Oct 2008'],
  ['es', '2008-10-21', '21 de octubre de 2008', '21 oct 2008'],
  ['fr', '2008-10-21', '21 octobre 2008', '21 oct. 2008'],
] as const)('dates in %s do not shift west of UTC', (lang, date, long, short) => {
  expect(longDate(date, lang)).toBe(long);
  expect(shortDate(date, lang)).toBe(short);
});

test.each([
  ['en', 150000, 'USD 150,000', '1,500'],
  ['es', 150000, '150.000\u00a0USD', '1500'],
  ['fr', 150000, '150\u202f000\u00a0USD', '1\u202f500'],
] as const)('numbers and money in %s', (lang, amount, money, small) => {
  expect(formatMoney(amount, 'USD', lang)).toBe(money);
  expect(formatNumber(1500, lang)).toBe(small);
});

test('directions come from the DAC list, and a stated direction wins', () => {
  expect(isOdaRecipient('MW')).toBe(true);
  expect(isOdaRecipient('CL')).toBe(false); // left the list in 2018
  expect(directionOf(undefined, 'NO', 'KE')).toBe('north-south');
  expect(directionOf(undefined, 'ZA', 'MW')).toBe('south-south');
  expect(directionOf(undefined, 'AR', 'CL')).toBe('south-north');
  expect(directionOf('south-south', 'AR', 'CL')).toBe('south-south');
  expect(directionOf(undefined, undefined, 'MW')).toBeUndefined();
});
