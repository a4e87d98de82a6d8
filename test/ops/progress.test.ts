import { describe, expect, it } from 'vitest';
import { checkPartnership } from '../../src/check/partnership.js';
import { progressOf } from '../../src/ops/progress.js';
import { parseSource } from '../../src/store/source.js';
import { uclg } from '../helpers/method.js';

const PARTNERSHIP = `id: durban-mzuzu
targets:
  - id: approvals
    baseline: 92 days
    target: 30 days
    measurements:
      - {date: 2011-02-01, value: 64}
      - {date: 2010-08-01, value: 92}
      - {date: 2011-02-30, value: 1}
  - id: framework
    measurements: []
  - nonsense
`;
const session = (date: string, actions: string) => parseSource(`partnerships/durban-mzuzu/sessions/${date}-x.yaml`, `date: ${date}\nactions:\n${actions}`);
const action = (what: string, due: string, status: string) => `  - {what: ${what}, owner: Town clerk, due: ${due}, status: ${status}}\n`;

describe('progressOf', () => {
  const files = {
    id: 'durban-mzuzu',
    partnership: parseSource('partnerships/durban-mzuzu/partnership.yaml', PARTNERSHIP),
    sessions: [
      session('2011-02-21', action('Monthly report', '2011-04-29', 'open') + action('Draft by-law', '2011-03-01', 'done')),
      session('2010-11-08', action('Send plans', '2011-03-15', 'open') + action('Later', '2011-09-01', 'open') + action('Dropped', '2011-01-01', 'dropped')),
    ],
    layout: [],
  };
  // The facts a check reads: what does not fit the schema (an impossible date, a target that is no mapping) is absent.
  const check = checkPartnership(files, '2011-06-01', uclg);
  const progress = progressOf(check.facts!, check.sessions, '2011-06-01');

  it('gives baseline, the latest reading by date (skipping impossible dates) and the target', () => {
    expect(progress.targets).toEqual([
      { id: 'approvals', baseline: '92 days', latest: { date: '2011-02-01', value: 64 }, target: '30 days' },
      { id: 'framework' },
      { id: '?' },
    ]);
  });

  it('lists the actions past due and neither done nor dropped, earliest first, with their session', () => {
    expect(progress.overdueActions.map((a) => [a.due, a.what, a.session])).toEqual([
      ['2011-03-15', 'Send plans', '2010-11-08'],
      ['2011-04-29', 'Monthly report', '2011-02-21'],
    ]);
  });
});
