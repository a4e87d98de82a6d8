import type { SESSION_TYPES } from '../model/constants.js';
import type { Prompter } from '../ui/prompt.js';
import { isIsoDate } from '../util/dates.js';

type SessionType = (typeof SESSION_TYPES)[number];
export const HOSTS = ['mentor', 'mentee', 'other', 'remote'] as const;
export const LEVELS = ['technical', 'political'] as const;

/**
 * Who usually hosts a session of each type: on a study visit the mentee's staff learn in the mentor
 * city; on a technical visit the mentor's experts work in the mentee city, as do most contact
 * sessions and workshops; a remote session has no host city.
 */
const HOST_BY_TYPE: Record<SessionType, (typeof HOSTS)[number]> = {
  contact: 'mentee',
  'technical-visit': 'mentee',
  'study-visit': 'mentor',
  workshop: 'mentee',
  'political-visit': 'mentee',
  remote: 'remote',
};

/** The host a prompt offers first for a session of `type`. */
export function defaultHost(type: string): (typeof HOSTS)[number] {
  return HOST_BY_TYPE[type as SessionType] ?? 'mentee';
}

/** The level a prompt offers first: political for a political visit, technical otherwise. */
export function defaultLevel(type: string): (typeof LEVELS)[number] {
  return type === 'political-visit' ? 'political' : 'technical';
}

/** Ask the first day of a session, today by default. */
export function askDate(prompter: Prompter, today: string): Promise<string> {
  return prompter.text('Date of the session (its first day, YYYY-MM-DD):', {
    default: today,
    validate: (value) => (isIsoDate(value.trim()) ? true : 'a real calendar date written YYYY-MM-DD, like 2011-03-14'),
  });
}

/** Ask the last day of a visit of several days; the first day again (the default) means a one-day session. */
export async function askEnd(prompter: Prompter, date: string): Promise<string | undefined> {
  const answer = (
    await prompter.text('Last day, for a visit of several days (Enter for a one-day session):', {
      default: date,
      validate: (value) => {
        const v = value.trim();
        if (!isIsoDate(v)) return 'a real calendar date written YYYY-MM-DD';
        return v >= date ? true : `the last day cannot be before the first (${date})`;
      },
    })
  ).trim();
  return answer === date ? undefined : answer;
}
