// `session add` and `session list` as operations: one new file per session, named by date and
// title, never overwriting; the visit numbers derived from date order.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DataError, MentorError, UsageError } from '../../src/errors.js';
import { initPartnership } from '../../src/ops/init.js';
import { addSession, listSessions } from '../../src/ops/session.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples } from '../helpers/cli.js';

const ID = 'durban-mzuzu';
const base = { date: '2011-03-28', title: 'Planning approvals clinic', type: 'workshop', level: 'technical', host: 'mentee' };
/** The examples are "as of March 2011". */
const TODAY = '2011-03-31';
const sessionsOf = (root: string, id = ID) => path.join(root, 'partnerships', id, 'sessions');

function thrown(fn: () => unknown): MentorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MentorError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('addSession', () => {
  it('writes a new file named <date>-<slug of the title>.yaml, with the schema line for editors', () => {
    const root = copyOfExamples();
    const result = addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, location: 'Mzuzu' } });
    expect(result.file).toBe(`partnerships/${ID}/sessions/2011-03-28-planning-approvals-clinic.yaml`);
    const text = readFileSync(path.join(root, result.file), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/session\.schema\.json$/);
    expect(parse(text)).toEqual({ ...base, location: 'Mzuzu' });
    expect(result.warnings).toEqual([]);
  });

  it('a second session whose title makes the same slug gets a short random suffix; the exact same date and title is refused; the first is untouched', () => {
    const root = copyOfExamples();
    const first = addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, location: 'first' } });
    const firstText = readFileSync(path.join(root, first.file), 'utf8');
    // "Planning Approvals Clinic!" makes the same slug: it must not replace the first file either.
    const second = addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, title: 'Planning Approvals Clinic!', location: 'second' } });
    expect(second.file).toMatch(/\/2011-03-28-planning-approvals-clinic-[0-9a-f]{4}\.yaml$/);
    expect(readFileSync(path.join(root, first.file), 'utf8')).toBe(firstText);
    expect(parse(readFileSync(path.join(root, second.file), 'utf8'))).toMatchObject({ location: 'second' });
    // The exact same date and title again: refused (a data error, exit 1) naming the file already logged; nothing is written.
    const files = readdirSync(sessionsOf(root));
    const third = thrown(() => addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, location: 'third' } }));
    expect(third).toBeInstanceOf(DataError);
    expect(third.exitCode).toBe(1);
    expect(third.message).toContain(first.file);
    expect(readdirSync(sessionsOf(root))).toEqual(files);
    expect(readFileSync(path.join(root, first.file), 'utf8')).toBe(firstText);
  });

  it('a title with nothing to make a slug of still gives a valid file name', () => {
    const root = copyOfExamples();
    expect(addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, title: '会议' } }).file).toBe(`partnerships/${ID}/sessions/2011-03-28-session.yaml`);
    expect(addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, date: '2011-03-29', title: 'Sesión de diagnóstico' } }).file).toBe(`partnerships/${ID}/sessions/2011-03-29-sesion-de-diagnostico.yaml`);
  });

  it('a target the partnership lacks is a usage error (exit 2) naming its targets, and nothing is written', () => {
    const root = copyOfExamples();
    const before = readdirSync(sessionsOf(root));
    const error = thrown(() => addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, targets: ['planning-approvals', 'debt-recovery'] } }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('"debt-recovery"');
    expect(error.message).not.toContain('"planning-approvals"');
    expect(error.hint).toContain('planning-approvals, strategy-framework');
    expect(readdirSync(sessionsOf(root))).toEqual(before);
  });

  it.each([
    ['an unknown level', { level: 'strategic' }],
    ['an unknown key (a typo)', { titel: 'x' }],
    ['a malformed date', { date: '2011-02-30' }],
    ['a participant without a side', { participants: [{ name: 'Treasurer', organisation: 'Mzuzu City Council', role: 'Task force lead' }] }],
  ])('a session with %s fails the schema: a data error (exit 1), nothing written', (_what, change) => {
    const root = copyOfExamples();
    const before = readdirSync(sessionsOf(root));
    const error = thrown(() => addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, ...change } }));
    expect(error).toBeInstanceOf(DataError);
    expect(error.exitCode).toBe(1);
    expect(readdirSync(sessionsOf(root))).toEqual(before);
  });

  it('logs a session before mentoring, or of a suspended partnership, with a warning', () => {
    const root = copyOfExamples();
    const result = addSession(openRepository(root), { id: 'ekurhuleni-blantyre', today: TODAY, session: { ...base, date: '2011-03-28' } });
    expect(result.warnings.join('\n')).toMatch(/before mentoring/);
    expect(existsSync(path.join(root, result.file))).toBe(true);
  });

  it('an unknown partnership is a usage error with a did-you-mean, and creates no folder', () => {
    const root = copyOfExamples();
    const error = thrown(() => addSession(openRepository(root), { id: 'durban-mzuz', today: TODAY, session: base }));
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('did you mean "durban-mzuzu"?');
    expect(existsSync(path.join(root, 'partnerships/durban-mzuz'))).toBe(false);
  });
});

describe('listSessions', () => {
  it('numbers the sessions by date, whatever order they were logged in', () => {
    const root = copyOfExamples();
    addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, date: '2011-03-28', title: 'Latest' } });
    addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, date: '2010-07-20', title: 'Earliest' } });
    addSession(openRepository(root), { id: ID, today: TODAY, session: { ...base, date: '2010-11-08', title: 'Same day as the study visit' } });
    const { rows } = listSessions(openRepository(root), ID, TODAY);
    expect(rows.map((r) => [r.number, r.date])).toEqual([
      [1, '2010-07-20'],
      [2, '2010-08-09'],
      [3, '2010-11-08'],
      [4, '2010-11-08'],
      [5, '2011-02-21'],
      [6, '2011-03-28'],
    ]);
    expect(rows[0]).toMatchObject({ title: 'Earliest', level: 'technical', host: 'mentee', type: 'workshop' });
    expect(rows[5]!.title).toBe('Latest');
  });

  it('reads only session files: attachments and hidden files beside them are not sessions', () => {
    const root = copyOfExamples();
    writeFileSync(path.join(sessionsOf(root), 'minutes.pdf'), '%PDF-1.4');
    writeFileSync(path.join(sessionsOf(root), '.2011-03-28-draft.yaml.tmp'), 'date: 2011-03-28');
    expect(listSessions(openRepository(root), ID, TODAY).rows).toHaveLength(3);
  });

  it('a partnership without sessions (no sessions folder yet) has an empty list', () => {
    const root = copyOfExamples();
    initPartnership({ repoStart: root, id: 'ekurhuleni-mzuzu', mentor: { name: 'tbd' }, mentee: { name: 'Mzuzu City Council', country: 'MW' }, topic: 'Revenue collection', date: '2011-04-04' });
    expect(existsSync(sessionsOf(root, 'ekurhuleni-mzuzu'))).toBe(false);
    expect(listSessions(openRepository(root), 'ekurhuleni-mzuzu', TODAY).rows).toEqual([]);
  });
});
