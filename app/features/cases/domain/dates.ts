/**
 * Calendar dates as the portal counts them: YYYY-MM-DD strings in Norwegian time (deadlines,
 * evaluation dates and consultation deadlines are Norwegian days).
 */

// Built once: building an Intl formatter costs far more than formatting (tables of dates).
// en-CA formats as YYYY-MM-DD.
const norwegianDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
const norwegianHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date in Norway at a moment. */
export function dateInNorway(at: Date): string {
  return norwegianDay.format(at);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The hour (0–23) on the clock in Norway at a moment. */
export function hourInNorway(at: Date): number {
  return Number(norwegianHour.format(at));
}
