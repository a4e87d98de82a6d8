import ICAL from 'ical.js';
import { expect, test } from 'vitest';
import { partnershipEvents, type CalendarSource } from '../../src/export/calendar.js';
import { formatCalendar } from '../../src/export/ics.js';
import type { Partnership } from '../../src/model/partnership.js';
import type { Session } from '../../src/model/session.js';

const LONG = 'Estrategia de desarrollo «territorial» – 城市发展战略 – استراتيجية المدينة 🏙️🤝 '.repeat(3).trim();
const HOSTILE = 'Budget, by-laws; markets \\ roads\nsecond line\r\nthird; line, end\\';

const partnership: Partnership = {
  id: 'durban-mzuzu',
  title: 'Durban – Mzuzu; planning, approvals',
  mentor: { name: 'eThekwini Municipality (Durban)', kind: 'city', country: 'ZA' },
  mentee: { name: 'Mzuzu City Council', kind: 'city', country: 'MW' },
  stage: 'mentoring',
  status: 'active',
  history: [{ stage: 'request', date: '2010-03-01' }],
  targets: [{ id: 'approvals', title: HOSTILE, indicator: 'Days, on average; to approve\na plan', due: '2011-06-30', status: 'in-progress' }],
  milestones: [
    { title: LONG, due: '2011-02-28', done: true },
    { title: 'Review', due: '2011-04-01' },
    { title: 'Review', due: '2011-09-01' },
  ],
  sessions_planned: [
    { date: '2011-02-21', title: 'Planning approvals review', host: 'mentee' },
    { date: '2011-05-09', title: 'Second review; with the council, and the LGA', host: 'mentor' },
  ],
};

const session: Session = {
  date: '2011-02-21',
  end: '2011-02-24',
  title: 'Planning approvals review',
  type: 'technical-visit',
  level: 'technical',
  host: 'mentee',
  location: 'Mzuzu City Council, Mzuzu; Malawi',
  outcomes: [HOSTILE],
  actions: [
    { what: HOSTILE, owner: 'Planning team, Mzuzu City Council', due: '2011-03-31', status: 'open' },
    { what: 'Report', owner: 'Durban team', due: '2011-04-30', status: 'dropped' },
  ],
};

const source: CalendarSource = { partnership, sessions: [{ stem: '2011-02-21-planning-approvals-review', session }] };

function roundTrip(events = partnershipEvents(source, 'en', { withPartnership: true })) {
  const text = formatCalendar({ name: partnership.title, stamp: '2011-03-31', events });
  const parsed = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { text, events, parsed };
}

test('hostile text survives the round trip through ical.js exactly', () => {
  const { events, parsed } = roundTrip();
  expect(parsed.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  // ICS has one line break, "\n": a CRLF in the data comes back as a plain newline.
  const lf = (text: string | undefined) => text?.replace(/\r\n?/g, '\n');
  parsed.forEach((e, i) => {
    expect(e.summary).toBe(events[i]!.summary);
    expect(e.description ?? undefined).toBe(lf(events[i]!.description));
    expect(e.location ?? undefined).toBe(events[i]!.location);
  });
  const target = parsed.find((e) => e.uid === 'durban-mzuzu/target/approvals@mentor')!;
  expect(target.summary).toBe('Target due: Budget, by-laws; markets \\ roads second line third; line, end\\ · Durban – Mzuzu; planning, approvals');
  expect(target.description).toContain('Indicator: Days, on average; to approve\na plan');
  const milestone = parsed.find((e) => e.summary.includes('城市'))!;
  expect(milestone.summary).toBe(`Milestone: ${LONG} · Durban – Mzuzu; planning, approvals`);
});

test('every physical line is at most 75 octets of whole UTF-8, ending in CRLF', () => {
  const { text } = roundTrip();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  expect(text.split('\r\n').at(-1)).toBe('');
  for (const line of text.split('\r\n')) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(() => decoder.decode(Buffer.from(line, 'utf8'))).not.toThrow();
  }
  expect(text).toMatch(/\r\n [^\r\n]/); // something was folded
});

test('a planned session that was held appears once, as the logged session spanning its days', () => {
  const { parsed } = roundTrip();
  const onThatDay = parsed.filter((e) => e.startDate.toString() === '2011-02-21');
  expect(onThatDay.map((e) => e.uid)).toEqual(['durban-mzuzu/session/2011-02-21-planning-approvals-review@mentor']);
  expect(onThatDay[0]!.endDate.toString()).toBe('2011-02-25'); // DTEND is the day after the last day
  expect(parsed.some((e) => e.uid === 'durban-mzuzu/planned/second-review-with-the-council-and-the-lga@mentor')).toBe(true);
});

test('UIDs key on stable facts: titles repeated in a list add their date; moving a date keeps a unique title', () => {
  const uids = roundTrip().events.map((e) => e.uid);
  expect(uids).toContain('durban-mzuzu/milestone/2011-04-01-review@mentor');
  expect(uids).toContain('durban-mzuzu/milestone/2011-09-01-review@mentor');
  const moved = partnershipEvents(
    { ...source, partnership: { ...partnership, sessions_planned: [{ date: '2011-06-13', title: 'Second review; with the council, and the LGA' }] } },
    'en',
    { withPartnership: false },
  );
  expect(moved.map((e) => e.uid)).toContain('durban-mzuzu/planned/second-review-with-the-council-and-the-lga@mentor');
  expect(new Set(uids).size).toBe(uids.length);
});

test('dropped items are cancelled events; due dates do not block the day', () => {
  const { parsed } = roundTrip();
  const dropped = parsed.find((e) => e.summary.startsWith('Action due: Report'))!;
  expect(dropped.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  expect(dropped.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
  const visit = parsed.find((e) => e.summary.startsWith('Session: '))!;
  expect(visit.component.getFirstPropertyValue('transp')).toBe('OPAQUE');
});
