/** Cohort signal defaults: this many similar single-patient applications within this window. */
export const COHORT_DEFAULTS = { threshold: 3, windowDays: 90 } as const;
export const COHORT_LIMITS = { threshold: { min: 2, max: 100 }, windowDays: { min: 7, max: 730 } };

export interface CohortSettings {
  threshold: number;
  windowDays: number;
}

export interface CohortApplication {
  caseId: string;
  caseNumber: string;
  patientScope: string | null;
  scheme: string | null;
  drugLabel: string | null;
  festProductId: string | null;
  atcCode: string | null;
  substance: string | null;
  primaryDiagnosis: string | null;
  submittedAt: Date;
}

export interface Cohort {
  /** The drug (ATC code, else substance) and the main indication shared by the applications. */
  atcCode: string | null;
  substance: string | null;
  drugLabel: string | null;
  festProductId: string | null;
  scheme: string | null;
  diagnosis: string;
  /** Oldest first. */
  applications: CohortApplication[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const drugKey = (a: CohortApplication) =>
  a.atcCode
    ? `atc:${a.atcCode.toUpperCase()}`
    : a.substance
      ? `sub:${a.substance.trim().toLowerCase()}`
      : null;

/**
 * Groups of similar single-patient applications of one trust: the same drug (ATC code, or
 * substance without one) and the same main indication, submitted within the window ending now
 * (inclusive), at least `threshold` of them. Group applications never count.
 */
export function detectCohorts(
  applications: readonly CohortApplication[],
  settings: CohortSettings,
  now: Date,
): Cohort[] {
  const since = now.getTime() - settings.windowDays * DAY_MS;
  const groups = new Map<string, CohortApplication[]>();
  for (const a of applications) {
    const t = a.submittedAt.getTime();
    const drug = drugKey(a);
    if (a.patientScope !== 'single' || t < since || t > now.getTime()) continue;
    if (drug === null || !a.primaryDiagnosis) continue;
    const key = `${drug}|${a.primaryDiagnosis}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()]
    .filter((list) => list.length >= settings.threshold)
    .map((list) => {
      const sorted = [...list].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
      const latest = sorted.at(-1) ?? sorted[0];
      return {
        atcCode: latest?.atcCode ?? null,
        substance: latest?.substance ?? null,
        drugLabel: latest?.drugLabel ?? null,
        festProductId: latest?.festProductId ?? null,
        scheme: latest?.scheme ?? null,
        diagnosis: latest?.primaryDiagnosis ?? '',
        applications: sorted,
      };
    })
    .sort(
      (a, b) =>
        b.applications.length - a.applications.length || cohortKey(a).localeCompare(cohortKey(b)),
    );
}

/** A cohort's drug and indication, which tell it from every other cohort of the trust. */
export const cohortKey = (c: Cohort) => `${c.atcCode ?? c.substance ?? ''}|${c.diagnosis}`;

/** How many cohorts the home page shows at a time, largest first. */
export const COHORTS_PER_PAGE = 5;

/** The page number in `?kohorter=` (2, 3, …) as an index from 0; anything else is the first. */
export function parseCohortPage(value: string | null): number {
  const page = value !== null && /^[1-9]\d{0,3}$/.test(value) ? Number(value) : 1;
  return page - 1;
}

/** One page of the cohorts (they come largest first), with how many there are in all. */
export function cohortPage<C>(cohorts: readonly C[], page: number) {
  const start = page * COHORTS_PER_PAGE;
  return {
    cohorts: cohorts.slice(start, start + COHORTS_PER_PAGE),
    total: cohorts.length,
    first: start,
    more: start + COHORTS_PER_PAGE < cohorts.length,
  };
}

/** How many of a cohort's applications are linked; the others are only counted. */
export const COHORT_LINKS = 10;

/**
 * A cohort as shown: its size, and links to its newest `limit` applications (oldest first). At
 * ten times national volume one cohort holds well over a hundred applications in the window.
 */
export function shownCohort<C extends Cohort>(
  cohort: C,
  limit = COHORT_LINKS,
): C & { count: number } {
  return {
    ...cohort,
    count: cohort.applications.length,
    applications: cohort.applications.slice(-limit),
  };
}

export type CohortSettingsError = 'thresholdRange' | 'windowRange';

/** The administrator's form: whole numbers within the limits. */
export function parseCohortSettings(values: {
  threshold: string;
  windowDays: string;
}):
  | { ok: true; settings: CohortSettings }
  | { ok: false; errors: Partial<Record<'threshold' | 'windowDays', CohortSettingsError>> } {
  const whole = (s: string) => (/^\s*\d{1,4}\s*$/.test(s) ? Number(s) : NaN);
  const threshold = whole(values.threshold);
  const windowDays = whole(values.windowDays);
  const errors: Partial<Record<'threshold' | 'windowDays', CohortSettingsError>> = {};
  const within = (n: number, l: { min: number; max: number }) => n >= l.min && n <= l.max;
  if (!within(threshold, COHORT_LIMITS.threshold)) errors.threshold = 'thresholdRange';
  if (!within(windowDays, COHORT_LIMITS.windowDays)) errors.windowDays = 'windowRange';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: { threshold, windowDays } };
}
