import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';

test('calendar prints RFC 5545 text on stdout, nothing on stderr', () => {
  const r = mentor(['calendar', 'bergen-mombasa', '-C', EXAMPLES]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(r.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(r.stdout).toContain('UID:bergen-mombasa/session/2010-10-18-study-visit-to-bergen@mentor\r\n');
});

test('calendar --out writes the file, the same bytes as stdout, and says so on stderr', () => {
  const root = copyOfExamples();
  const r = mentor(['calendar', '--out', 'out/all.ics'], { cwd: root });
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^wrote out\/all\.ics \(\d+ events\)\n$/);
  expect(readFileSync(path.join(root, 'out/all.ics'), 'utf8')).toBe(mentor(['calendar'], { cwd: root }).stdout);
});

test.each([
  [['calendar', 'no-such-partnership'], 2, /unknown partnership "no-such-partnership"/],
  [['calendar', '../etc'], 2, /not a valid partnership id/],
  [['calendar', '--as-of', '2011-02-30'], 2, /not a real calendar date/],
  [['calendar', '--locale', 'de'], 2, /argument 'de' is invalid/],
])('mentor %j exits %i', (args, code, message) => {
  const r = mentor([...args, '-C', EXAMPLES]);
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
});

test('an invalid partnership is refused (exit 1), alone or in the whole calendar, and nothing is written', () => {
  const root = copyOfExamples();
  const file = path.join(root, 'partnerships/durban-mzuzu/partnership.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('stage: ', 'stge: '));
  const one = mentor(['calendar', 'durban-mzuzu'], { cwd: root });
  expect(one.code).toBe(1);
  expect(one.stdout).toBe('');
  expect(one.stderr).toMatch(/partnership "durban-mzuzu" has \d+ validation errors?; nothing is exported/);
  const all = mentor(['calendar', '--out', 'all.ics'], { cwd: root });
  expect(all.code).toBe(1);
  expect(all.stderr).toMatch(/\(durban-mzuzu\)/);
  expect(mentor(['calendar', 'bergen-mombasa'], { cwd: root }).code).toBe(0);
});

test('calendar --help shows examples', () => {
  const r = mentor(['calendar', '--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('mentor calendar --out partnerships.ics');
});
