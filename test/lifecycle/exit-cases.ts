// The table of failing command lines and the exit code each must give (SPEC section 4), shared by
// the in-process run (every case) and the end-to-end run of the binary (a representative few).

import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { copyTree, EXAMPLES, tempDir } from '../helpers/cli.js';
import { snapshot } from './support.js';

export const SESSION = ['--date', '2011-03-28', '--title', 'Planning approvals clinic', '--type', 'workshop', '--level', 'technical', '--host', 'mentee'];
export const NEW = ['--mentor', 'Ekurhuleni Metropolitan Municipality', '--mentor-country', 'ZA', '--mentee', 'Mzuzu City Council', '--mentee-country', 'MW', '--topic', 'Revenue collection', '--date', '2011-04-04'];

export interface Case {
  name: string;
  args: string[];
  code: number;
  /** Each must appear in stderr (or stdout for a dry run, which shows the gates there). */
  says: (string | RegExp)[];
  /** Files written before the command, relative to the repository. */
  files?: Record<string, string>;
  stdin?: string;
  /** Run before the command, in the repository (through the binary or run()). */
  before?: string[][];
  /** Also run by the end-to-end test through the binary. */
  e2e?: boolean;
}

export const CASES: Case[] = [
  // unknown partnership: 2 with a did-you-mean
  { name: 'advance of an unknown partnership', args: ['advance', 'durban-mzuz'], code: 2, says: ['unknown partnership "durban-mzuz"', 'did you mean "durban-mzuzu"?'], e2e: true },
  { name: 'session add to an unknown partnership', args: ['session', 'add', 'durban-mzuz', ...SESSION], code: 2, says: ['did you mean "durban-mzuzu"?'] },
  { name: 'session list of an unknown partnership', args: ['session', 'list', 'johannesburg-lilongw'], code: 2, says: ['did you mean "johannesburg-lilongwe"?'] },
  { name: 'status of an unknown partnership', args: ['status', 'bergen-mombas'], code: 2, says: ['did you mean "bergen-mombasa"?'] },
  { name: 'suspend of an unknown partnership', args: ['suspend', 'rosario-ciudadsur', '--reason', 'x'], code: 2, says: ['did you mean "rosario-ciudad-sur"?'] },

  // path-like ids
  ...['../x', 'A B', '/etc', '..', 'x/../../y', 'Durban-Mzuzu', '-', 'a'.repeat(65)].flatMap((id): Case[] => {
    const e2e = ['../x', 'A B', '/etc'].includes(id);
    return [
      { name: `init ${JSON.stringify(id)}`, args: ['init', ...NEW, '--', id], code: 2, says: [`"${id}" is not a valid partnership id`], e2e },
      { name: `session add ${JSON.stringify(id)}`, args: ['session', 'add', ...SESSION, '--', id], code: 2, says: ['not a valid partnership id'], e2e: id === '../x' },
      { name: `advance ${JSON.stringify(id)}`, args: ['advance', '--date', '2011-04-04', '--', id], code: 2, says: ['not a valid partnership id'], e2e: id === '/etc' },
      { name: `suspend ${JSON.stringify(id)}`, args: ['suspend', '--reason', 'x', '--', id], code: 2, says: ['not a valid partnership id'] },
      { name: `status ${JSON.stringify(id)}`, args: ['status', '--', id], code: 2, says: ['not a valid partnership id'] },
    ];
  }),

  // refusing to overwrite
  { name: 'init of an existing partnership', args: ['init', 'durban-mzuzu', ...NEW], code: 2, says: ['already exists', 'refusing to overwrite'], e2e: true },

  // bad values on the command line
  { name: 'init with an unknown mentee country', args: ['init', 'ekurhuleni-mzuzu', ...NEW.slice(0, 6), '--mentee-country', 'XX', ...NEW.slice(8)], code: 2, says: ['--mentee-country XX'], e2e: true },
  { name: 'init with an unknown mentor country', args: ['init', 'ekurhuleni-mzuzu', '--mentor-country', 'QQ', ...NEW.slice(0, 2), ...NEW.slice(4)], code: 2, says: ['--mentor-country QQ'] },
  { name: 'init with a country for a mentor still "tbd"', args: ['init', 'ekurhuleni-mzuzu', '--mentor', 'tbd', ...NEW.slice(2)], code: 2, says: ['tbd'] },
  { name: 'init --date 2011-02-30', args: ['init', 'ekurhuleni-mzuzu', ...NEW.slice(0, -1), '2011-02-30'], code: 2, says: ['--date 2011-02-30'] },
  { name: 'advance --date 2011-02-30', args: ['advance', 'durban-mzuzu', '--date', '2011-02-30'], code: 2, says: ['--date 2011-02-30'], e2e: true },
  { name: 'advance --date 31/03/2011', args: ['advance', 'durban-mzuzu', '--date', '31/03/2011'], code: 2, says: ['--date 31/03/2011'] },
  { name: 'suspend --date 2011-02-30', args: ['suspend', 'durban-mzuzu', '--reason', 'x', '--date', '2011-02-30'], code: 2, says: ['--date 2011-02-30'] },
  { name: 'session add --date 2011-02-30', args: ['session', 'add', 'durban-mzuzu', ...SESSION.slice(2), '--date', '2011-02-30'], code: 2, says: ['--date 2011-02-30'] },
  { name: 'session add --end 2011-02-30', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--end', '2011-02-30'], code: 2, says: ['--end 2011-02-30'] },
  { name: 'status --as-of 2011-02-30', args: ['status', '--as-of', '2011-02-30'], code: 2, says: ['--as-of 2011-02-30'], e2e: true },
  { name: 'advance --date before the last history entry', args: ['advance', 'durban-mzuzu', '--date', '2010-07-04'], code: 2, says: ['before the last history entry (2010-07-05)'], e2e: true },
  { name: 'advance --dry-run --date before the last history entry', args: ['advance', 'durban-mzuzu', '--date', '2010-07-04', '--dry-run'], code: 2, says: ['2010-07-05'] },
  { name: 'suspend --date before the last history entry', args: ['suspend', 'durban-mzuzu', '--date', '2010-07-04', '--reason', 'x'], code: 2, says: ['2010-07-05'] },
  { name: 'advance --to a stage that does not exist', args: ['advance', 'durban-mzuzu', '--to', 'evaluaton', '--date', '2011-03-31'], code: 2, says: ['evaluaton'] },
  { name: 'advance --force without --reason', args: ['advance', 'durban-mzuzu', '--to', 'setup', '--force', '--date', '2011-03-31'], code: 2, says: ['--reason'], e2e: true },
  { name: 'advance --force --dry-run without --reason', args: ['advance', 'durban-mzuzu', '--to', 'setup', '--force', '--dry-run', '--date', '2011-03-31'], code: 2, says: ['--reason'] },
  { name: 'advance --reason without --force', args: ['advance', 'durban-mzuzu', '--reason', 'x', '--date', '2011-03-31'], code: 2, says: ['--force'] },
  { name: 'suspend without --reason', args: ['suspend', 'durban-mzuzu', '--date', '2011-04-01'], code: 2, says: ['--reason'] },
  { name: 'cancel without --reason', args: ['cancel', 'durban-mzuzu', '--date', '2011-04-01'], code: 2, says: ['--reason'] },
  { name: 'session add --target the partnership lacks', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--target', 'debt-recovery'], code: 2, says: ['no target "debt-recovery"', 'planning-approvals'], e2e: true },
  { name: 'session add --participant with two parts', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--participant', 'Treasurer; Mzuzu City Council'], code: 2, says: ['Name; Organisation; Role; side'], e2e: true },
  { name: 'session add --participant with an unknown side', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--participant', 'Treasurer; Mzuzu City Council; Task force lead; council'], code: 2, says: ['Name; Organisation; Role; side'] },
  { name: 'session add --action without a due date', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--action', 'Monthly report; Planning team'], code: 2, says: ['what; owner; YYYY-MM-DD'] },
  { name: 'session add --action with a malformed date', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--action', 'Monthly report; Planning team; 2011-13-01'], code: 2, says: ['what; owner; YYYY-MM-DD'], e2e: true },
  { name: 'session add --type that does not exist', args: ['session', 'add', 'durban-mzuzu', ...SESSION, '--type', 'conference'], code: 2, says: ['conference'] },
  { name: 'session add --from a file that does not exist', args: ['session', 'add', 'durban-mzuzu', '--from', 'no-such-visit.yaml'], code: 2, says: ['no-such-visit.yaml'] },
  { name: 'an unknown flag', args: ['advance', 'durban-mzuzu', '--too', 'evaluation'], code: 2, says: ['--too'] },
  { name: 'an unknown command', args: ['advence', 'durban-mzuzu'], code: 2, says: ['advence'], e2e: true },

  // the data failed a check: 1
  { name: 'advance into an unmet gate', args: ['advance', 'ekurhuleni-blantyre', '--date', '2011-03-31'], code: 1, says: ['political approval on the mentee side'], e2e: true },
  { name: 'advance --dry-run into an unmet gate', args: ['advance', 'ekurhuleni-blantyre', '--date', '2011-03-31', '--dry-run'], code: 1, says: ['political approval on the mentee side'], e2e: true },
  { name: 'advance back without --force', args: ['advance', 'durban-mzuzu', '--to', 'setup', '--date', '2011-03-31'], code: 1, says: ['--force'], e2e: true },
  { name: 'advance --dry-run back without --force', args: ['advance', 'durban-mzuzu', '--to', 'setup', '--date', '2011-03-31', '--dry-run'], code: 1, says: ['--force'], e2e: true },
  { name: 'suspend of a suspended partnership', args: ['suspend', 'durban-mzuzu', '--reason', 'again', '--date', '2011-04-01'], code: 1, says: ['suspended'], before: [['suspend', 'durban-mzuzu', '--reason', 'first', '--date', '2011-04-01']], e2e: true },
  {
    name: 'session add --from a file that fails the schema',
    args: ['session', 'add', 'durban-mzuzu', '--from', 'visit.yaml'],
    code: 1,
    says: ['level', 'titel'],
    files: { 'visit.yaml': 'date: 2011-03-28\ntitle: Planning approvals clinic\ntitel: typo\ntype: workshop\nlevel: strategic\nhost: mentee\n' },
    e2e: true,
  },
  { name: 'session add --from a file that is not YAML', args: ['session', 'add', 'durban-mzuzu', '--from', 'visit.yaml'], code: 1, says: ['visit.yaml'], files: { 'visit.yaml': 'date: [2011-03-28\ntitle: "unclosed\n' } },
  { name: 'session add --from - (JSON on stdin) that fails the schema', args: ['session', 'add', 'durban-mzuzu', '--from', '-'], code: 1, says: ['host'], stdin: '{"date": "2011-03-28", "title": "Clinic", "type": "workshop", "level": "technical", "host": "town hall"}', e2e: true },
];


/** How a case is run: through the binary, or in process through run(argv, io). */
export type Runner = (args: string[], cwd: string, stdin?: string) => Promise<{ code: number | null; stdout: string; stderr: string }>;

/** A copy of the examples inside a folder of its own, so writes beside the repository show too. */
export function sandbox(): { base: string; root: string } {
  const base = tempDir();
  const root = path.join(base, 'repo');
  copyTree(EXAMPLES, root);
  return { base, root };
}

const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Run one case: its exit code, what it says, and that nothing at all was written. */
export async function checkCase(runner: Runner, { args, code, says, files, stdin, before }: Case): Promise<void> {
  const { base, root } = sandbox();
  for (const [file, text] of Object.entries(files ?? {})) writeFileSync(path.join(root, file), text);
  for (const step of before ?? []) expect((await runner(step, root)).code).toBe(0);
  const snap = snapshot(base);
  const result = await runner(args, root, stdin);
  expect(result.code, `${result.stderr}${result.stdout}`).toBe(code);
  // A dry run shows its gates on stdout; everything else explains itself on stderr.
  const said = `${result.stderr}\n${args.includes('--dry-run') ? result.stdout : ''}`;
  for (const text of says) expect(said).toMatch(typeof text === 'string' ? escape(text) : text);
  expect(snapshot(base), 'a failing command writes nothing, in the repository or beside it').toEqual(snap);
  expect(existsSync('/etc/partnership.yaml') || existsSync('/etc/sessions')).toBe(false);
}
