import { expect, test } from 'vitest';
import { IsoDate } from '../../src/model/primitives.js';
import { isIsoDate, whyNotADate } from '../../src/util/dates.js';

// Years 0000 to 0099 printed as 19xx ("15 June 1950" for 0050-06-15): dates before 1900 are refused.
test.each([
  ['2011-03-31', true, undefined],
  ['1900-01-01', true, undefined],
  ['1899-12-31', false, 'is before 1900; mentor accepts dates from 1900-01-01 (was the year mistyped?)'],
  ['0050-06-15', false, 'is before 1900; mentor accepts dates from 1900-01-01 (was the year mistyped?)'],
  ['0000-01-01', false, 'is before 1900; mentor accepts dates from 1900-01-01 (was the year mistyped?)'],
  ['0050-02-30', false, 'is not a real calendar date written YYYY-MM-DD'],
  ['2011-02-29', false, 'is not a real calendar date written YYYY-MM-DD'],
])('%s', (value, valid, why) => {
  expect(isIsoDate(value)).toBe(valid);
  expect(IsoDate.safeParse(value).success).toBe(valid);
  if (why) expect(whyNotADate(value)).toBe(why);
});

test('the schema says why, once', () => {
  expect(IsoDate.safeParse('0050-06-15').error?.issues.map((i) => i.message)).toEqual(['"0050-06-15" is before 1900; mentor accepts dates from 1900-01-01 (was the year mistyped?)']);
  expect(IsoDate.safeParse('0050-02-30').error?.issues).toHaveLength(1);
});
