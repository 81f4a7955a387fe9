import { idnr } from '@navikt/fnrvalidator';
import { z } from 'zod';
import { namesCaseNumber } from '../../decisions/domain/phrases';

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

/**
 * The schemes that apply to one patient at a time (BRIEF §1): Unntaksordningen is an exception for
 * a single patient from a method under national assessment, and Tilgangsordningen turns on the
 * individual patient's clinical exceptionality. Only the other schemes take a patient group.
 */
export const SINGLE_PATIENT_SCHEMES = [
  'unntaksordningen',
  'tilgangsordningen',
] as const satisfies readonly Scheme[];
export type SinglePatientScheme = (typeof SINGLE_PATIENT_SCHEMES)[number];

export const isSinglePatientScheme = (scheme: Scheme): scheme is SinglePatientScheme =>
  (SINGLE_PATIENT_SCHEMES as readonly Scheme[]).includes(scheme);

/** Whether a case under `scheme` may be for `scope`. */
export const scopeAllowed = (scheme: Scheme, scope: PatientScope): boolean =>
  scope === 'single' || !isSinglePatientScheme(scheme);

export const DECISION_OUTCOMES = ['approved', 'approvedWithConditions', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Validation failures, as codes; the message catalogue gives each its Norwegian text. */
export const VALIDATION_ERRORS = [
  'patientIdFormat',
  'patientIdInvalid',
  'patientIdFhInvalid',
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
  'conditionsNotAllowed',
  'evaluationDateRequired',
  'evaluationDateInvalid',
  'evaluationDateNotFuture',
  'evaluationDateNotAllowed',
  'prescriptionNoteRequired',
  'prescriptionNoteCaseNumber',
  'invoicingRequired',
  'phraseUnknown',
  'drugRequired',
  'leaderRequired',
  'alreadyCollaborator',
  'leaderInputRequired',
  'groupNotUnntaksordningen',
  'groupNotTilgangsordningen',
  'nyeMetoderIdFormat',
] as const;
export type ValidationError = (typeof VALIDATION_ERRORS)[number];

export const LIMITS = { short: 200, medium: 1000, long: 10_000 } as const;

/** Removes the spaces and dots people type into national id numbers. */
export function normalisePatientId(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/**
 * The kinds of patient id: fødselsnummer, D-nummer, H-nummer (the hospital's own help number,
 * month + 40), FH-nummer (felles hjelpenummer) and a synthetic Test Norge number (month + 80).
 */
export const PATIENT_ID_KINDS = ['fnr', 'dnr', 'hnr', 'fhn', 'tnr'] as const;
export type PatientIdKind = (typeof PATIENT_ID_KINDS)[number];

/** Weights of the two mod-11 control digits of a fødselsnummer (K1 over 9 digits, K2 over 10). */
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * The mod-11 control digit of `digits` with `weights` (11 − sum mod 11; 11 gives 0), or null when
 * it would be 10: no number with those digits exists.
 */
export function controlDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

/** Whether the last two of 11 digits are the fødselsnummer's mod-11 control digits of the rest. */
export function hasValidControlDigits(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = Array.from(value, Number);
  const k1 = controlDigit(digits.slice(0, 9), K1_WEIGHTS);
  const k2 = k1 === null ? null : controlDigit([...digits.slice(0, 9), k1], K2_WEIGHTS);
  return k1 === digits[9] && k2 === digits[10];
}

/**
 * An FH-nummer (felles hjelpenummer) by its form: 11 digits whose first is 8 or 9, the other
 * nine random (no date). Norsk helsenett: "ellevesifret med to kontrollsiffer, som i ordinære
 * fødselsnummer, men med første siffer 8 eller 9" (https://nhn.no/hva-er-felles-hjelpenummer/;
 * the syntax is in the standard HIS 1001:2010, "Identifikatorer for personer"). A fødselsnummer
 * starts with the day (0–3), a D-nummer with the day + 4 (4–7), so 8 and 9 are FH's alone.
 */
export function looksLikeFhNumber(value: string): boolean {
  return /^[89]\d{10}$/.test(value);
}

/** The kind of a valid patient id, or null when it is not one (wrong length or digits). */
export function patientIdKind(value: string): PatientIdKind | null {
  if (looksLikeFhNumber(value)) return hasValidControlDigits(value) ? 'fhn' : null;
  const result = idnr(value);
  if (result.status !== 'valid') return null;
  return result.type === 'dnr-and-hnr' || result.type === 'dnr-and-tnr' ? 'dnr' : result.type;
}

/** Validates a Norwegian fødselsnummer, D-nummer, H-nummer, FH-nummer or synthetic test number. */
export function checkPatientId(value: string): ValidationError | null {
  if (!/^\d{11}$/.test(value)) return 'patientIdFormat';
  if (patientIdKind(value)) return null;
  return looksLikeFhNumber(value) ? 'patientIdFhInvalid' : 'patientIdInvalid';
}

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
const required = (max: number, error: ValidationError) => text(max).min(1, { error });

export const reasonSchema = z.object({
  reason: required(LIMITS.long, 'reasonRequired'),
});

/** A reason an event takes but does not require (a draft withdrawn, an assessment started). */
export const optionalReasonSchema = z.object({ reason: text(LIMITS.long) });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (what `<input type="date">` sends). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A real calendar date written the Norwegian way (dd.mm.åååå, also d.m.åååå) or YYYY-MM-DD, as
 * YYYY-MM-DD; else null. For dates a person types (a form field, a query string, a spreadsheet).
 */
export function parseCalendarDate(value: string): string | null {
  const text = value.trim();
  const norwegian = NORWEGIAN_DATE.exec(text);
  const iso = norwegian
    ? `${norwegian[3]}-${norwegian[2]?.padStart(2, '0')}-${norwegian[1]?.padStart(2, '0')}`
    : text;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A decision as the decision maker gives it. `today` (YYYY-MM-DD, Norwegian time) decides what
 * counts as a future evaluation date; `caseNumber` is the case's løpenummer. Rules: conditions
 * only, and always, when approved with conditions; an evaluation date is required then, optional
 * when approved, not given when rejected, and always in the future. An approval needs a
 * reseptmerknad that names the løpenummer (after `{løpenummer}` is filled in) and an invoicing
 * routine, so the prescriber, the pharmacy and the invoice all carry the key (BRIEF §3, §4.7); a
 * rejection has neither: whatever was given for them is not kept.
 */
export const decisionSchema = (today: string, caseNumber: string) =>
  z
    .object({
      outcome: z.enum(DECISION_OUTCOMES, { error: 'outcomeRequired' }),
      reason: required(LIMITS.long, 'reasonRequired'),
      conditions: text(LIMITS.long),
      // A date field sends YYYY-MM-DD; typed without a picker, dd.mm.åååå is read too (as ISO).
      evaluationDate: z
        .string()
        .trim()
        .transform((v) => (v === '' ? v : (parseCalendarDate(v) ?? v))),
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
        return;
      }
      if (date === '') {
        if (withConditions) issue('evaluationDate', 'evaluationDateRequired');
      } else if (!isIsoDate(date)) {
        issue('evaluationDate', 'evaluationDateInvalid');
      } else if (date <= today) {
        issue('evaluationDate', 'evaluationDateNotFuture');
      }
      if (value.prescriptionNote === '') {
        issue('prescriptionNote', 'prescriptionNoteRequired');
      } else if (!namesCaseNumber(value.prescriptionNote, caseNumber)) {
        issue('prescriptionNote', 'prescriptionNoteCaseNumber');
      }
      if (value.invoicing === '') issue('invoicing', 'invoicingRequired');
    })
    .transform((value) =>
      value.outcome === 'rejected' ? { ...value, prescriptionNote: '', invoicing: '' } : value,
    );
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
