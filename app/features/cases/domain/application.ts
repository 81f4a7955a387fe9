import { idnr } from '@navikt/fnrvalidator';
import { z } from 'zod';

/** The schemes a case can be decided under (BRIEF §1). */
export const SCHEMES = [
  'offLabel',
  'noMarketingAuthorisation',
  'unntaksordningen',
  'tilgangsordningen',
] as const;
export type Scheme = (typeof SCHEMES)[number];

export const PATIENT_SCOPES = ['single', 'group'] as const;
export type PatientScope = (typeof PATIENT_SCOPES)[number];

export const DECISION_OUTCOMES = ['approved', 'approvedWithConditions', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Validation failures, as codes; the message catalogue gives each its Norwegian text. */
export const VALIDATION_ERRORS = [
  'patientIdFormat',
  'patientIdInvalid',
  'tooLong',
  'reasonRequired',
  'outcomeRequired',
  'conditionsRequired',
  'invalidValue',
  'answerRequired',
  'numberInvalid',
  'diagnosisFormat',
  'levelRequired',
  'ratingTextRequired',
  'verdictRequired',
  'commentRequired',
  'recommendationRequired',
  'assessorRequired',
  'recommendationMissing',
] as const;
export type ValidationError = (typeof VALIDATION_ERRORS)[number];

export const LIMITS = { short: 200, medium: 1000, long: 10_000 } as const;

/** Removes the spaces and dots people type into national id numbers. */
export function normalisePatientId(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/** Validates a Norwegian fødselsnummer, D-nummer, H-nummer or synthetic test number. */
export function checkPatientId(value: string): ValidationError | null {
  if (!/^\d{11}$/.test(value)) return 'patientIdFormat';
  return idnr(value).status === 'valid' ? null : 'patientIdInvalid';
}

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
const required = (max: number, error: ValidationError) => text(max).min(1, { error });

export const reasonSchema = z.object({
  reason: required(LIMITS.long, 'reasonRequired'),
});

export const decisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { error: 'outcomeRequired' }),
    reason: required(LIMITS.long, 'reasonRequired'),
    conditions: text(LIMITS.long),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'approvedWithConditions' && value.conditions === '') {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'conditionsRequired' });
    }
  });
export type DecisionInput = z.infer<typeof decisionSchema>;

export type FieldErrors = Partial<Record<string, ValidationError>>;

/** Flattens a zod failure to one error code per field (the first one); nested paths join with dots. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    const code = (VALIDATION_ERRORS as readonly string[]).includes(issue.message)
      ? (issue.message as ValidationError)
      : 'invalidValue';
    out[field] ??= code;
  }
  return out;
}
