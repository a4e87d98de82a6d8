// Money as a funder reads it: each contribution with its status (never assumed committed), in-kind
// values apart from cash, and per currency the budget, the contributions by status and the
// spending logged in sessions. Amounts in different currencies are never added.
import type { Partnership } from '../model/partnership.js';
import { cap, type Localizer } from './locale.js';

const DASH = '—';
export const FUNDING_STATES = ['received', 'committed', 'requested', 'declined', 'unrecorded'] as const;
type FundingState = (typeof FUNDING_STATES)[number];

interface Cost {
  amount: number;
  currency: string;
}

/** One row per contribution, then one column per currency of budget, contributions by status and spending. */
export function moneyView(p: Partnership, costs: readonly Cost[], l: Localizer) {
  const funding = p.funding ?? [];
  const budget = p.agreement?.terms?.budget;
  const rows = funding.map((f) => {
    const state: FundingState = f.status ?? 'unrecorded';
    // An amount of 0 says nothing: it is shown as no amount, never as "ZAR 0".
    const amount = f.amount !== undefined && f.amount > 0 ? f.amount : undefined;
    return {
      funder: f.funder,
      amount: amount !== undefined && f.currency !== undefined ? l.money(amount, f.currency) : f.in_kind && f.currency !== undefined ? l.t('money.inKindNoValue', { currency: f.currency }) : l.t('money.noAmount'),
      // Without an amount and without in_kind, nothing says whether cash or kind is meant.
      kind: f.in_kind ? l.t('money.inKind') : amount !== undefined ? l.t('money.cash') : DASH,
      status: cap(l.t(`funding.${state}`)),
      unrecorded: state === 'unrecorded',
      note: f.note ?? DASH,
    };
  });

  const currencies = [...new Set([...(budget ? [budget.currency] : []), ...funding.flatMap((f) => (f.currency !== undefined ? [f.currency] : [])), ...costs.map((c) => c.currency)])].sort();
  const sum = (currency: string, pick: (f: (typeof funding)[number]) => boolean) =>
    funding.filter((f) => f.currency === currency && pick(f)).reduce((a, f) => a + (f.amount ?? 0), 0);
  const cell = (amount: number | undefined, currency: string) => (amount === undefined || amount === 0 ? DASH : l.money(amount, currency));
  const lines: { label: string; strong?: boolean; values: (currency: string) => number | undefined }[] = [
    { label: l.t('money.budget'), strong: true, values: (c) => (budget && budget.currency === c ? budget.amount : undefined) },
    ...FUNDING_STATES.map((state) => ({
      label: l.t('money.cashBy', { status: l.t(`funding.${state}`) }),
      values: (c: string) => sum(c, (f) => f.in_kind !== true && (f.status ?? 'unrecorded') === state),
    })),
    { label: l.t('money.inKindTotal'), values: (c) => sum(c, (f) => f.in_kind === true && f.status !== 'declined') },
    { label: l.t('money.spent'), strong: true, values: (c) => costs.filter((x) => x.currency === c).reduce((a, x) => a + x.amount, 0) },
  ];
  // A currency column in which nothing is recorded (a contribution of no amount) is left out.
  const shown = currencies.filter((c) => lines.some((line) => cell(line.values(c), c) !== DASH));
  const table = lines
    .map((line) => ({ label: line.label, strong: line.strong === true, cells: shown.map((c) => cell(line.values(c), c)) }))
    .filter((line) => line.cells.some((c) => c !== DASH));
  const unrecorded = rows.filter((r) => r.unrecorded).length;
  return {
    any: rows.length > 0 || budget !== undefined || costs.length > 0,
    rows,
    currencies: shown,
    table,
    budget: budget ? { amount: l.money(budget.amount, budget.currency), note: budget.note ?? null } : null,
    unrecordedNote: unrecorded > 0 ? l.t('money.unrecordedNote', { count: l.num(unrecorded) }) : null,
    currenciesNote: shown.length > 1 ? l.t('money.currenciesNote') : null,
  };
}
