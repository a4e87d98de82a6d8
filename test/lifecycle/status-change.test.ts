// suspend, resume and cancel as operations: the status changes and the history records it.

import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MentorError, ProblemsError } from '../../src/errors.js';
import { advancePartnership } from '../../src/ops/advance.js';
import { changeStatus, type StatusAction } from '../../src/ops/status-change.js';
import { validateRepository } from '../../src/ops/validate.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples } from '../helpers/cli.js';
import { goldenRepo, NEW_ID, readPartnershipText, writePartnershipText } from './support.js';

const ID = 'durban-mzuzu';
const change = (root: string, action: StatusAction, date: string, reason?: string) =>
  changeStatus(openRepository(root), { id: ID, action, date, today: date, ...(reason !== undefined && { reason }) });
const data = (root: string) => parse(readPartnershipText(root, ID)) as { status: string; history: Record<string, unknown>[] };

function thrown(fn: () => unknown): MentorError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MentorError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('suspend, resume, cancel', () => {
  it('record each change in the history and keep the partnership valid', async () => {
    const root = copyOfExamples();
    expect(change(root, 'suspend', '2011-04-04', '  Local elections postponed  ')).toMatchObject({ from: 'active', to: 'suspended' });
    expect(change(root, 'cancel', '2011-05-02', 'No budget for visits this year')).toMatchObject({ from: 'suspended', to: 'cancelled' });
    expect(change(root, 'resume', '2011-06-01', 'Norwegian funding confirmed')).toMatchObject({ from: 'cancelled', to: 'active' });
    expect(change(root, 'suspend', '2011-06-01', 'Acting Chief Executive replaced')).toMatchObject({ to: 'suspended' });
    expect(change(root, 'resume', '2011-07-04')).toMatchObject({ to: 'active' });
    const d = data(root);
    expect(d.status).toBe('active');
    expect(d.history.slice(5)).toEqual([
      { status: 'suspended', date: '2011-04-04', reason: 'Local elections postponed' },
      { status: 'cancelled', date: '2011-05-02', reason: 'No budget for visits this year' },
      { status: 'active', date: '2011-06-01', reason: 'Norwegian funding confirmed' },
      { status: 'suspended', date: '2011-06-01', reason: 'Acting Chief Executive replaced' },
      { status: 'active', date: '2011-07-04' },
    ]);
    const problems = (await validateRepository(openRepository(root), { cwd: root, paths: [`partnerships/${ID}`], today: '2011-07-04' })).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(['suspend', 'cancel'] as const)('%s needs a reason (exit 2), and writes nothing without one', (action) => {
    const root = copyOfExamples();
    const before = readPartnershipText(root, ID);
    expect(thrown(() => change(root, action, '2011-04-04')).exitCode).toBe(2);
    expect(thrown(() => change(root, action, '2011-04-04', '   ')).exitCode).toBe(2);
    expect(readPartnershipText(root, ID)).toBe(before);
  });

  it.each([
    [[], 'resume', /active/],
    [[['suspend', 'x']], 'suspend', /suspended/],
    [[['cancel', 'x']], 'cancel', /cancelled/],
  ] as [[StatusAction, string][], StatusAction, RegExp][])('after %j, %s is refused and nothing is written', (first, action, why) => {
    const root = copyOfExamples();
    for (const [a, reason] of first) change(root, a, '2011-04-04', reason);
    const before = readPartnershipText(root, ID);
    expect(change(root, action, '2011-04-05', 'again').refusal).toMatch(why);
    expect(readPartnershipText(root, ID)).toBe(before);
  });

  it('a closed partnership is neither suspended nor cancelled', () => {
    const root = copyOfExamples();
    const text = readPartnershipText(root, ID);
    // "status: closed" written by hand without its history fails validate (MTR032): every write now
    // refuses such a file first (exit 1, validate's problems), before looking at the status.
    const closed = text.replace('\nstatus: active\n', '\nstatus: closed\n');
    writePartnershipText(root, ID, closed);
    for (const [action, reason] of [['suspend', 'x'], ['cancel', 'x'], ['resume', undefined]] as const) {
      const error = thrown(() => change(root, action, '2011-04-04', reason));
      expect(error).toBeInstanceOf(ProblemsError);
      expect(error.exitCode).toBe(1);
      expect((error as ProblemsError).report.problems.map((p) => p.code)).toEqual(['MTR032']);
    }
    expect(readPartnershipText(root, ID)).toBe(closed);
    // A partnership closed by `mentor advance`: the refusal looks at the status.
    const golden = goldenRepo('promotion.input.yaml');
    expect(advancePartnership(openRepository(golden), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01' })).toMatchObject({ outcome: 'moved', to: 'closed' });
    const closedByAdvance = readPartnershipText(golden, NEW_ID);
    const changeGolden = (action: StatusAction, reason?: string) =>
      changeStatus(openRepository(golden), { id: NEW_ID, action, date: '2012-10-02', today: '2012-10-02', ...(reason !== undefined && { reason }) });
    expect(changeGolden('suspend', 'x').refusal).toMatch(/closed/);
    expect(changeGolden('cancel', 'x').refusal).toMatch(/closed/);
    expect(changeGolden('resume').refusal).toMatch(/closed/);
    expect(readPartnershipText(golden, NEW_ID)).toBe(closedByAdvance);
  });

  it('a date before the last history entry is refused (exit 2)', () => {
    const root = copyOfExamples();
    const error = thrown(() => change(root, 'suspend', '2010-07-04', 'Local elections postponed'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('2010-07-05');
  });

  it('an unknown partnership is a usage error with a did-you-mean', () => {
    const root = copyOfExamples();
    const error = thrown(() => changeStatus(openRepository(root), { id: 'bergen-mombas', action: 'suspend', date: '2011-04-04', today: '2011-04-04', reason: 'x' }));
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('"bergen-mombasa"');
  });
});
