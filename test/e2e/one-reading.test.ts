// Every command reads a repository the way `validate` does and applies the same rules: the five
// contradictions of "One reading of a repository" (issue 9), each checked from the outside.

import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentor, tempDir } from '../helpers/cli.js';
import { snapshot, spawnMentor } from '../lifecycle/support.js';
import { LONG } from '../robustness/figures.js';

/** A repository with one partnership at `setup`, ready to enter mentoring, and one logged session. */
function setupRepo(): string {
  const root = tempDir('mentor-one-reading-');
  writeFileSync(path.join(root, 'mentor.yaml'), 'name: one reading\nprogramme: UCLG city mentoring\n');
  const dir = path.join(root, 'partnerships', 'durban-mzuzu');
  mkdirSync(path.join(dir, 'sessions'), { recursive: true });
  writeFileSync(path.join(dir, 'partnership.yaml'), PARTNERSHIP);
  writeFileSync(path.join(dir, 'sessions', '2010-07-12-first-contact-session.yaml'), SESSION);
  return root;
}

const PARTNERSHIP = `id: durban-mzuzu
title: Durban – Mzuzu
mentor: {name: eThekwini Municipality (Durban), kind: city, country: ZA}
mentee: {name: Mzuzu City Council, kind: city, country: MW}
stage: setup
status: active
history:
  - {stage: request, date: 2009-11-02}
  - {stage: assessment, date: 2010-01-18}
  - {stage: agreement, date: 2010-03-01}
  - {stage: setup, date: 2010-05-10}
request: {date: 2009-11-02, from: Mzuzu City Council, topic: Urban planning}
assessment: {date: 2010-01-18, lga: Malawi Local Government Association (MALGA), interest_confirmed: true}
agreement:
  approvals:
    - {side: mentor, body: eThekwini Executive Committee, date: 2010-02-10}
    - {side: mentee, body: Mzuzu City Council, date: 2010-02-24}
  terms:
    objectives: [Shorten the approval of planning applications]
    duration_months: 12
    evaluation_method: Review with UCLG at the end of the first year
task_force:
  - {name: Director of Planning, role: Task force lead, side: mentee, lead: true}
targets:
  - id: planning-approvals
    title: Planning applications decided within 60 days
    indicator: Share of applications decided within 60 days
    due: 2011-06-30
    status: in-progress
`;

const SESSION = `date: 2010-07-12
title: First contact session
type: contact
level: technical
host: mentee
`;

const file = (root: string) => path.join(root, 'partnerships/durban-mzuzu/partnership.yaml');
const edit = (root: string, from: string, to: string) => {
  const text = readFileSync(file(root), 'utf8');
  expect(text).toContain(from);
  writeFileSync(file(root), text.replace(from, to));
};

describe('every document renders at every stage', () => {
  it('right after init, in every kind and format', () => {
    const root = tempDir('mentor-new-');
    const init = mentor(['init', 'mzuzu-waste', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Solid waste management', '--date', '2012-01-10'], { cwd: root });
    expect(init.code).toBe(0);
    for (const kind of ['tor', 'roadmap', 'evaluation']) {
      for (const format of ['md', 'html']) {
        const result = mentor(['report', 'mzuzu-waste', '--kind', kind, '--format', format, '--stdout', '--as-of', '2012-02-01'], { cwd: root });
        // A new repository names no programme: a hint says how, and nothing else is said.
        expect({ kind, format, code: result.code }).toEqual({ kind, format, code: 0 });
        expect(result.stderr).toMatch(/^(hint: mentor\.yaml names no programme[^\n]*\n)?$/);
        expect(result.stdout).toContain('Mzuzu City Council');
      }
    }
    expect(mentor(['report', 'mzuzu-waste', '--as-of', '2012-02-01'], { cwd: root }).code).toBe(0);
  });

  it('at setup, before any target or product', () => {
    const root = setupRepo();
    const result = mentor(['report', 'durban-mzuzu', '--format', 'html', '--as-of', '2011-03-31'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('a write command on a file validate rejects writes nothing and shows validate\'s problems', () => {
  const cases: [string, string, string, string][] = [
    ['a target without its status', '    status: in-progress\n', '', 'MTR010'],
    ['interest_confirmed: yes', 'interest_confirmed: true', 'interest_confirmed: yes', 'MTR011'],
    ['a date that does not exist', 'date: 2010-02-24}', 'date: 2010-02-30}', 'MTR014'],
  ];
  it.each(cases)('advance with %s', (_name, from, to, code) => {
    const root = setupRepo();
    edit(root, from, to);
    const before = snapshot(root);
    const validate = mentor(['validate', '--as-of', '2011-03-31'], { cwd: root });
    expect(validate.code).toBe(1);
    const located = validate.stdout.split('\n').find((line) => line.includes(code));
    expect(located).toMatch(/^partnerships\/durban-mzuzu\/partnership\.yaml:\d+:\d+ error MTR0\d\d /);

    for (const args of [['advance', 'durban-mzuzu', '--date', '2011-03-31'], ['advance', 'durban-mzuzu', '--date', '2011-03-31', '--dry-run']]) {
      const result = mentor(args, { cwd: root });
      expect(result.code).toBe(1);
      // The problem itself, as validate prints it, not a gate blamed for the file.
      expect(result.stderr).toContain(located);
      expect(result.stderr).not.toMatch(/✘/);
      expect(result.stdout).toBe('');
    }
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['suspend', '--reason', 'local elections postponed'],
    ['cancel', '--reason', 'no funding'],
  ])('%s and session add refuse the same way', (command, flag, value) => {
    const root = setupRepo();
    edit(root, 'interest_confirmed: true', 'interest_confirmed: yes');
    const before = snapshot(root);
    for (const args of [
      [command, 'durban-mzuzu', flag, value, '--date', '2011-03-31'],
      ['session', 'add', 'durban-mzuzu', '--date', '2011-03-01', '--title', 'Review', '--type', 'contact', '--level', 'technical', '--host', 'mentee'],
    ]) {
      const result = mentor(args, { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/partnerships\/durban-mzuzu\/partnership\.yaml:\d+:\d+ error MTR011 /);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('a valid file still moves, and validate accepts the result', () => {
    const root = setupRepo();
    expect(mentor(['advance', 'durban-mzuzu', '--date', '2011-03-31'], { cwd: root }).code).toBe(0);
    expect(readFileSync(file(root), 'utf8')).toContain('stage: mentoring');
    expect(mentor(['validate', '--as-of', '2011-03-31'], { cwd: root }).code).toBe(0);
  });
});

describe('session add refuses a duplicate, also under races', () => {
  const add = (title: string) => ['session', 'add', 'durban-mzuzu', '--date', '2011-02-21', '--title', title, '--type', 'technical-visit', '--level', 'technical', '--host', 'mentee'];
  const sessions = (root: string) => readdirSync(path.join(root, 'partnerships/durban-mzuzu/sessions')).filter((n) => !n.startsWith('.')).sort();

  it('names the existing file and writes nothing', () => {
    const root = setupRepo();
    expect(mentor(add('Planning review'), { cwd: root }).code).toBe(0);
    const again = mentor(add('  planning REVIEW '), { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('partnerships/durban-mzuzu/sessions/2011-02-21-planning-review.yaml');
    expect(sessions(root)).toEqual(['2010-07-12-first-contact-session.yaml', '2011-02-21-planning-review.yaml']);
    expect(mentor(['validate', '--as-of', '2011-03-31'], { cwd: root }).code).toBe(0);
  });

  it('titles that differ but share a slug get distinct files', () => {
    const root = setupRepo();
    expect(mentor(add('Planning review'), { cwd: root }).code).toBe(0);
    expect(mentor(add('Planning: review!'), { cwd: root }).code).toBe(0);
    expect(sessions(root)).toHaveLength(3);
    expect(mentor(['validate', '--as-of', '2011-03-31'], { cwd: root }).code).toBe(0);
  });

  // Four processes in `npm test`, eight with MENTOR_LONG=1.
  const adds = LONG ? 8 : 4;
  it(`${adds} identical adds at once leave one file and ${adds - 1} refusals`, async () => {
    const root = setupRepo();
    const results = await Promise.all(Array.from({ length: adds }, () => spawnMentor(add('Planning review'), { cwd: root })));
    expect(results.map((r) => r.code).sort()).toEqual([0, ...Array<number>(adds - 1).fill(1)]);
    for (const refused of results.filter((r) => r.code === 1)) expect(refused.stderr).toContain('2011-02-21-planning-review.yaml');
    expect(sessions(root)).toEqual(['2010-07-12-first-contact-session.yaml', '2011-02-21-planning-review.yaml']);
    expect(mentor(['validate', '--as-of', '2011-03-31'], { cwd: root }).code).toBe(0);
  });
});

describe('two sessions of one day are numbered alike everywhere', () => {
  it('session list and the roadmap agree (by date, then file name)', () => {
    const root = setupRepo();
    const dir = path.join(root, 'partnerships/durban-mzuzu/sessions');
    // File-name order and title order disagree on purpose.
    writeFileSync(path.join(dir, '2010-09-06-a-site-visit.yaml'), SESSION.replace('2010-07-12', '2010-09-06').replace('First contact session', 'Zoning workshop'));
    writeFileSync(path.join(dir, '2010-09-06-b-workshop.yaml'), SESSION.replace('2010-07-12', '2010-09-06').replace('First contact session', 'Application backlog review'));
    const list = JSON.parse(mentor(['session', 'list', 'durban-mzuzu', '--json'], { cwd: root }).stdout) as { sessions: { number: number; title: string }[] };
    const listed = list.sessions.map((s) => `${s.number} ${s.title}`);
    expect(listed).toEqual(['1 First contact session', '2 Zoning workshop', '3 Application backlog review']);
    const roadmap = mentor(['report', 'durban-mzuzu', '--kind', 'roadmap', '--stdout', '--as-of', '2011-03-31'], { cwd: root }).stdout;
    const rows = roadmap.split('\n').filter((line) => /^\| [123] \|/.test(line)).map((line) => line.split('|').map((c) => c.trim()));
    expect(rows.map((cells) => `${cells[1]} ${cells.find((c) => c === 'Zoning workshop' || c === 'Application backlog review' || c === 'First contact session')}`)).toEqual(listed);
  });
});

describe('a symbolic link is the same located error in every command', () => {
  function linkedRepo(): { root: string; outside: string } {
    const root = setupRepo();
    const outside = tempDir('mentor-outside-');
    mkdirSync(path.join(outside, 'bergen-mombasa'));
    writeFileSync(path.join(outside, 'bergen-mombasa', 'partnership.yaml'), PARTNERSHIP.replace('id: durban-mzuzu', 'id: bergen-mombasa'));
    symlinkSync(path.join(outside, 'bergen-mombasa'), path.join(root, 'partnerships', 'bergen-mombasa'));
    return { root, outside };
  }
  const located = /partnerships\/bergen-mombasa:1:1 error MTR006 /;

  it('validate, status, status --json and report --portfolio all report it', () => {
    const { root } = linkedRepo();
    const validate = mentor(['validate', '--as-of', '2011-03-31'], { cwd: root });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(located);
    for (const args of [['status', '--as-of', '2011-03-31'], ['status', '--json', '--as-of', '2011-03-31'], ['report', '--portfolio', '--as-of', '2011-03-31']]) {
      const result = mentor(args, { cwd: root });
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect(result.stderr).toMatch(located);
    }
    expect(mentor(['status', 'bergen-mombasa'], { cwd: root }).stderr).toMatch(located);
    expect(mentor(['advance', 'bergen-mombasa', '--dry-run'], { cwd: root }).code).toBe(1);
  });

  it('init does not write through a linked partnerships/ folder', () => {
    const root = tempDir('mentor-linked-');
    const outside = tempDir('mentor-outside-');
    writeFileSync(path.join(root, 'mentor.yaml'), 'name: linked\n');
    symlinkSync(outside, path.join(root, 'partnerships'));
    const result = mentor(['init', 'mzuzu-waste', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Waste', '--date', '2012-01-10'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/partnerships:1:1 error MTR006 /);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(outside, 'mzuzu-waste'))).toBe(false);
  });
});
