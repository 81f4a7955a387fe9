import type { Answers } from '../../cases/domain/questionnaire';
import type { Status } from '../../cases/domain/workflow';

/**
 * Retention (issue #6, docs/security.md § Retention). The portal is the trusts' case-handling
 * system, not the patient record: the application and the decision letter are filed in the
 * patient's record (EHR), which keeps them for the period pasientjournalforskriften § 15 sets.
 * The portal keeps the patient's data only while a case may still be needed: complaints, an
 * extension or re-application, the follow-up evaluation. Five years after a case ended its patient
 * data is anonymised; the non-personal summary stays for the national statistics.
 */
export const PATIENT_DATA_YEARS = 5;

/** Statuses in which a case has ended (or only waits for follow-up), counted from its last event. */
export const ENDED_STATUSES: readonly Status[] = ['decided', 'closed', 'withdrawn', 'notEndorsed'];

/**
 * Answers kept after anonymisation: the non-personal summary (scheme, single patient or group, the
 * drug and the diagnosis codes). Everything else — the patient id and all free text — is removed.
 */
export const KEPT_ANSWERS = ['scheme', 'patientScope', 'drug', 'diagnoses'] as const;

/** The answers with only the non-personal summary left. */
export function anonymiseAnswers(answers: Answers): Answers {
  const kept: Answers = {};
  for (const id of KEPT_ANSWERS) {
    const value = answers[id];
    if (value !== undefined) kept[id] = value;
  }
  return kept;
}

/** `now` less `years` calendar years (UTC). */
function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** The moment before which an ended case's patient data is due for anonymisation. */
export function retentionCutoff(now: Date): Date {
  return yearsBefore(now, PATIENT_DATA_YEARS);
}

/** What replaces free text that may describe the patient. */
export const ANONYMISED_TEXT = '[anonymisert]';

/** The audit event written for each anonymised case. */
export const ANONYMISE_EVENT = 'anonymise';

/**
 * Authentication events (`auth_events`: logins, refusals, logouts, changes of trust) are kept as
 * long as the access log (docs/security.md § Retention): they answer who was signed in, and into
 * which trust, when a logged read is looked into, for the access log's whole life; then deleted.
 */
export const AUTH_EVENT_YEARS = 10;

/** The moment before which authentication events are deleted. */
export function authEventCutoff(now: Date): Date {
  return yearsBefore(now, AUTH_EVENT_YEARS);
}
