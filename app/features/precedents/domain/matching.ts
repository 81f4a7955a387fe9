/**
 * How an earlier decision matches the drug and indication being applied for or decided: the
 * drug by exact ATC code or the same active substance (level 0), else the same ATC level-4
 * group (first five characters, level 1); the main indication by the exact ICD-10 code (level
 * 0), else the same three-character category (level 1). Anything else is no precedent.
 */

export interface PrecedentTarget {
  atc: string | null;
  substance: string | null;
  /** Main indication in the `ICD10:C50.9` form. */
  diagnosis: string;
}

export interface PrecedentCandidate {
  atcCode: string | null;
  substance: string | null;
  primaryDiagnosis: string | null;
  decidedAt: Date;
}

export interface MatchLevel {
  drug: 0 | 1;
  indication: 0 | 1;
}

/** The ATC level-4 group (chemical subgroup), e.g. L01FA for L01FA01; null when too short. */
export const atcGroup = (atc: string): string | null =>
  atc.length >= 5 ? atc.slice(0, 5).toUpperCase() : null;

/** The three-character ICD-10 category of a compact code: ICD10:C50.9 → ICD10:C50. */
export const diagnosisCategory = (code: string): string => code.split('.')[0] ?? code;

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

export function drugLevel(target: PrecedentTarget, c: PrecedentCandidate): 0 | 1 | null {
  const atc = (target.atc ?? '').toUpperCase();
  const theirs = (c.atcCode ?? '').toUpperCase();
  if (atc !== '' && atc === theirs) return 0;
  if (norm(target.substance) !== '' && norm(target.substance) === norm(c.substance)) return 0;
  const group = atcGroup(atc);
  if (group !== null && atcGroup(theirs) === group) return 1;
  return null;
}

export function indicationLevel(target: PrecedentTarget, c: PrecedentCandidate): 0 | 1 | null {
  const theirs = c.primaryDiagnosis ?? '';
  if (theirs === '') return null;
  if (theirs === target.diagnosis) return 0;
  if (diagnosisCategory(theirs) === diagnosisCategory(target.diagnosis)) return 1;
  return null;
}

/** How well a candidate matches, or null when it is no precedent. */
export function matchLevel(target: PrecedentTarget, c: PrecedentCandidate): MatchLevel | null {
  const drug = drugLevel(target, c);
  const indication = indicationLevel(target, c);
  return drug === null || indication === null ? null : { drug, indication };
}

/**
 * The precedents, most relevant first (exact drug before the ATC group, then the exact
 * indication before its category), then the most recently decided; ties by løpenummer-free
 * stable order of the input.
 */
export function rankPrecedents<C extends PrecedentCandidate>(
  target: PrecedentTarget,
  candidates: readonly C[],
): (C & { match: MatchLevel })[] {
  const matched = candidates.flatMap((c) => {
    const match = matchLevel(target, c);
    return match ? [{ ...c, match }] : [];
  });
  return matched.sort(
    (a, b) =>
      a.match.drug - b.match.drug ||
      a.match.indication - b.match.indication ||
      b.decidedAt.getTime() - a.decidedAt.getTime(),
  );
}

/** The most precedents shown; the total count is shown beside them. */
export const PRECEDENT_LIMIT = 10;
