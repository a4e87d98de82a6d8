import type { Repository } from '../store/repository.js';
import path from 'node:path';
import { partnershipEvents } from '../export/calendar.js';
import { formatCalendar } from '../export/ics.js';
import type { Lang } from '../render/format.js';
import { writeFileAtomic } from '../store/write.js';
import { requireMethod } from './method.js';
import { latestRecordedDate, readRepositoryConfig, readValidPartnerships } from './read-valid.js';

export interface CalendarOptions {
  /** Where a relative --out is resolved. */
  cwd: string;
  /** YYYY-MM-DD: the date the partnerships are checked for. */
  today: string;
  /** One partnership; every one when absent. */
  id?: string;
  /** YYYY-MM-DD for DTSTAMP; default: the latest recorded fact of the data, so the same data gives the same file. */
  asOf?: string;
  locale?: Lang;
  /** File to write; the calendar is returned instead when absent. */
  out?: string;
}

export interface CalendarResult {
  events: number;
  /** The absolute path written, with `out`. */
  written?: string;
  /** The calendar, without `out`. */
  output?: string;
}

/** An RFC 5545 calendar of the dated items of one partnership or all of them. */
export function buildCalendar(repo: Repository, options: CalendarOptions): CalendarResult {
  const sources = readValidPartnerships(repo, options.id !== undefined ? [options.id] : [], options.today, requireMethod(repo));
  const config = readRepositoryConfig(repo);
  const single = options.id !== undefined ? sources[0] : undefined;
  const lang = options.locale ?? single?.partnership.locale ?? config?.locale ?? 'en';
  const events = sources.flatMap((source) => partnershipEvents(source, lang, { withPartnership: single === undefined }));
  const text = formatCalendar({
    name: single?.partnership.title ?? config?.name ?? 'mentor',
    stamp: options.asOf ?? latestRecordedDate(sources) ?? options.today,
    events,
  });
  if (options.out === undefined) return { events: events.length, output: text };
  const file = path.resolve(options.cwd, options.out);
  writeFileAtomic(file, text);
  return { events: events.length, written: file };
}

export type { Lang };
