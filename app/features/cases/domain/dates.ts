/**
 * Calendar dates as the portal counts them: YYYY-MM-DD strings in Norwegian time (deadlines,
 * evaluation dates and consultation deadlines are Norwegian days), and written for people as
 * dd.mm.åååå (`norwegianDate`, `norwegianDateOf`).
 */

// Built once: building an Intl formatter costs far more than formatting (tables of dates).
// en-CA formats as YYYY-MM-DD.
const norwegianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
const norwegianHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
/**
 * The Norwegian date of each UTC hour formatted so far. Norway's offset from UTC is a whole number
 * of hours and changes on the hour, so the date is the same for every moment of a UTC hour; a
 * lookup costs a fraction of formatting (a page of 50 cases formats about 100 dates).
 */
const dayOfHour = new Map<number, string>();

/** The calendar date in Norway at a moment. */
export function dateInNorway(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = norwegianDay.format(at);
    // Bounded: about a year of distinct hours, then start over.
    if (dayOfHour.size >= 10_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}

/** 2027-03-01 → 01.03.2027 (the Norwegian way of writing a date). */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day ?? ''}.${month ?? ''}.${year ?? ''}`;
}

/** A moment as its calendar day in Norway, written dd.mm.åååå (what tables of cases and the letter show). */
export function norwegianDateOf(at: Date | string): string {
  return norwegianDate(dateInNorway(new Date(at)));
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The moment a calendar day begins in Norway: 22:00 or 23:00 UTC the day before (summer or winter
 * time; Norway changes its clocks at 01:00 UTC, never at midnight).
 */
export function startOfNorwegianDay(date: string): Date {
  const summer = new Date(`${addDays(date, -1)}T22:00:00Z`);
  return dateInNorway(summer) === date ? summer : new Date(`${addDays(date, -1)}T23:00:00Z`);
}

/** The hour (0–23) on the clock in Norway at a moment. */
export function hourInNorway(at: Date): number {
  return Number(norwegianHour.format(at));
}
