/** Cohort signal defaults: this many similar single-patient applications within this window. */
export const COHORT_DEFAULTS = { threshold: 3, windowDays: 90 } as const;
export const COHORT_LIMITS = { threshold: { min: 2, max: 100 }, windowDays: { min: 7, max: 730 } };

export interface CohortSettings {
  threshold: number;
  windowDays: number;
}

/** How many of a cohort's applications are linked; the others are only counted. */
export const COHORT_LINKS = 10;

/** One application of a cohort, as linked from the signal. */
export interface CohortApplication {
  caseId: string;
  caseNumber: string;
}

/** An application of a cohort as read: with the drug and scheme it applied for. */
export interface CohortRow extends CohortApplication {
  scheme: string | null;
  drugLabel: string | null;
  festProductId: string | null;
  atcCode: string | null;
  substance: string | null;
}

/**
 * The trust's single-patient applications within the window, counted per stored drug and main
 * indication (the database groups them; the spelling of a drug may vary between applications).
 */
export interface CohortGroup {
  atcCode: string | null;
  substance: string | null;
  primaryDiagnosis: string | null;
  count: number;
  /** Whether the case whose page is shown is one of them. */
  hasCase: boolean;
}

/**
 * The stored values that make up a cohort's drug: its ATC codes, or, for applications without an
 * ATC code, its substances.
 */
export type CohortDrug = { by: 'atc'; values: string[] } | { by: 'substance'; values: string[] };

/** A cohort found from the groups, before its applications are read. */
export interface CohortCandidate {
  /** The drug and indication, which tell a cohort from every other cohort of the trust. */
  key: string;
  drug: CohortDrug;
  diagnosis: string;
  count: number;
  hasCase: boolean;
}

export interface Cohort {
  key: string;
  /** The drug and scheme as on the newest application. */
  atcCode: string | null;
  substance: string | null;
  drugLabel: string | null;
  festProductId: string | null;
  scheme: string | null;
  diagnosis: string;
  /** How many applications the cohort holds in the window. */
  count: number;
  /** Its newest applications (at most `COHORT_LINKS`), oldest first. */
  applications: CohortApplication[];
}

/** The drug by ATC code (any case), else by substance (any case, trimmed); none without either. */
const drugOf = (g: CohortGroup): { by: CohortDrug['by']; key: string; value: string } | null =>
  g.atcCode
    ? { by: 'atc', key: `atc:${g.atcCode.toUpperCase()}`, value: g.atcCode }
    : g.substance
      ? { by: 'substance', key: `sub:${g.substance.trim().toLowerCase()}`, value: g.substance }
      : null;

/**
 * Groups of similar single-patient applications of one trust within the window: the same drug
 * (ATC code, or substance without one) and the same main indication, at least `threshold` of
 * them; largest first, ties by drug and indication. The window and the single-patient scope are
 * the groups' query (precedents.server.ts); group applications never count.
 */
export function formCohorts(groups: readonly CohortGroup[], threshold: number): CohortCandidate[] {
  const cohorts = new Map<string, CohortCandidate>();
  for (const g of groups) {
    const drug = drugOf(g);
    if (drug === null || !g.primaryDiagnosis) continue;
    const key = `${drug.key}|${g.primaryDiagnosis}`;
    const cohort = cohorts.get(key) ?? {
      key,
      drug: { by: drug.by, values: [] },
      diagnosis: g.primaryDiagnosis,
      count: 0,
      hasCase: false,
    };
    if (!cohort.drug.values.includes(drug.value)) cohort.drug.values.push(drug.value);
    cohort.count += g.count;
    cohort.hasCase ||= g.hasCase;
    cohorts.set(key, cohort);
  }
  return [...cohorts.values()]
    .filter((c) => c.count >= threshold)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** A cohort with its newest applications (newest first, as read): the drug as on the newest. */
export function cohortOf(candidate: CohortCandidate, newestFirst: readonly CohortRow[]): Cohort {
  const newest = newestFirst[0];
  return {
    key: candidate.key,
    atcCode: newest?.atcCode ?? null,
    substance: newest?.substance ?? null,
    drugLabel: newest?.drugLabel ?? null,
    festProductId: newest?.festProductId ?? null,
    scheme: newest?.scheme ?? null,
    diagnosis: candidate.diagnosis,
    count: candidate.count,
    applications: newestFirst
      .slice(0, COHORT_LINKS)
      .reverse()
      .map(({ caseId, caseNumber }) => ({ caseId, caseNumber })),
  };
}

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
