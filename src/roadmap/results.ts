import type { DeepPartial } from '../model/partial.js';
import type { Measurement } from '../model/partnership.js';
import { isIsoDate } from '../util/dates.js';

/** The latest reading of a target by date (the later entry wins a tie); readings without a real date are skipped. */
export function latestMeasurement<M extends DeepPartial<Measurement>>(target: { measurements?: readonly M[] | undefined } | undefined): M | undefined {
  let latest: M | undefined;
  for (const m of Array.isArray(target?.measurements) ? target.measurements : []) if (isIsoDate(m?.date) && (!latest || m.date >= latest.date!)) latest = m;
  return latest;
}

