import type { Facts } from '../model/facts.js';
import type { Measurement } from '../model/partnership.js';
import { isIsoDate } from '../util/dates.js';

/** The latest reading of a target by date (the later entry wins a tie); readings without a real date are skipped. */
export function latestMeasurement<M extends Facts<Measurement>>(target: { measurements?: readonly (M | undefined)[] | undefined } | undefined): M | undefined {
  let latest: M | undefined;
  for (const m of Array.isArray(target?.measurements) ? target.measurements : []) if (isIsoDate(m?.date) && (!latest || m.date >= latest.date!)) latest = m;
  return latest;
}

