// Dates never shift: the date-sensitive lifecycle commands give the same files and the same
// output west of UTC (Los Angeles, where the suite runs, and Honolulu, UTC-10) and at the far east
// (Kiritimati, UTC+14), and "today" is the local calendar date. `npm test` compares Los Angeles
// (run in this process's zone) with Kiritimati, on the other side of UTC; the long run adds
// Honolulu and runs every zone as a process of its own.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyOfExamples, mentor, type RunResult } from '../helpers/cli.js';
import { NEW_ID, readPartnershipText, spawnMentor } from '../lifecycle/support.js';
import { LONG } from '../robustness/figures.js';

const ZONES = LONG ? ['America/Los_Angeles', 'Pacific/Honolulu', 'Pacific/Kiritimati'] : ['America/Los_Angeles', 'Pacific/Kiritimati'];

/**
 * The commands, in rounds: the commands of a round start together (they edit different files, or
 * only read), a round starts when the one before it has ended.
 */
const ROUNDS: string[][][] = [
  [
    ['init', NEW_ID, '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection', '--date', '2011-01-01'],
    ['session', 'add', 'durban-mzuzu', '--date', '2011-03-01', '--end', '2011-03-02', '--title', 'Planning approvals clinic', '--type', 'workshop', '--level', 'technical', '--host', 'mentee', '--action', 'First monthly report; Planning team, Mzuzu City Council; 2011-04-01'],
    ['suspend', 'bergen-mombasa', '--date', '2011-04-01', '--reason', 'Municipal elections'],
  ],
  [['advance', 'durban-mzuzu', '--date', '2011-03-31']],
  [
    ['status', '--as-of', '2011-04-01', '--json'],
    ['status', 'durban-mzuzu', '--as-of', '2011-04-01'],
    ['session', 'list', 'durban-mzuzu', '--json'],
    ['validate', '--as-of', '2011-04-01', '--format', 'json'],
  ],
];
const SESSION_FILE = 'partnerships/durban-mzuzu/sessions/2011-03-01-planning-approvals-clinic.yaml';

interface Outcome {
  outputs: { code: number | null; stdout: string }[];
  files: Record<string, string>;
}

/**
 * Run mentor with its own time zone: a process of its own, but in `npm test` a command in this
 * process's zone runs in the test process (mentor() runs it in a worker thread, which shares it).
 */
async function runIn(tz: string, args: string[], cwd: string): Promise<RunResult> {
  return !LONG && tz === process.env.TZ ? mentor(args, { cwd, env: { TZ: tz } }) : spawnMentor(args, { cwd, env: { TZ: tz } });
}

async function inZone(tz: string): Promise<Outcome> {
  const root = copyOfExamples();
  const outputs: Outcome['outputs'] = [];
  for (const round of ROUNDS) {
    for (const result of await Promise.all(round.map((args) => runIn(tz, args, root)))) outputs.push({ code: result.code, stdout: result.stdout });
  }
  const files: Record<string, string> = {};
  for (const id of [NEW_ID, 'durban-mzuzu', 'bergen-mombasa']) files[id] = readPartnershipText(root, id);
  files[SESSION_FILE] = readFileSync(path.join(root, SESSION_FILE), 'utf8');
  return { outputs, files };
}

/** The calendar date of `now` in a time zone, YYYY-MM-DD. */
function dateIn(tz: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

describe('dates in every time zone', () => {
  it(`the same commands give the same files and output in ${ZONES.join(', ')}, with the dates as given`, async () => {
    // Started last to first: the zones run as processes are under way before this process runs the
    // commands of its own zone, which hold it up until they are done.
    const [reference, ...others] = await Promise.all([...ZONES].reverse().map(inZone).reverse());
    for (const { code } of reference!.outputs) expect(code).toBe(0);

    // The reference itself has the dates as given, not a day earlier or later.
    const created = parse(reference!.files[NEW_ID]!) as { history: { date: string }[]; request: { date: string } };
    expect(created.history[0]!.date).toBe('2011-01-01');
    expect(created.request.date).toBe('2011-01-01');
    expect(parse(reference!.files[SESSION_FILE]!)).toMatchObject({ date: '2011-03-01', end: '2011-03-02', actions: [{ due: '2011-04-01' }] });
    expect(reference!.files['durban-mzuzu']).toContain('  - stage: evaluation\n    date: 2011-03-31\n');
    expect(reference!.files['bergen-mombasa']).toContain('  - status: suspended\n    date: 2011-04-01\n');
    const portfolio = JSON.parse(reference!.outputs[4]!.stdout) as { partnerships: { id: string; daysInStage: number; lastSession: string; nextDue?: { date: string } }[] };
    expect(portfolio.partnerships.find((p) => p.id === 'durban-mzuzu')).toMatchObject({ daysInStage: 1, lastSession: '2011-03-01' });
    expect(portfolio.partnerships.find((p) => p.id === NEW_ID)).toMatchObject({ daysInStage: 90 });
    expect(reference!.outputs[5]!.stdout).toContain('stage evaluation since 2011-03-31 (1 day as of 2011-04-01)');
    const list = JSON.parse(reference!.outputs[6]!.stdout) as { sessions: { date: string; end?: string }[] };
    expect(list.sessions.map((s) => s.date)).toEqual(['2010-08-09', '2010-11-08', '2011-02-21', '2011-03-01']);
    expect(JSON.parse(reference!.outputs[7]!.stdout)).toMatchObject({ errors: 0 });

    for (const [index, other] of others.entries()) {
      expect(other.files, ZONES[index + 1]).toEqual(reference!.files);
      expect(other.outputs, ZONES[index + 1]).toEqual(reference!.outputs);
    }
  });

  it('"today" (no --date) is the calendar date where the command runs, for init and session add', async () => {
    const results = await Promise.all(
      (['Pacific/Honolulu', 'Pacific/Kiritimati'] as const).map(async (tz) => {
        const root = copyOfExamples();
        const before = new Date();
        // A session logged without --date, at the same time (another partnership), is named after the same local day.
        const [result, session] = await Promise.all([
          spawnMentor(['init', NEW_ID, '--mentor', 'tbd', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection'], { cwd: root, env: { TZ: tz } }),
          spawnMentor(['session', 'add', 'durban-mzuzu', '--title', 'Phone call', '--type', 'remote', '--level', 'technical', '--host', 'remote'], { cwd: root, env: { TZ: tz } }),
        ]);
        const after = new Date();
        expect(result.code, result.stderr).toBe(0);
        const date = (parse(readPartnershipText(root, NEW_ID)) as { request: { date: string } }).request.date;
        expect([dateIn(tz, before), dateIn(tz, after)]).toContain(date);
        expect(session.code, session.stderr).toBe(0);
        const file = session.stdout.trim();
        expect(file.startsWith(`partnerships/durban-mzuzu/sessions/${date}-phone-call`) || file.startsWith(`partnerships/durban-mzuzu/sessions/${dateIn(tz, new Date())}-phone-call`), file).toBe(true);
        return date;
      }),
    );
    // UTC-10 and UTC+14 are a whole day apart: their calendar dates always differ.
    expect(results[0]).not.toBe(results[1]);
  });
});
