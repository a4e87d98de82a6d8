// `status` and `session list` from the binary: the portfolio table lists every partnership, the
// detail shows the next gate, --json prints exactly one JSON document, --as-of moves "today".

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, EXAMPLES, mentor } from '../helpers/cli.js';
import { AS_OF } from '../lifecycle/support.js';

const IDS = readdirSync(path.join(EXAMPLES, 'partnerships')).sort();

describe('status', () => {
  it('the portfolio table has a row for every example partnership, with its stage and days in stage', () => {
    const result = mentor(['status', '--as-of', AS_OF], { cwd: EXAMPLES });
    expect(result.code, result.stderr).toBe(0);
    expect(IDS).toHaveLength(7); // the article's six, and the complete illustrative example
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Portfolio as of ${AS_OF}`);
    for (const id of IDS) expect(lines.filter((l) => l.startsWith(`${id} `)), id).toHaveLength(1);
    const row = lines.find((l) => l.startsWith('durban-mzuzu '))!;
    expect(row).toMatch(/\bmentoring\s+active\s+269\s+3\s+3:0\s+2011-02-21\b/);
    expect(lines.find((l) => l.startsWith('johannesburg-lilongwe '))).toMatch(/\blaunch\b.*\b15\s+12:3\b/);
  });

  it('--json prints exactly one JSON document, with every partnership', () => {
    const result = mentor(['status', '--as-of', AS_OF, '--json'], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { asOf: string; partnerships: { id: string; stage: string; daysInStage: number; sessions: number; data?: unknown }[] };
    expect(result.stdout.trim().startsWith('{') && result.stdout.trim().endsWith('}')).toBe(true);
    expect(doc.asOf).toBe(AS_OF);
    expect(doc.partnerships.map((p) => p.id).sort()).toEqual(IDS);
    expect(doc.partnerships.find((p) => p.id === 'durban-mzuzu')).toMatchObject({ stage: 'mentoring', daysInStage: 269, sessions: 3 });
  });

  it('--as-of changes the days in stage (and only counts the sessions held by then)', () => {
    const days = (asOf: string) =>
      (JSON.parse(mentor(['status', 'durban-mzuzu', '--as-of', asOf, '--json'], { cwd: EXAMPLES }).stdout) as { daysInStage: number; sessions: number });
    expect(days('2011-03-31')).toMatchObject({ daysInStage: 269, sessions: 3 });
    expect(days('2011-04-30')).toMatchObject({ daysInStage: 299, sessions: 3 });
    expect(days('2010-12-31')).toMatchObject({ daysInStage: 179, sessions: 2 });
  });

  it('status <id> shows the next stage and its gate, met or not', () => {
    let result = mentor(['status', 'durban-mzuzu', '--as-of', AS_OF], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('stage mentoring since 2010-07-05 (269 days as of 2011-03-31), status active');
    expect(result.stdout).toContain('Next stage: evaluation');
    expect(result.stdout).toContain('Gate of "evaluation": 1 of 1 requirements met');

    result = mentor(['status', 'ekurhuleni-blantyre', '--as-of', AS_OF], { cwd: EXAMPLES });
    expect(result.stdout).toContain('Next stage: setup');
    expect(result.stdout).toMatch(/✘ political approval on the mentee side/);
    expect(result.stdout).toMatch(/✔ political approval on the mentor side/);
  });

  it('status <id> shows baseline → latest reading → target, and the overdue actions', () => {
    const text = mentor(['status', 'durban-mzuzu', '--as-of', '2011-06-01'], { cwd: EXAMPLES }).stdout;
    expect(text).toMatch(/planning-approvals .*Not measured \(2010\) → 71 \(2011-02-28\) → 30 days or fewer/);
    expect(text).toMatch(/Overdue actions\n.*\n2011-04-29 +Director of Planning and Development, Mzuzu City Council +Report planning application times/);
    expect(mentor(['status', 'durban-mzuzu', '--as-of', AS_OF], { cwd: EXAMPLES }).stdout).not.toContain('Overdue actions');
    const doc = JSON.parse(mentor(['status', 'durban-mzuzu', '--as-of', '2011-06-01', '--json'], { cwd: EXAMPLES }).stdout) as {
      targets: { id: string; baseline?: string; latest?: unknown; target?: string }[];
      overdueActions: { due: string; session: string }[];
    };
    expect(doc.targets[0]).toMatchObject({ id: 'planning-approvals', baseline: 'Not measured (2010)', latest: { date: '2011-02-28', value: 71 }, target: '30 days or fewer' });
    expect(doc.overdueActions.map((a) => [a.due, a.session])).toEqual([['2011-04-29', '2011-02-21']]);
  });

  it('status <id> --json is one JSON document with the next gate', () => {
    const result = mentor(['status', 'ekurhuleni-blantyre', '--as-of', AS_OF, '--json'], { cwd: EXAMPLES });
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { id: string; next: { stage: string; gate: { met: boolean; requirements: { id: string; met: boolean }[] } } };
    expect(doc.id).toBe('ekurhuleni-blantyre');
    expect(doc.next.stage).toBe('setup');
    expect(doc.next.gate.met).toBe(false);
    expect(doc.next.gate.requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(['agreement.approval.mentee']);
  });
});

describe('session list', () => {
  it('lists the sessions in date order, numbered as visits, whatever order they were logged in', () => {
    const root = copyOfExamples();
    const add = (date: string, title: string, level = 'technical') =>
      expect(mentor(['session', 'add', 'durban-mzuzu', '--date', date, '--title', title, '--type', 'contact', '--level', level, '--host', 'mentor'], { cwd: root }).code).toBe(0);
    add('2011-03-28', 'Planning approvals clinic');
    add('2010-07-20', 'Kick-off call', 'political');

    const text = mentor(['session', 'list', 'durban-mzuzu'], { cwd: root });
    expect(text.code).toBe(0);
    const rows = text.stdout.trim().split('\n').slice(1);
    const numbered = rows.map((r) => /^(\d+)\s+(\d{4}-\d{2}-\d{2})/.exec(r)?.slice(1, 3));
    expect(numbered).toEqual([
      ['1', '2010-07-20'],
      ['2', '2010-08-09'],
      ['3', '2010-11-08'],
      ['4', '2011-02-21'],
      ['5', '2011-03-28'],
    ]);
    expect(rows[0]).toMatch(/political\s+mentor\s+Kick-off call/);
    expect(rows[1]).toContain('2010-08-09 – 2010-08-11'); // a visit of several days

    const json = mentor(['session', 'list', 'durban-mzuzu', '--json'], { cwd: root });
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { id: string; sessions: { number: number; date: string; file: string; level: string }[] };
    expect(doc.id).toBe('durban-mzuzu');
    expect(doc.sessions.map((s) => [String(s.number), s.date])).toEqual(numbered);
    expect(doc.sessions[0]!.file).toBe('partnerships/durban-mzuzu/sessions/2010-07-20-kick-off-call.yaml');
  });

  it('--json of a partnership with no sessions is still one JSON document', () => {
    const root = copyOfExamples();
    expect(mentor(['init', 'ekurhuleni-mzuzu', '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection', '--date', '2011-04-04'], { cwd: root }).code).toBe(0);
    const json = mentor(['session', 'list', 'ekurhuleni-mzuzu', '--json'], { cwd: root });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ id: 'ekurhuleni-mzuzu', sessions: [] });
    const text = mentor(['session', 'list', 'ekurhuleni-mzuzu'], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('no sessions yet');
  });
});
