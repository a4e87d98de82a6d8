// Calendar dates stay YYYY-MM-DD strings; arithmetic happens on UTC midnights, so no local zone can
// shift a day. (Plain Date with its UTC methods: loading a date library's UTC class costs every
// command a few milliseconds of start-up for nothing.)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first year accepted: years 0000 to 0099 would print as 19xx, and no partnership is that old. */
export const MIN_YEAR = 1900;

/** Whether a value is a real calendar date written YYYY-MM-DD, in 1900 or later. */
export function isIsoDate(value: unknown): value is string {
  return isCalendarDate(value) && Number(value.slice(0, 4)) >= MIN_YEAR;
}

function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = toUtc(value);
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Why a text given as a date is not one, for a message: "<value> is not a real calendar date..." or "... is before 1900". */
export function whyNotADate(value: string): string {
  return isCalendarDate(value)
    ? `is before ${MIN_YEAR}; mentor accepts dates from ${MIN_YEAR}-01-01 (was the year mistyped?)`
    : 'is not a real calendar date written YYYY-MM-DD';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of a YYYY-MM-DD date (a day that does not exist rolls over, as Date does). */
function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return utcMidnight(y, m - 1, d);
}

/** Midnight UTC of a year, a month from 0 and a day (rolling over as Date does). */
function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const utc = new Date(0);
  utc.setUTCFullYear(year, monthIndex, day); // unlike Date.UTC, keeps years 0 to 99 as written
  return utc;
}

function fromUtc(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  // Both are UTC midnights: no daylight saving between them, the difference is whole days.
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** The date `months` calendar months after `date` (the end of a shorter month when the day is missing). */
export function addMonthsTo(date: string, months: number): string {
  const start = toUtc(date);
  // The first of the month `months` on, then the same day, or its last day when the month is shorter.
  const first = utcMidnight(start.getUTCFullYear(), start.getUTCMonth() + months, 1);
  const lastDay = utcMidnight(first.getUTCFullYear(), first.getUTCMonth() + 1, 0).getUTCDate();
  return fromUtc(utcMidnight(first.getUTCFullYear(), first.getUTCMonth(), Math.min(start.getUTCDate(), lastDay)));
}

/** Today in the local calendar of this machine, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDaysTo(date: string, days: number): string {
  const utc = toUtc(date);
  utc.setUTCDate(utc.getUTCDate() + days);
  return fromUtc(utc);
}
