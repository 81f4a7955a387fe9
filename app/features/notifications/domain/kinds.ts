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
  'leaderInvited',
  'endorsementDelegated',
  'delegationTakenBack',
  'leaderInputGiven',
  'committeeAssigned',
  'consultationRequested',
  'consultationAnswered',
  'stageReminder',
  'stageEscalation',
  'followUpDue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
