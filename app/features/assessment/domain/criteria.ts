import { z } from 'zod';
import { LIMITS } from '../../cases/domain/application';
import type { Status } from '../../cases/domain/workflow';

/**
 * The priority criteria (prioriteringsforskriften §2, Meld. St. 34 (2015–2016)): benefit,
 * resource use and severity. The leader's endorsement and the assessment worksheet both rate a
 * case on each, as a level on a scale plus free text.
 */
export const CRITERIA = ['severity', 'benefit', 'resourceUse'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** A four-step scale: 1 low … 4 very high. */
export const LEVELS = [1, 2, 3, 4] as const;

/** Form field names, e.g. `severity.level` and `severity.text`. */
export const criterionFields = (c: Criterion) => ({ level: `${c}.level`, text: `${c}.text` });
export const CRITERIA_FIELDS: readonly string[] = CRITERIA.flatMap((c) =>
  Object.values(criterionFields(c)),
);

export type CriteriaRatings = z.infer<typeof ratingsSchema>;

const level = z.coerce
  .number({ error: 'levelRequired' })
  .int({ error: 'levelRequired' })
  .min(1, { error: 'levelRequired' })
  .max(4, { error: 'levelRequired' });
const ratingText = z
  .string()
  .trim()
  .min(1, { error: 'ratingTextRequired' })
  .max(LIMITS.medium, { error: 'tooLong' });

const rating = z.object({
  level: z.preprocess((v) => (v === '' ? undefined : v), level),
  text: ratingText,
});

/** One level and one text per criterion. */
export const ratingsSchema = z.object({
  severity: rating,
  benefit: rating,
  resourceUse: rating,
});

/** The raw form values (`severity.level`, `severity.text`, …) shaped for ratingsSchema. */
export function ratingsInput(values: Readonly<Record<string, string>>) {
  return Object.fromEntries(
    CRITERIA.map((c) => {
      const f = criterionFields(c);
      return [c, { level: values[f.level] ?? '', text: values[f.text] ?? '' }];
    }),
  );
}

/** The leader's verdict on a submitted application: each maps to one workflow event. */
export const ENDORSEMENT_VERDICTS = ['endorse', 'returnToApplicant', 'notEndorse'] as const;
export type EndorsementVerdict = (typeof ENDORSEMENT_VERDICTS)[number];

/** Endorsing or not endorsing needs the structured assessment; returning with a question does not. */
export function verdictNeedsRatings(verdict: EndorsementVerdict): boolean {
  return verdict !== 'returnToApplicant';
}

/** The committee's recommendation (innstilling) to the decision maker. */
export const RECOMMENDATIONS = ['approved', 'approvedWithConditions', 'rejected'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * Statuses in which the committee and the medical director work on a case: comments, worksheets,
 * preparation notes, committee members (until the decision: the director's notes are still being
 * written once the committee has recommended).
 */
export const ASSESSMENT_STATUSES: readonly Status[] = [
  'endorsed',
  'underAssessment',
  'recommended',
  'awaitingInformation',
  'inConsultation',
];
