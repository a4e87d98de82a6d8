import type { PartnershipStatus } from '../model/constants.js';
import { UsageError } from '../errors.js';
import { updatePartnership } from '../store/partnership-file.js';
import { lastHistoryDate } from './history.js';

export type StatusAction = 'suspend' | 'resume' | 'cancel';

const RULES: Record<StatusAction, { to: PartnershipStatus; from: PartnershipStatus[] }> = {
  suspend: { to: 'suspended', from: ['active'] },
  resume: { to: 'active', from: ['suspended', 'cancelled'] },
  cancel: { to: 'cancelled', from: ['active', 'suspended'] },
};

export interface StatusChangeOptions {
  root: string;
  id: string;
  action: StatusAction;
  date: string;
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
export function changeStatus(options: StatusChangeOptions): StatusChangeResult {
  const rule = RULES[options.action];
  if (options.action !== 'resume' && !options.reason?.trim()) {
    throw new UsageError(`${options.action} needs --reason <text>: the history records why`);
  }
  let from = '';
  let refusal: string | undefined;
  const { before, after } = updatePartnership(options.root, options.id, (data) => {
    from = String(data.status);
    if (!(rule.from as string[]).includes(from)) {
      refusal = `${options.id} is ${from}; only a partnership that is ${rule.from.join(' or ')} can be ${rule.to === 'active' ? 'resumed' : rule.to}`;
      return undefined;
    }
    const last = lastHistoryDate(data);
    if (last && options.date < last) throw new UsageError(`--date ${options.date} is before the last history entry (${last})`, 'history stays in date order');
    const entry: Record<string, unknown> = { status: rule.to, date: options.date };
    if (options.reason?.trim()) entry.reason = options.reason.trim();
    return { set: [[['status'], rule.to]], append: [[['history'], entry]] };
  });
  return { id: options.id, from, to: rule.to, before, after, ...(refusal && { refusal }) };
}
