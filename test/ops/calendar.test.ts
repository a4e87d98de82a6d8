import { openRepository } from '../../src/store/repository.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildCalendar } from '../../src/ops/calendar.js';
import { EXAMPLES } from '../helpers/cli.js';

const TODAY = '2011-03-31';
const IDS = readdirSync(path.join(EXAMPLES, 'partnerships')).sort();

interface Expected {
  kind: string;
  start: string;
  end: string;
  title: string;
  uid?: string;
}

/** What the calendar must hold, read straight from the YAML files, not through mentor's code. */
function expectedEvents(id: string): Expected[] {
  const dir = path.join(EXAMPLES, 'partnerships', id);
  const p = parse(readFileSync(path.join(dir, 'partnership.yaml'), 'utf8'), { schema: 'core' });
  const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const files = readdirSync(path.join(dir, 'sessions')).filter((f) => f.endsWith('.yaml'));
  const sessions = files.map((f) => ({ stem: f.slice(0, -5), s: parse(readFileSync(path.join(dir, 'sessions', f), 'utf8'), { schema: 'core' }) }));
  const held = new Set(sessions.map(({ s }) => s.date));
  return [
    ...sessions.map(({ stem, s }) => ({ kind: 'Session', start: s.date, end: next(s.end ?? s.date), title: s.title, uid: `${id}/session/${stem}@mentor` })),
    ...sessions.flatMap(({ s }) => (s.actions ?? []).map((a: { what: string; due: string }) => ({ kind: 'Action due', start: a.due, end: next(a.due), title: a.what }))),
    ...(p.sessions_planned ?? []).filter((x: { date: string }) => !held.has(x.date)).map((x: { date: string; title: string }) => ({ kind: 'Planned session', start: x.date, end: next(x.date), title: x.title })),
    ...(p.targets ?? []).map((t: { id: string; due: string; title: string }) => ({ kind: 'Target due', start: t.due, end: next(t.due), title: t.title, uid: `${id}/target/${t.id}@mentor` })),
    ...(p.milestones ?? []).map((m: { due: string; title: string }) => ({ kind: 'Milestone', start: m.due, end: next(m.due), title: m.title })),
  ];
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const key = (e: { kind: string; start: string; end: string; title: string }) => `${e.start}|${e.end}|${e.kind}: ${e.title}`;

describe.each(IDS)('the calendar of %s', (id) => {
  const text = buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: TODAY, id, locale: 'en' }).output!;
  const events = parseCalendar(text);
  const expected = expectedEvents(id);

  test('holds exactly one event for every dated item of the data', () => {
    const actual = events.map((e) => ({ kind: e.summary.split(': ')[0]!, start: e.startDate.toString(), end: e.endDate.toString(), title: e.summary.slice(e.summary.indexOf(': ') + 2) }));
    expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
  });

  test('all-day dates that do not move west of UTC', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    for (const e of events) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.endDate.isDate).toBe(true);
      const local = e.startDate.toJSDate();
      const written = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
      expect(written).toBe(e.startDate.toString());
    }
  });

  test('unique UIDs, from the partnership id, the kind and a key from the data', () => {
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(new RegExp(`^${id}/(session|planned|target|milestone|action)/[a-z0-9/-]+@mentor$`));
    for (const e of expected.filter((x) => x.uid)) expect(uids).toContain(e.uid);
  });

  test('sessions carry their location; the file holds no machine-dependent detail', () => {
    expect(text).not.toContain(EXAMPLES);
    const withLocation = events.filter((e) => e.location);
    expect(withLocation.every((e) => e.summary.startsWith('Session: '))).toBe(true);
  });
});

test('one calendar of every partnership: each summary names its partnership; DTSTAMP is the latest date in the data', () => {
  const text = buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: TODAY, locale: 'en' }).output!;
  const events = parseCalendar(text);
  expect(events.length).toBe(IDS.reduce((n, id) => n + expectedEvents(id).length, 0));
  expect(events.filter((e) => e.uid.startsWith('bergen-mombasa/')).every((e) => e.summary.endsWith(' · Bergen – Mombasa land use'))).toBe(true);
  expect(text).toContain('DTSTAMP:20110317T000000Z');
});

test('the same data gives the same bytes, on any day, until the data changes', () => {
  const a = buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: '2011-03-31' }).output;
  const b = buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: '2012-01-01' }).output;
  expect(a).toBe(b);
  const stamped = buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: '2011-03-31', asOf: '2011-03-31' }).output;
  expect(stamped).toContain('DTSTAMP:20110331T000000Z');
});

test("labels in the partnership's language: Rosario and Ciudad Sur work in Spanish", () => {
  const events = parseCalendar(buildCalendar(openRepository(EXAMPLES), { cwd: EXAMPLES, today: TODAY, id: 'rosario-ciudad-sur' }).output!);
  expect(events.some((e) => e.summary.startsWith('Sesión: '))).toBe(true);
});
