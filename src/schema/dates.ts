// Dates people send us: ISO dates and date-times on a real calendar day, in years the
// election calendar can reason about (1900 to 2200). Outside that range a date is a
// mistake, and the date arithmetic downstream would misbehave (issue 9: a year below
// 1000 threw, a year above 9999 printed as "+010000-05").

import * as z from 'zod';

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;
const RANGE = `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`;

/** Whether an ISO date or date-time (or a YYYY-MM-DD day) is in the years we accept. */
export const yearInRange = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return /^\d{4}-/u.test(value) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** YYYY-MM-DD on a real calendar day (zod checks month lengths and leap years). */
export const isoDate = z.iso.date({ error: 'must be a date, YYYY-MM-DD' })
  .refine(yearInRange, { message: `must be a date in ${RANGE}` });

/** A date or a date-time with or without an offset, in range, that JavaScript can read. */
export const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: 'must be an ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)',
}).refine((v) => yearInRange(v) && (v.length === 10 || !Number.isNaN(new Date(v).getTime())), {
  message: `must be an ISO date or date-time in ${RANGE}`,
});
