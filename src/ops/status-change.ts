import { UsageError } from '../errors.js';
import type { PartnershipStatus } from '../model/constants.js';
import { lastHistoryDate } from '../roadmap/index.js';
import type { Repository } from '../store/repository.js';
import { checkedUpdate } from './checked-write.js';
import { requireMethod } from './method.js';

export type StatusAction = 'suspend' | 'resume' | 'cancel';

const RULES: Record<StatusAction, { to: PartnershipStatus; from: PartnershipStatus[] }> = {
  suspend: { to: 'suspended', from: ['active'] },
  resume: { to: 'active', from: ['suspended', 'cancelled'] },
  cancel: { to: 'cancelled', from: ['active', 'suspended'] },
};

export interface StatusChangeOptions {
  id: string;
  action: StatusAction;
  date: string;
  /** Today, for the checks made before and after the change. */
  today: string;
  reason?: string;
}

export interface StatusChangeResult {
  id: string;
  from: string;
  to: PartnershipStatus;
  /** Why the change is refused, when it is. */
  refusal?: string;
  before: string;
  after: string;
}

/** Suspend, resume or cancel a partnership, recording the change in its history. */
export function changeStatus(repo: Repository, options: StatusChangeOptions): StatusChangeResult {
  const rule = RULES[options.action];
  if (options.action !== 'resume' && !options.reason?.trim()) {
    throw new UsageError(`${options.action} needs --reason <text>: the history records why`);
  }
  let from = '';
  let refusal: string | undefined;
  const { before, after } = checkedUpdate(repo, requireMethod(repo), options.id, options.today, (p) => {
    from = p.status;
    if (!rule.from.includes(p.status)) {
      refusal = `${options.id} is ${from}; only a partnership that is ${rule.from.join(' or ')} can be ${rule.to === 'active' ? 'resumed' : rule.to}`;
      return undefined;
    }
    const last = lastHistoryDate(p);
    if (last && options.date < last) throw new UsageError(`--date ${options.date} is before the last history entry (${last})`, 'history stays in date order');
    const entry: Record<string, unknown> = { status: rule.to, date: options.date };
    if (options.reason?.trim()) entry.reason = options.reason.trim();
    return { set: [[['status'], rule.to]], append: [[['history'], entry]] };
  });
  return { id: options.id, from, to: rule.to, before, after, ...(refusal && { refusal }) };
}
