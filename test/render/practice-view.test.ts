import { describe, expect, it } from 'vitest';
import type { Partnership } from '../../src/model/partnership.js';
import { localizer } from '../../src/render/locale.js';
import { balanceByCurrency } from '../../src/render/money.js';
import { agreementView, evaluationDetail, moneyView, progressOf } from '../../src/render/practice-view.js';
import { latestMeasurement } from '../../src/roadmap/results.js';

const en = localizer('en');
const base = { id: 'x', title: 'x', mentor: { name: 'tbd' }, mentee: { name: 'Mzuzu City Council', kind: 'city', country: 'MW' }, stage: 'mentoring', status: 'active', history: [{ stage: 'request', date: '2010-01-01' }] } as Partnership;

describe('balanceByCurrency: never adds currencies, keeps statuses apart', () => {
  it.each([
    ['a budget alone', { amount: 100, currency: 'USD' }, [], [], [['USD', 100, {}, 0, 0]]],
    [
      'contributions by status, unrecorded apart, in kind apart',
      undefined,
      [
        { funder: 'A', amount: 10, currency: 'NOK', status: 'requested' },
        { funder: 'B', amount: 5, currency: 'NOK', status: 'received' },
        { funder: 'C', amount: 7, currency: 'NOK' },
        { funder: 'D', amount: 3, currency: 'NOK', in_kind: true },
        { funder: 'E', in_kind: true },
      ],
      [],
      [['NOK', undefined, { requested: 10, received: 5, unrecorded: 7 }, 3, 0]],
    ],
    [
      'spending in its own currency, currencies sorted',
      { amount: 100, currency: 'USD' },
      [{ funder: 'A', amount: 50, currency: 'USD', status: 'committed' }],
      [{ amount: 20, currency: 'ZAR' }, { amount: 30, currency: 'USD' }, { amount: 5, currency: 'ZAR' }],
      [['USD', 100, { committed: 50 }, 0, 30], ['ZAR', undefined, {}, 0, 25]],
    ],
  ] as const)('%s', (_what, budget, funding, costs, expected) => {
    const rows = balanceByCurrency(budget, funding as Partnership['funding'] & object, costs);
    expect(rows.map((r) => [r.currency, r.budget, Object.fromEntries(Object.entries(r.contributions).filter(([, v]) => v > 0)), r.inKind, r.spent])).toEqual(expected);
  });
});

describe('moneyView', () => {
  const view = moneyView({ ...base, funding: [{ funder: 'Norwegian government', amount: 200000, currency: 'NOK', note: 'Requested; not yet confirmed' }, { funder: 'eThekwini', in_kind: true }, { funder: 'Bergen', amount: 5000, currency: 'NOK', in_kind: true, status: 'committed' }] }, [], en);
  it.each([
    [0, 'NOK 200,000', 'status not recorded'],
    [1, 'in kind', 'status not recorded'],
    [2, 'in kind (estimated NOK 5,000)', 'committed'],
  ])('row %i: %s, %s', (index, amount, status) => {
    expect(view.rows[index]).toMatchObject({ amount, status });
  });
  it('shows no total across currencies and never calls an unrecorded status committed', () => {
    expect(view.balance).toEqual([expect.objectContaining({ currency: 'NOK', committed: '—', unrecorded: 'NOK 200,000', inKind: 'NOK 5,000' })]);
  });
});

describe('results against targets', () => {
  const target = { id: 't', title: 'T', indicator: 'Days', baseline: '92 days', target: '30 days', due: '2011-09-30', status: 'in-progress' as const };
  it.each([
    ['no readings', [], '—'],
    ['the latest by date, not by order', [{ date: '2011-02-01', value: 64 }, { date: '2010-08-01', value: 92 }], '64 (1 Feb 2011)'],
    ['a text reading', [{ date: '2010-06-30', value: 'cash-positive' }], 'cash-positive (30 Jun 2010)'],
    ['a decimal reading', [{ date: '2010-06-30', value: 2.5 }], '2.5 (30 Jun 2010)'],
  ])('%s', (_what, measurements, latest) => {
    expect(progressOf({ ...target, measurements }, en)).toMatchObject({ baseline: '92 days', latest, aimed: '30 days' });
  });
  it('skips a reading with an impossible date', () => {
    expect(latestMeasurement({ measurements: [{ date: '2011-01-01', value: 1 }, { date: '2011-02-30', value: 2 }] })?.value).toBe(1);
  });
});

describe('agreement and evaluation', () => {
  it('names the working languages in the document language, and is absent when nothing is recorded', () => {
    expect(agreementView({ ...base, agreement: { state: 'final', languages: ['en', 'es'] } }, localizer('fr'))).toMatchObject({ state: 'définitif', version: '—', languages: 'anglais, espagnol' });
    expect(agreementView({ ...base, agreement: { approvals: [] } }, en)).toBeNull();
  });
  it('lists evidence only for ratings given with it, and recommendations of both forms', () => {
    const detail = evaluationDetail(
      {
        ...base,
        evaluation: {
          date: '2011-07-29',
          ratings: { relevance: { score: 4, evidence: 'Asked for' }, coherence: 3, effectiveness: 3, efficiency: 3, impact: 2, sustainability: 2, ownership: 4 },
          recommendations: ['Keep going', { text: 'Hand over', owner: 'Town clerk', due: '2011-12-31' }],
          evaluator: { name: 'UCLG', independent: false },
        },
      },
      en,
    );
    expect(detail.evidence).toEqual([{ name: 'Relevance', score: '4 / 4', evidence: 'Asked for' }]);
    expect(detail.recommendations).toEqual([
      { text: 'Keep going', owner: '—', due: '—', response: '—' },
      { text: 'Hand over', owner: 'Town clerk', due: '31 Dec 2011', response: '—' },
    ]);
    expect(detail.evaluator).toBe('UCLG (not independent of the partnership)');
  });
});
