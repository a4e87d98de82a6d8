// Golden files: a hand-written partnership.yaml full of comments, odd spacing and quoting goes
// through one command, and the result must equal a hand-written expected file byte for byte.
// The expected files were written from the contract (comments and untouched lines survive; only
// the changed scalars and the new history entry differ), not copied from mentor's output.

import { describe, expect, it } from 'vitest';
import { advancePartnership, type AdvanceOptions } from '../../src/ops/advance.js';
import { changeStatus, type StatusAction } from '../../src/ops/status-change.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { golden, goldenRepo, NEW_ID, readPartnershipText } from './support.js';

type Step =
  | { advance: Omit<AdvanceOptions, 'id' | 'today'> }
  | { status: StatusAction; date: string; reason?: string };

function apply(root: string, step: Step): void {
  if ('advance' in step) {
    const result = advancePartnership(openRepository(root), { id: NEW_ID, today: step.advance.date, ...step.advance });
    expect(result.outcome, JSON.stringify(result.refusal)).toBe('moved');
  } else {
    const result = changeStatus(openRepository(root), { id: NEW_ID, action: step.status, date: step.date, today: step.date, ...(step.reason !== undefined && { reason: step.reason }) });
    expect(result.refusal).toBeUndefined();
  }
}

const close: Step = { advance: { date: '2012-10-01', note: 'Handover to the Treasurer of Mzuzu' } };
const suspend: Step = { status: 'suspend', date: '2012-09-10', reason: 'Local elections postponed again' };

const CASES: { name: string; input: string; steps: Step[]; expected: string }[] = [
  { name: 'advance setup → mentoring (quoted stage, blank line and commented-out entry in history)', input: 'setup.input.yaml', steps: [{ advance: { date: '2011-07-11', note: 'Task force and first target agreed' } }], expected: 'setup.advance.expected.yaml' },
  { name: 'suspend (single-quoted status, a reason that needs quotes)', input: 'setup.input.yaml', steps: [{ status: 'suspend', date: '2011-07-11', reason: 'Council elections: no quorum until September' }], expected: 'setup.suspend.expected.yaml' },
  { name: 'close: promotion → closed sets the status', input: 'promotion.input.yaml', steps: [close], expected: 'promotion.close.expected.yaml' },
  {
    name: 'forced move out of closed sets the status active',
    input: 'promotion.input.yaml',
    steps: [close, { advance: { date: '2012-11-05', to: 'promotion', force: true, reason: 'The follow-up owner left the council; the programme steps in again' } }],
    expected: 'promotion.close-reopen.expected.yaml',
  },
  { name: 'suspend', input: 'promotion.input.yaml', steps: [suspend], expected: 'promotion.suspend.expected.yaml' },
  { name: 'suspend, then resume without a reason', input: 'promotion.input.yaml', steps: [suspend, { status: 'resume', date: '2012-10-15' }], expected: 'promotion.suspend-resume.expected.yaml' },
  { name: 'cancel', input: 'promotion.input.yaml', steps: [{ status: 'cancel', date: '2012-09-10', reason: 'No budget for the promotion visits' }], expected: 'promotion.cancel.expected.yaml' },
  {
    name: 'forced move back to mentoring',
    input: 'promotion.input.yaml',
    steps: [{ advance: { date: '2012-09-10', to: 'mentoring', force: true, reason: 'Targets renegotiated after the elections' } }],
    expected: 'promotion.back.expected.yaml',
  },
];

describe('golden files: one command on a hand-written partnership.yaml', () => {
  it.each(['setup.input.yaml', 'promotion.input.yaml'])('the input %s is a valid partnership (no errors)', async (input) => {
    const root = goldenRepo(input);
    const result = await validateRepository(openRepository(root), { cwd: root, today: '2012-10-01' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(CASES)('$name', ({ input, steps, expected }) => {
    const root = goldenRepo(input);
    for (const step of steps) apply(root, step);
    expect(readPartnershipText(root, NEW_ID)).toBe(golden(expected));
  });

  it.each(CASES)('$name: the result is still a valid partnership', async ({ input, steps }) => {
    const root = goldenRepo(input);
    for (const step of steps) apply(root, step);
    const result = await validateRepository(openRepository(root), { cwd: root, today: '2012-12-31' });
    // Forced moves leave warnings (MTR051); nothing in these files may be an error.
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a refused move and a dry run leave the file byte for byte as it was', () => {
    const root = goldenRepo('promotion.input.yaml');
    const before = readPartnershipText(root, NEW_ID);
    expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01', dryRun: true }).outcome).toBe('dry-run');
    expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01', to: 'setup' }).outcome).toBe('refused');
    expect(advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01', to: 'setup', force: true, reason: 'a dry run only', dryRun: true }).outcome).toBe('dry-run');
    expect(changeStatus(openRepository(root), { id: NEW_ID, action: 'resume', date: '2012-10-01', today: '2012-10-01' }).refusal).toMatch(/active/);
    expect(readPartnershipText(root, NEW_ID)).toBe(before);
  });
});
