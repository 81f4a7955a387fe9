import { looksLikeFhNumber } from '../../cases/domain/application';

/**
 * How much of a patient id a masked view keeps: the date part (the treating trust's colleagues
 * tell cases apart by it), or none of it (a consulted trust, which may not know who the patient
 * is: the date of birth narrows that down; BRIEF §7, ADR 0021).
 */
export type Masking = 'keepDate' | 'whole';

const WHOLLY_MASKED = '****** *****';

/**
 * Patient identifiers are masked wherever a case is shown (ADR 0012): by default the date part
 * stays so that colleagues can tell cases apart, the personal number is hidden until someone asks
 * (and is logged). An FH-nummer has no date part (its digits are random), so all of it is hidden,
 * as is every id under `whole` masking. Idempotent: masking a masked id never reveals more.
 */
export function maskPatientId(id: string, masking: Masking = 'keepDate'): string {
  if (id === '') return id;
  if (masking === 'whole') return WHOLLY_MASKED;
  // Already masked (a consulted trust gets masked answers from getCase): masking again keeps it.
  if (id.includes('*')) return id;
  const digits = id.replace(/\D/g, '');
  if (looksLikeFhNumber(digits)) return WHOLLY_MASKED;
  return digits.length <= 6 ? '*'.repeat(digits.length) : `${digits.slice(0, 6)} *****`;
}

/** The answers with the patient id (if any) masked. */
export function maskedAnswers<T extends Record<string, unknown>>(
  answers: T,
  masking: Masking = 'keepDate',
): T {
  const id = answers.patientId;
  return typeof id === 'string' ? { ...answers, patientId: maskPatientId(id, masking) } : answers;
}
