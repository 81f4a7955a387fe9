/** National views never show a count under this: it could point at a patient (BRIEF §7). */
export const SUPPRESS_UNDER = 5;

/** The count when it may be shown; null when it must be shown as «under 5». */
export const shownCount = (n: number): number | null => (n < SUPPRESS_UNDER ? null : n);
