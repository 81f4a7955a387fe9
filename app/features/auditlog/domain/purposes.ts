/**
 * Why personal data was read or changed: the small fixed vocabulary of the access log's `purpose`.
 * - casework: working the case in one's own trust (applying, endorsing, assessing, deciding)
 * - consultation: a consulted trust reading the case
 * - decisionLetter: producing the decision letter (PDF)
 * - export: exporting the application
 * - reapplication: copying a closed case into a new application
 * - unmask: showing the patient's full identity number on demand
 * - logControl: the log controller reading the access log
 */
export const PURPOSES = [
  'casework',
  'consultation',
  'decisionLetter',
  'export',
  'reapplication',
  'unmask',
  'logControl',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const isPurpose = (value: string): value is Purpose =>
  (PURPOSES as readonly string[]).includes(value);

/** The purpose of an ordinary case access, from the role the actor acts in. */
export function purposeOf(role: string, action: string): Purpose {
  if (action === 'decisionLetter') return 'decisionLetter';
  if (action === 'export' || action === 'fhirExport') return 'export';
  if (action === 'reapply') return 'reapplication';
  return role === 'consultant' ? 'consultation' : 'casework';
}
