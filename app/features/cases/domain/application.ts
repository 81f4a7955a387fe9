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
  'conditionsNotAllowed',
  'evaluationDateRequired',
  'evaluationDateInvalid',
  'evaluationDateNotFuture',
  'evaluationDateNotAllowed',
  'onlyWhenApproved',
  'phraseUnknown',
  'drugRequired',
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` sends). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A decision as the decision maker gives it. `today` (YYYY-MM-DD, Norwegian time) decides what
 * counts as a future evaluation date. Rules: conditions only, and always, when approved with
 * conditions; an evaluation date is required then, optional when approved, not given when
 * rejected, and always in the future; reseptmerknad and invoicing only for approvals.
 */
export const decisionSchema = (today: string) =>
  z
    .object({
      outcome: z.enum(DECISION_OUTCOMES, { error: 'outcomeRequired' }),
      reason: required(LIMITS.long, 'reasonRequired'),
      conditions: text(LIMITS.long),
      evaluationDate: z.string().trim(),
      prescriptionNote: text(LIMITS.long),
      invoicing: text(LIMITS.long),
    })
    .superRefine((value, ctx) => {
      const issue = (path: string, message: ValidationError) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      const withConditions = value.outcome === 'approvedWithConditions';
      if (withConditions && value.conditions === '') issue('conditions', 'conditionsRequired');
      if (!withConditions && value.conditions !== '') issue('conditions', 'conditionsNotAllowed');
      const date = value.evaluationDate;
      if (value.outcome === 'rejected') {
        if (date !== '') issue('evaluationDate', 'evaluationDateNotAllowed');
        if (value.prescriptionNote !== '') issue('prescriptionNote', 'onlyWhenApproved');
        if (value.invoicing !== '') issue('invoicing', 'onlyWhenApproved');
      } else if (date === '') {
        if (withConditions) issue('evaluationDate', 'evaluationDateRequired');
      } else if (!isIsoDate(date)) {
        issue('evaluationDate', 'evaluationDateInvalid');
      } else if (date <= today) {
        issue('evaluationDate', 'evaluationDateNotFuture');
      }
    });
export type DecisionInput = z.infer<ReturnType<typeof decisionSchema>>;

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
