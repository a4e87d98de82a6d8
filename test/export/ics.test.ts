import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { escapeText, foldLine, formatCalendar } from '../../src/export/ics.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

describe('escapeText', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b; c', 'a\\, b\\; c'],
    ['back\\slash', 'back\\\\slash'],
    ['one\ntwo\r\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['tab\tkept', 'tab\tkept'],
    ['esc\u001b[31mred\u0007', 'esc?[31mred?'],
    ['c1\u009bx', 'c1?x'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  const physical = (folded: string) => folded.split('\r\n');

  test('a line of 75 octets stays whole; 76 folds', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(physical(foldLine('x'.repeat(76)))).toEqual(['x'.repeat(75), ' x']);
  });

  test.each([
    ['two-byte letters', 'SUMMARY:' + 'é'.repeat(100)],
    ['three-byte signs', 'SUMMARY:' + '–€'.repeat(60)],
    ['four-byte emoji', 'SUMMARY:' + '🏙️🤝'.repeat(40)],
    ['escapes at every place', 'SUMMARY:' + 'a\\,b\\;'.repeat(40)],
    ['mixed', 'DESCRIPTION:' + 'Lilongwe – Johannesburg\\, «ville» 城市 🏙\\n'.repeat(12)],
  ])('%s: every line at most 75 octets, whole UTF-8, unfolds to the input', (_name, line) => {
    const folded = foldLine(line);
    for (const [i, part] of physical(folded).entries()) {
      const bytes = Buffer.from(part, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => utf8.decode(bytes)).not.toThrow();
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toMatch(/\\$/); // an escape never split from what it escapes
    }
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
  });
});

test('formatCalendar: CRLF everywhere, all-day events that ical.js reads back', () => {
  const text = formatCalendar({
    name: 'Durban, Mzuzu; and the rest',
    stamp: '2011-03-31',
    events: [{ uid: 'durban-mzuzu/target/x@mentor', start: '2011-06-30', end: '2011-07-01', summary: 'Target due: a; b, c\\d', transparent: true }],
  });
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  const calendar = new ICAL.Component(ICAL.parse(text));
  // An X- property is TEXT (RFC 5545 3.8.8.2); ical.js hands unknown properties back still escaped.
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Durban\\, Mzuzu\\; and the rest');
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe('Target due: a; b, c\\d');
  expect(event.startDate.isDate).toBe(true);
  expect(event.startDate.toString()).toBe('2011-06-30');
  expect(event.endDate.toString()).toBe('2011-07-01');
  expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2011-03-31T00:00:00Z');
});
