// Money as a funder reads it: each contribution with its status, and per currency the budget, the
// contributions by status and the spending logged in sessions. Currencies are never added together.
import type { Funding } from '../model/partnership.js';
import { FundingStatus } from '../model/enums.js';

export type ContributionState = Funding['status'] | 'unrecorded';
export const CONTRIBUTION_STATES: readonly NonNullable<ContributionState>[] = [...FundingStatus.options, 'unrecorded'];

export interface CurrencyBalance {
  currency: string;
  /** The budget of the Terms of Reference, when it is in this currency. */
  budget?: number;
  /** Cash contributions by status ("unrecorded" where the file gives none). */
  contributions: Record<NonNullable<ContributionState>, number>;
  /** Estimated value of support in kind. */
  inKind: number;
  /** Costs logged in the sessions held. */
  spent: number;
}

const zero = () => Object.fromEntries(CONTRIBUTION_STATES.map((s) => [s, 0])) as CurrencyBalance['contributions'];

/** Per currency, in alphabetical order: budget, contributions by status, in-kind estimates and spending. */
export function balanceByCurrency(
  budget: { amount: number; currency: string } | undefined,
  funding: readonly Funding[],
  costs: readonly { amount: number; currency: string }[],
): CurrencyBalance[] {
  const rows = new Map<string, CurrencyBalance>();
  const row = (currency: string) => {
    let r = rows.get(currency);
    if (!r) rows.set(currency, (r = { currency, contributions: zero(), inKind: 0, spent: 0 }));
    return r;
  };
  if (budget) row(budget.currency).budget = budget.amount;
  for (const f of funding) {
    if (f.amount === undefined || f.currency === undefined) continue;
    if (f.in_kind === true) row(f.currency).inKind += f.amount;
    else row(f.currency).contributions[f.status ?? 'unrecorded'] += f.amount;
  }
  for (const c of costs) row(c.currency).spent += c.amount;
  return [...rows.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
