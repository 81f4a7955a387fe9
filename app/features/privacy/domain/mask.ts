import { looksLikeFhNumber } from '../../cases/domain/application';

/**
 * Patient identifiers are masked wherever a case is shown (ADR 0012): the date part stays so that
 * colleagues can tell cases apart, the personal number is hidden until someone asks (and is logged).
 * An FH-nummer has no date part (its digits are random), so all of it is hidden. Idempotent.
 */
export function maskPatientId(id: string): string {
  // Already masked (a consulted trust gets masked answers from getCase): masking again keeps it.
  if (id.includes('*')) return id;
  const digits = id.replace(/\D/g, '');
  if (looksLikeFhNumber(digits)) return '****** *****';
  return digits.length <= 6 ? '*'.repeat(digits.length) : `${digits.slice(0, 6)} *****`;
}

/** The answers with the patient id (if any) masked. */
export function maskedAnswers<T extends Record<string, unknown>>(answers: T): T {
  const id = answers.patientId;
  return typeof id === 'string' ? { ...answers, patientId: maskPatientId(id) } : answers;
}
