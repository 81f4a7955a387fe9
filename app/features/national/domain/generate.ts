import type { CaseRole } from '../../auth/domain/roles';
import {
  scopeAllowed,
  type DecisionOutcome,
  type PatientScope,
  type Scheme,
} from '../../cases/domain/application';
import { COMMITTEE_SCHEMES, type CaseEvent, type Status } from '../../cases/domain/workflow';

/**
 * Deterministic, realistic decided cases for demo data, tests and benchmarks of the national
 * overview and statistics: the same seed always gives the same cases. Their audit trail
 * (`generatedTrail`) is one the workflow table allows, Tilgangsordningen's through the
 * interregional committee.
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
   * (underAssessment), at the director after the committee's recommendation (recommended) and,
   * for Tilgangsordningen only (0 otherwise), at the interregional committee after the director
   * forwarded the case (atInterregionalCommittee).
   */
  days: {
    submitted: number;
    endorsed: number;
    underAssessment: number;
    recommended: number;
    atInterregionalCommittee: number;
  };
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
  // The interregional committee's days come from a stream of their own as well.
  const interregional = random(options.seed ^ 0x27d4eb2f);
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
    // So do a Tilgangsordningen case's days at the interregional committee, which come after the
    // director's (its decision is that much later).
    const submitted = days(rnd, 4 * speed);
    const endorsed = days(rnd, 3 * speed);
    const assessment = days(rnd, 12 * speed);
    const recommended = Math.round(assessment * (0.15 + directorShare() * 0.35));
    // Drawn in the order they were drawn in before they were named here.
    const scheme = weighted(rnd, SCHEME_WEIGHTS);
    // A group only where the scheme takes one (still drawn for all, so nothing else moves).
    const drawnScope: PatientScope = rnd() < 0.9 ? 'single' : 'group';
    const patientScope = scopeAllowed(scheme, drawnScope) ? drawnScope : 'single';
    const stageDays = {
      submitted,
      endorsed,
      underAssessment: assessment - recommended,
      recommended,
      atInterregionalCommittee: decidedByCommittee(scheme) ? interregionalDays(interregional) : 0,
    };
    const decidedAt = submittedAt.getTime() + daysToDecision({ days: stageDays }) * DAY_MS;
    const followedUp = outcome !== 'rejected' && decidedAt + 180 * DAY_MS < options.to.getTime();
    yield {
      trust,
      scheme,
      patientScope,
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

/** Whether the interregional committee decides a case of this scheme (Tilgangsordningen). */
export const decidedByCommittee = (scheme: Scheme): boolean => COMMITTEE_SCHEMES.includes(scheme);

/**
 * Days a Tilgangsordningen case waits at the interregional committee: it meets about monthly
 * (clocks.ts gives the stage 30 days), so the wait is until its next meeting (0–30 days) and a
 * few days more for the minutes, mean about three weeks.
 */
const interregionalDays = (rnd: () => number) => 3 + Math.floor(rnd() * 31);

/** Days from submission to the decision: every stage up to it. */
export function daysToDecision(g: Pick<GeneratedCase, 'days'>): number {
  const d = g.days;
  return d.submitted + d.endorsed + d.underAssessment + d.recommended + d.atInterregionalCommittee;
}

/**
 * The moments of a generated case's life, named as the bench's plan columns: when it was created,
 * sent, endorsed, taken into assessment, recommended by the committee, forwarded to the
 * interregional committee (Tilgangsordningen), decided, followed up and closed.
 */
export type GeneratedMoment =
  | 'created'
  | 'submitted'
  | 'endorsed'
  | 'assessed'
  | 'recommended'
  | 'forwarded'
  | 'decided'
  | 'followup'
  | 'closed';

/** One step of a generated audit trail: a row of case_events, with who fires it and when. */
export interface GeneratedStep {
  /** `create` is the draft's first row (from no status); every other step is a workflow event. */
  event: CaseEvent | 'create';
  from: Status | null;
  to: Status;
  role: CaseRole;
  at: GeneratedMoment;
  reason: string | null;
}

/** The committee's recommendation on a generated case (its outcome is the decision's). */
export const GENERATED_RECOMMENDATION = 'Vurdert etter prioriteringskriteriene.';
/** The decision's reason on a generated case: the recommendation it follows. */
export const GENERATED_DECISION_REASON = GENERATED_RECOMMENDATION;
/** The medical director's assessment that forwards a Tilgangsordningen case. */
export const GENERATED_FORWARDING =
  'Klinisk eksepsjonell; prioriteringskriteriene er vurdert. Sendes det interregionale fagdirektørmøtet.';

/**
 * The audit trail every generated case follows, in order, as the workflow table allows it
 * (workflow.ts): submitted, endorsed, the complete assessment with the committee's
 * recommendation, then the medical director's decision, or, for Tilgangsordningen, the director's
 * forwarding to the interregional committee, whose decision the director records from
 * `atInterregionalCommittee`. A case still in progress has a prefix of it; a decided case ends
 * with `decide` unless followed up (`beginFollowUp`, `recordOutcome`).
 */
export function generatedTrail(scheme: Scheme, followedUp: boolean): GeneratedStep[] {
  const committee = decidedByCommittee(scheme);
  const step = (
    event: GeneratedStep['event'],
    from: Status | null,
    to: Status,
    role: CaseRole,
    at: GeneratedMoment,
    reason: string | null = null,
  ): GeneratedStep => ({ event, from, to, role, at, reason });
  return [
    step('create', null, 'draft', 'applicant', 'created'),
    step('submit', 'draft', 'submitted', 'applicant', 'submitted'),
    step('endorse', 'submitted', 'endorsed', 'endorser', 'endorsed', 'Forankret.'),
    step('startAssessment', 'endorsed', 'underAssessment', 'decisionMaker', 'assessed'),
    step(
      'recommend',
      'underAssessment',
      'recommended',
      'assessor',
      'recommended',
      GENERATED_RECOMMENDATION,
    ),
    ...(committee
      ? [
          step(
            'forwardToInterregional',
            'recommended',
            'atInterregionalCommittee',
            'decisionMaker',
            'forwarded',
            GENERATED_FORWARDING,
          ),
          step(
            'decide',
            'atInterregionalCommittee',
            'decided',
            'decisionMaker',
            'decided',
            'Vedtak.',
          ),
        ]
      : [step('decide', 'recommended', 'decided', 'decisionMaker', 'decided', 'Vedtak.')]),
    ...(followedUp
      ? [
          step('beginFollowUp', 'decided', 'followUp', 'decisionMaker', 'followup'),
          step('recordOutcome', 'followUp', 'closed', 'applicant', 'closed', 'Utfall.'),
        ]
      : []),
  ];
}

/**
 * When each moment of a generated case falls (ms since the epoch): its stage days from
 * submission; the follow-up 180 days after the decision, its outcome `closedAfter` days later.
 */
export function generatedMoments(
  g: Pick<GeneratedCase, 'submittedAt' | 'days'>,
  closedAfter = 0,
): Record<GeneratedMoment, number> {
  const at = (from: number, days: number) => from + days * DAY_MS;
  const submitted = g.submittedAt.getTime();
  const endorsed = at(submitted, g.days.submitted);
  const assessed = at(endorsed, g.days.endorsed);
  const recommended = at(assessed, g.days.underAssessment);
  const forwarded = at(recommended, g.days.recommended);
  const decided = at(forwarded, g.days.atInterregionalCommittee);
  const followup = at(decided, 180);
  return {
    created: at(submitted, -1),
    submitted,
    endorsed,
    assessed,
    recommended,
    forwarded,
    decided,
    followup,
    closed: at(followup, closedAfter),
  };
}
