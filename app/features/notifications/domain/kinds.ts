/** What a notification tells its recipient; the text lives in the message catalogue (msg.notifications). */
export const NOTIFICATION_KINDS = [
  'caseSubmitted',
  'caseReturned',
  'caseEndorsed',
  'caseNotEndorsed',
  'caseDecided',
  'messagePosted',
  'coAuthorInvited',
  'leaderInvited',
  'committeeAssigned',
  'consultationRequested',
  'consultationAnswered',
  'stageReminder',
  'stageEscalation',
  'followUpDue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
