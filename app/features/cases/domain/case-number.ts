/** Løpenummer: `<TRUST CODE>-<YYYY>-<NNNNN>`, e.g. HBE-2026-00042. */
export function formatCaseNumber(trustCode: string, year: number, sequence: number): string {
  if (!/^[A-Z]{3}$/.test(trustCode)) throw new RangeError(`Invalid trust code: ${trustCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999) {
    throw new RangeError(`Case number sequence out of range: ${sequence}`);
  }
  return `${trustCode}-${year}-${String(sequence).padStart(5, '0')}`;
}

export const CASE_NUMBER_PATTERN = /^[A-Z]{3}-\d{4}-\d{5}$/;

/** The calendar year in Norway at the given instant: a case submitted 31 Dec 23:30 UTC is next year's. */
export function norwegianYear(at: Date): number {
  return Number(osloYear.format(at));
}

/** Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it. */
const osloYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Oslo' });
