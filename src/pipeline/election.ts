// The election calendar: which polling day a post is judged against, and whether it
// falls in the pre-election period. Without a date from the request (or, later, the
// council profile) we estimate the scheduled English local elections: the first
// Thursday in May, with the period starting on the 25th working day before polling
// day (weekends and England & Wales bank holidays excluded). Pure date arithmetic in UTC.

import { memoize } from './memo.ts';
import type { ElectionInfo } from './types.ts';

const DAY = 86_400_000;

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const parseDate = (s: string): Date => new Date(`${s.slice(0, 10)}T00:00:00Z`);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** Easter Sunday (Anonymous Gregorian algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  const first = utc(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return utc(year, month, 1 + offset + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): Date {
  const last = new Date(Date.UTC(year, month, 0));
  return new Date(last.getTime() - ((last.getUTCDay() - weekday + 7) % 7) * DAY);
}

/** Substitute day for a fixed-date holiday that falls at a weekend. */
function substitute(d: Date, taken: Set<string>): string {
  let x = d;
  while (x.getUTCDay() === 0 || x.getUTCDay() === 6 || taken.has(isoDate(x))) x = new Date(x.getTime() + DAY);
  return isoDate(x);
}

/** England and Wales bank holidays of a year (the regular pattern; one-off days not included). */
export function bankHolidays(year: number): Set<string> {
  const out = new Set<string>();
  out.add(substitute(utc(year, 1, 1), out));
  const easter = easterSunday(year);
  out.add(isoDate(new Date(easter.getTime() - 2 * DAY)));
  out.add(isoDate(new Date(easter.getTime() + DAY)));
  out.add(isoDate(nthWeekday(year, 5, 1, 1)));
  out.add(isoDate(lastWeekday(year, 5, 1)));
  out.add(isoDate(lastWeekday(year, 8, 1)));
  out.add(substitute(utc(year, 12, 25), out));
  out.add(substitute(utc(year, 12, 26), out));
  return out;
}

/** The 25th working day before polling day (memoised: a handful of polling days are ever asked for). */
export const periodStartFor = memoize(computePeriodStart, 1000);

function computePeriodStart(pollingDay: string): string {
  const polling = parseDate(pollingDay);
  const holidays = new Set([...bankHolidays(polling.getUTCFullYear()), ...bankHolidays(polling.getUTCFullYear() - 1)]);
  let d = polling;
  let count = 0;
  while (count < 25) {
    d = new Date(d.getTime() - DAY);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !holidays.has(isoDate(d))) count++;
  }
  return isoDate(d);
}

/** The next scheduled English local polling day on or after `on`: first Thursday in May. */
export function estimatedPollingDay(on: string): string {
  const year = parseDate(on).getUTCFullYear();
  const thisYear = isoDate(nthWeekday(year, 5, 4, 1));
  return on <= thisYear ? thisYear : isoDate(nthWeekday(year + 1, 5, 4, 1));
}

export interface ElectionRequest { readonly pollingDay: string; readonly periodStart?: string | undefined }

/** A council's calendar, as in its profile. */
export interface ElectionCalendar {
  readonly scheduled: ReadonlyArray<{ readonly year: number; readonly type: string; readonly pollingDay?: string | undefined; readonly periodStart?: string | undefined }>;
  readonly byElections: ReadonlyArray<{ readonly pollingDay: string; readonly periodStart?: string | undefined }>;
}

const info = (postedOn: string, pollingDay: string, periodStart: string | undefined, source: ElectionInfo['source']): ElectionInfo => {
  const start = periodStart ?? periodStartFor(pollingDay);
  return { pollingDay, periodStart: start, inPeriod: postedOn >= start && postedOn <= pollingDay, source };
};

/**
 * Resolve the election a post is judged against: the request's, else a by-election or
 * scheduled election from the council's calendar (skipping years it marks "none"), else
 * the estimate for the scheduled May local elections of a year the calendar does not list.
 */
export function resolveElection(postedOn: string, requested?: ElectionRequest, calendar?: ElectionCalendar): ElectionInfo {
  if (requested) return info(postedOn, requested.pollingDay.slice(0, 10), requested.periodStart?.slice(0, 10), 'request');
  const byElection = calendar?.byElections.find((b) => postedOn <= b.pollingDay && postedOn >= (b.periodStart ?? periodStartFor(b.pollingDay)));
  if (byElection) return info(postedOn, byElection.pollingDay, byElection.periodStart, 'profile');
  const firstYear = parseDate(postedOn).getUTCFullYear();
  for (let year = firstYear; year <= firstYear + 8; year++) {
    const listed = calendar?.scheduled.find((s) => s.year === year);
    if (listed?.type === 'none') continue;
    const pollingDay = listed?.pollingDay ?? isoDate(nthWeekday(year, 5, 4, 1));
    if (pollingDay < postedOn) continue;
    return info(postedOn, pollingDay, listed?.periodStart, listed ? 'profile' : 'estimated');
  }
  return info(postedOn, estimatedPollingDay(postedOn), undefined, 'estimated');
}

/** Whole days from `on` to the polling day (negative once it has passed). */
export function daysUntil(on: string, pollingDay: string): number {
  return Math.round((parseDate(pollingDay).getTime() - parseDate(on).getTime()) / DAY);
}
