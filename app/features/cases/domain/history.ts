import { isCaseEvent, type CaseEvent } from './workflow';

/** Entries in a case's history that record something other than a status change. */
export const HISTORY_NOTES = [
  'create',
  'inviteCoAuthor',
  'removeCoAuthor',
  'delegateEndorsement',
  'inviteLeader',
  'removeLeader',
  'takeBackDelegation',
  'giveLeaderInput',
  'assignCommitteeMember',
  'registerRetrospective',
] as const;
export type HistoryNote = (typeof HISTORY_NOTES)[number];
export type HistoryEvent = CaseEvent | HistoryNote;

export function isHistoryNote(value: string): value is HistoryNote {
  return (HISTORY_NOTES as readonly string[]).includes(value);
}

/**
 * Events whose reason is the caseworkers' own exchange: the committee's recommendation to the
 * medical director (its assessment page is theirs alone), the director sending it back to the
 * committee, and the questions and answers between trusts in a consultation. Like the dialog's
 * internal notes, the applicant and co-authors (and a consulted trust) see that it happened, not
 * what was written.
 */
export const INTERNAL_REASON_EVENTS: readonly CaseEvent[] = [
  'recommend',
  'reopenAssessment',
  'requestConsultation',
  'answerConsultation',
  'cancelConsultation',
];

/**
 * Whether a history entry's reason is shown to a reader of the case, who does or does not read
 * the caseworkers' internal notes (the dialog's `visibleTo`).
 */
export function reasonShown(event: HistoryEvent, readsInternalNotes: boolean): boolean {
  return readsInternalNotes || !(INTERNAL_REASON_EVENTS as readonly string[]).includes(event);
}

/**
 * For each history entry (oldest first), whether it records something done outside the portal: a
 * case registered after the fact (etterregistrering) gets its created, sent and decided entries,
 * with the original dates, written by whoever registered it, before its `registerRetrospective`
 * entry. They did not do those steps; everything from the registration on was done in the portal.
 */
export function outsidePortal(history: readonly { event?: string }[]): boolean[] {
  const registered = history.findIndex((entry) => entry.event === 'registerRetrospective');
  return history.map((_, i) => i < registered);
}

/** A stored history row's event, or null for a value this version does not know. */
export function historyEvent(value: string): HistoryEvent | null {
  return isCaseEvent(value) || isHistoryNote(value) ? value : null;
}

/** What a history row needs for `openQuestion`. */
interface Transition {
  event: string;
  toStatus: string;
  reason: string | null;
}

/** The statuses in which a case waits for its applicant to answer a question. */
export const QUESTION_STATUSES = ['returned', 'awaitingInformation'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export function isQuestionStatus(status: string): status is QuestionStatus {
  return (QUESTION_STATUSES as readonly string[]).includes(status);
}

/** The question a case waits for its applicant to answer, with the status that asks for it. */
export interface OpenQuestion<T> {
  status: QuestionStatus;
  question: T;
}

/**
 * The question a case waits for its applicant to answer: the latest return to the applicant while
 * it is returned, the latest request for information while it awaits information (history oldest
 * first). Null in any other status or without a question.
 */
export function openQuestion<T extends Transition>(
  status: string,
  history: readonly T[],
): OpenQuestion<T> | null {
  if (!isQuestionStatus(status)) return null;
  const latest = history.findLast((entry) => entry.toStatus === status);
  return latest?.reason?.trim() ? { status, question: latest } : null;
}
