import { isIsoDate } from '../util/dates.js';
import { list, rec, type Loose } from '../util/loose.js';

/** The latest date in a partnership's history, if any. */
export function lastHistoryDate(data: Loose): string | undefined {
  return list(data.history)
    .map((entry) => rec(entry)?.date)
    .filter(isIsoDate)
    .sort()
    .at(-1);
}
