/**
 * Calendar dates as the portal counts them: YYYY-MM-DD strings in Norwegian time (deadlines,
 * evaluation dates and consultation deadlines are Norwegian days).
 */

/** The calendar date in Norway at a moment. */
export function dateInNorway(at: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(at);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The hour (0–23) on the clock in Norway at a moment. */
export function hourInNorway(at: Date): number {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return Number(hour);
}
