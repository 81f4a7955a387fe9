/** What a notification tells its recipient; the text lives in the message catalogue (msg.notifications). */
export const NOTIFICATION_KINDS = [
  'caseSubmitted',
  'caseReturned',
  'caseEndorsed',
  'caseNotEndorsed',
  'caseDecided',
  'caseRecommended',
  'assessmentReopened',
  'caseWithdrawn',
  'caseForwardedInterregional',
  'decisionRevised',
  'informationRequested',
  'informationProvided',
  'messagePosted',
  'coAuthorInvited',
  // To a co-author the applicant took off the application: the case is closed to them now.
  'coAuthorRemoved',
  'leaderInvited',
  // To a collaborating leader taken off the endorsement (the case may be closed to them now).
  'leaderRemoved',
  'endorsementDelegated',
  // To the medical directors: a submitted case no leader of its department may endorse.
  'endorsementWithoutLeader',
  'delegationTakenBack',
  'leaderInputGiven',
  'committeeAssigned',
  'consultationRequested',
  'consultationAnswered',
  // To the consulted trust: the case it was asked about is withdrawn, its consultation ended.
  'consultationWithdrawn',
  // To the consulted trust: the director who asked took the question back, its consultation ended.
  'consultationRevoked',
  'stageReminder',
  'stageEscalation',
  'followUpDue',
  // An inquiry about a case of the national overview (features/inquiries): to the case's trust's
  // directors (asked, withdrawn by the asker), and the answer to the person who asked.
  'inquiryReceived',
  'inquiryAnswered',
  'inquiryWithdrawn',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * Kinds told to people who can no longer open the case when they read them (the consulted trust
 * after a withdrawal or a revocation ended its grant, a co-author taken off the application, a
 * leader taken off the endorsement or its delegation taken back): the list names the case without
 * a link, and the e-mail links to the notifications, not the case.
 */
const CASE_CLOSED_TO_RECIPIENT: readonly NotificationKind[] = [
  'coAuthorRemoved',
  'leaderRemoved',
  'delegationTakenBack',
  'consultationWithdrawn',
  'consultationRevoked',
];

/** Whether the notification's e-mail links to its case (else to the notifications page). */
export function linksToCase(kind: NotificationKind): boolean {
  return !CASE_CLOSED_TO_RECIPIENT.includes(kind);
}

/** Where the inquiries are read and answered (features/inquiries). */
export const INQUIRIES_PATH = '/henvendelser';

/**
 * Kinds about an inquiry (features/inquiries), which live on a page of their own: their notice
 * names the case by the number it kept (`notify`'s `caseNumber`) and opens that page, never the
 * case, which the person who asked cannot read.
 */
const INQUIRY_KINDS: readonly NotificationKind[] = [
  'inquiryReceived',
  'inquiryAnswered',
  'inquiryWithdrawn',
];

/** The page a notice of this kind opens instead of its case, or null (its case, or the list). */
export function noticePage(kind: NotificationKind): string | null {
  return INQUIRY_KINDS.includes(kind) ? INQUIRIES_PATH : null;
}
