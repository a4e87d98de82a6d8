// `status` as operations: the portfolio, and one partnership with the gate of its next stage.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MentorError } from '../../src/errors.js';
import { advancePartnership } from '../../src/ops/advance.js';
import { changeStatus } from '../../src/ops/status-change.js';
import { summarizeRepository } from '../../src/ops/portfolio.js';
import { partnershipStatus } from '../../src/ops/status.js';
import { openRepository } from '../../src/store/repository.js';
import { copyOfExamples, EXAMPLES } from '../helpers/cli.js';
import { AS_OF, goldenRepo, NEW_ID } from './support.js';

/** The summaries of every partnership, as `status` lists them. */
const portfolioStatus = async (root: string, asOf: string) => (await summarizeRepository(openRepository(root), asOf)).summaries;

describe('portfolioStatus', () => {
  it('summarises every partnership of the repository, by id', async () => {
    const summaries = await portfolioStatus(EXAMPLES, AS_OF);
    expect(summaries.map((s) => s.id)).toEqual(readdirSync(path.join(EXAMPLES, 'partnerships')).sort());
    for (const s of summaries) {
      expect(s.errors, s.id).toBe(0);
      // The complete example's second phase starts after the article's date: no days in stage yet.
      if (s.id === 'durban-mzuzu-phase-2') expect(s.daysInStage).toBeUndefined();
      else expect(s.daysInStage, s.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['2011-03-31', 269],
    ['2011-04-01', 270],
    ['2012-03-01', 605], // across 29 February 2012
  ])('as of %s durban-mzuzu has been %i days in mentoring', async (asOf, days) => {
    expect((await portfolioStatus(EXAMPLES, asOf)).find((s) => s.id === 'durban-mzuzu')!.daysInStage).toBe(days);
  });
});

describe('health warnings in the status', () => {
  it('appear as --as-of moves on, and not for a suspended partnership', async () => {
    const codes = async (root: string, asOf: string) => (await portfolioStatus(root, asOf)).find((s) => s.id === 'durban-mzuzu')!.warnings.map((w) => w.code);
    expect(await codes(EXAMPLES, AS_OF)).toEqual([]);
    const later = await codes(EXAMPLES, '2011-12-31');
    expect(later).toContain('MTR061'); // no session since 2011-02-21
    expect(later).toContain('MTR064'); // planning-approvals was due on 2011-09-30
    for (const w of (await portfolioStatus(EXAMPLES, '2011-12-31')).find((s) => s.id === 'durban-mzuzu')!.warnings) expect(w.severity).toBe('warning');
    const root = copyOfExamples();
    changeStatus(openRepository(root), { id: 'durban-mzuzu', action: 'suspend', date: '2011-04-01', today: '2011-04-01', reason: 'Local elections postponed' });
    expect(await codes(root, '2011-09-28')).toEqual([]);
    expect(await codes(root, '2011-12-31')).toEqual(['MTR070']); // suspended for more than 180 days
  });
});

describe('partnershipStatus', () => {
  it('names the stage plain advance would take, with its gate', () => {
    const detail = partnershipStatus(openRepository(EXAMPLES), 'johannesburg-lilongwe', AS_OF);
    expect(detail.next?.stage).toBe('evaluation');
    expect(detail.next?.gate.met).toBe(true);
    expect(detail.targets).toHaveLength(5);
    // 15 sessions: the 14 visits to Lilongwe of the article and the study visit to Johannesburg.
    expect(detail.recentSessions.map((r) => r.number)).toEqual([11, 12, 13, 14, 15]);
  });

  it('after evaluation and launch, the next stage is promotion; after closed there is none', () => {
    const root = goldenRepo('promotion.input.yaml');
    expect(partnershipStatus(openRepository(root), NEW_ID, '2012-09-10').next?.stage).toBe('closed');
    advancePartnership(openRepository(root), { id: NEW_ID, date: '2012-10-01', today: '2012-10-01' });
    const detail = partnershipStatus(openRepository(root), NEW_ID, '2012-10-01');
    expect(detail.next).toBeUndefined();
    expect(detail.summary).toMatchObject({ stage: 'closed', status: 'closed', stageEntered: '2012-10-01', daysInStage: 0 });
  });

  it('a suspension does not reset the days in stage', () => {
    const root = copyOfExamples();
    advancePartnership(openRepository(root), { id: 'durban-mzuzu', date: '2011-03-01', today: '2011-03-01' });
    changeStatus(openRepository(root), { id: 'durban-mzuzu', action: 'suspend', date: '2011-03-10', today: '2011-03-10', reason: 'Local elections postponed' });
    expect(partnershipStatus(openRepository(root), 'durban-mzuzu', AS_OF).summary).toMatchObject({ stage: 'evaluation', status: 'suspended', stageEntered: '2011-03-01', daysInStage: 30 });
  });

  it('an unknown partnership is a usage error with a did-you-mean', () => {
    let error: unknown;
    try {
      partnershipStatus(openRepository(EXAMPLES), 'durban-mzuz', AS_OF);
    } catch (e) {
      error = e;
    }
    expect((error as MentorError).exitCode).toBe(2);
    expect((error as MentorError).hint).toContain('durban-mzuzu');
  });
});
