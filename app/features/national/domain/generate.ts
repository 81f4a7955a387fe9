import type { DecisionOutcome, PatientScope, Scheme } from '../../cases/domain/application';

/**
 * Deterministic, realistic decided cases for demo data, tests and benchmarks of the national
 * overview and statistics: the same seed always gives the same cases.
 */

/** mulberry32: a small, fast, seedable PRNG (public domain). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drugs often applied for outside the ordinary schemes, with their ATC code and substance. */
export const GENERATED_DRUGS = [
  {
    label: 'MabThera 500 mg konsentrat til infusjonsvæske',
    atc: 'L01FA01',
    substance: 'Rituksimab',
  },
  {
    label: 'Keytruda 25 mg/ml konsentrat til infusjonsvæske',
    atc: 'L01FF02',
    substance: 'Pembrolizumab',
  },
  {
    label: 'Opdivo 10 mg/ml konsentrat til infusjonsvæske',
    atc: 'L01FF01',
    substance: 'Nivolumab',
  },
  {
    label: 'Soliris 300 mg konsentrat til infusjonsvæske',
    atc: 'L04AJ01',
    substance: 'Ekulizumab',
  },
  { label: 'Spinraza 12 mg injeksjonsvæske', atc: 'M09AX07', substance: 'Nusinersen' },
  { label: 'Imbruvica 140 mg tabletter', atc: 'L01EL01', substance: 'Ibrutinib' },
  { label: 'Humira 40 mg injeksjonsvæske', atc: 'L04AB04', substance: 'Adalimumab' },
  {
    label: 'Ocrevus 300 mg konsentrat til infusjonsvæske',
    atc: 'L04AG08',
    substance: 'Okrelizumab',
  },
  { label: 'Dupixent 300 mg injeksjonsvæske', atc: 'D11AH05', substance: 'Dupilumab' },
  {
    label: 'Kaftrio 75/50/100 mg tabletter',
    atc: 'R07AX32',
    substance: 'Ivakaftor + tezakaftor + eleksakaftor',
  },
  { label: 'Metotreksat 2,5 mg tabletter', atc: 'L04AX03', substance: 'Metotreksat' },
  { label: 'Tocilizumab 20 mg/ml konsentrat', atc: 'L04AC07', substance: 'Tocilizumab' },
] as const;

/** Main indications (ICD-10), weighted towards the drugs they go with by index. */
export const GENERATED_DIAGNOSES = [
  'ICD10:N04.2',
  'ICD10:C34.9',
  'ICD10:C43.9',
  'ICD10:D59.5',
  'ICD10:G12.1',
  'ICD10:C91.1',
  'ICD10:M06.9',
  'ICD10:G35',
  'ICD10:L20.9',
  'ICD10:E84.0',
  'ICD10:M05.9',
  'ICD10:M31.6',
] as const;

export interface GeneratedCase {
  /** Index into the trusts given to the generator. */
  trust: number;
  scheme: Scheme;
  patientScope: PatientScope;
  /** One of GENERATED_DRUGS, or any drug by label, ATC code and substance. */
  drug: { label: string; atc: string; substance: string };
  diagnosis: string;
  submittedAt: Date;
  /**
   * Days at the leader (submitted), awaiting the director (endorsed), at the committee
   * (underAssessment) and at the director after the committee's recommendation (recommended).
   */
  days: { submitted: number; endorsed: number; underAssessment: number; recommended: number };
  outcome: DecisionOutcome;
  conditions: string | null;
  /** Followed up: treatment continued (true), stopped (false); null when not followed up yet. */
  continued: boolean | null;
}

const SCHEME_WEIGHTS: [Scheme, number][] = [
  ['offLabel', 0.55],
  ['noMarketingAuthorisation', 0.2],
  ['unntaksordningen', 0.15],
  ['tilgangsordningen', 0.1],
];

function weighted<T>(rnd: () => number, items: readonly [T, number][]): T {
  let r = rnd() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new RangeError('No items to choose from');
  return last[0];
}

/** Whole days, skewed (most stages are quick, a few take long): an exponential with this mean. */
const days = (rnd: () => number, mean: number) => Math.round(-Math.log(1 - rnd()) * mean);

const DAY_MS = 24 * 60 * 60 * 1000;

export interface GenerateOptions {
  seed: number;
  count: number;
  trusts: number;
  from: Date;
  to: Date;
}

/** The generated cases sorted by submission time. */
export function generateCases(options: GenerateOptions): GeneratedCase[] {
  return [...generateCaseStream(options)].sort(
    (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime(),
  );
}

/** The generated cases one at a time, in generation order, for volumes that should not be held. */
export function* generateCaseStream(options: GenerateOptions): Generator<GeneratedCase> {
  const rnd = random(options.seed);
  const directorShare = random(options.seed ^ 0x5bd1e995);
  const span = options.to.getTime() - options.from.getTime();
  // Trusts differ in size and in practice: some approve more, some take longer.
  const size = Array.from({ length: options.trusts }, () => 0.3 + rnd() * 2);
  const strictness = Array.from({ length: options.trusts }, () => rnd() * 0.35);
  const pace = Array.from({ length: options.trusts }, () => 0.6 + rnd() * 1.2);
  const trustWeights = size.map((w, i): [number, number] => [i, w]);
  for (let n = 0; n < options.count; n += 1) {
    const trust = weighted(rnd, trustWeights);
    const drugIndex = Math.floor(rnd() * GENERATED_DRUGS.length);
    const drug = GENERATED_DRUGS[drugIndex] ?? GENERATED_DRUGS[0];
    const diagnosis =
      rnd() < 0.8
        ? (GENERATED_DIAGNOSES[drugIndex] ?? GENERATED_DIAGNOSES[0])
        : (GENERATED_DIAGNOSES[Math.floor(rnd() * GENERATED_DIAGNOSES.length)] ??
          GENERATED_DIAGNOSES[0]);
    const p = rnd();
    const reject = 0.15 + (strictness[trust] ?? 0);
    const outcome: DecisionOutcome =
      p < reject ? 'rejected' : p < reject + 0.35 ? 'approvedWithConditions' : 'approved';
    const speed = pace[trust] ?? 1;
    const submittedAt = new Date(options.from.getTime() + Math.floor(rnd() * span));
    // Drawn in this order (submitted, endorsed, assessment) as before the assessment was split:
    // it ends with the committee's recommendation, and the medical director then decides. The
    // director's share comes from a stream of its own, so every other generated value (and the
    // decision time) is what it was before the committee and the director were separate stages.
    const submitted = days(rnd, 4 * speed);
    const endorsed = days(rnd, 3 * speed);
    const assessment = days(rnd, 12 * speed);
    const recommended = Math.round(assessment * (0.15 + directorShare() * 0.35));
    const stageDays = {
      submitted,
      endorsed,
      underAssessment: assessment - recommended,
      recommended,
    };
    const decidedAt = submittedAt.getTime() + (submitted + endorsed + assessment) * DAY_MS;
    const followedUp = outcome !== 'rejected' && decidedAt + 180 * DAY_MS < options.to.getTime();
    yield {
      trust,
      scheme: weighted(rnd, SCHEME_WEIGHTS),
      patientScope: rnd() < 0.9 ? 'single' : 'group',
      drug,
      diagnosis,
      submittedAt,
      days: stageDays,
      outcome,
      conditions:
        outcome === 'approvedWithConditions'
          ? 'Effekten evalueres etter seks måneder; behandlingen avsluttes ved manglende respons.'
          : null,
      continued: followedUp ? rnd() < 0.7 : null,
    };
  }
}
