import type { CaseEvent } from '../../cases/domain/workflow';
import type { NotificationKind } from './kinds';

/** The groups of people a case event can concern. */
export const RECIPIENT_GROUPS = [
  'applicant',
  'coAuthors',
  'departmentEndorsers',
  'decisionMakers',
] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];

export interface TransitionNotice {
  kind: NotificationKind;
  to: readonly RecipientGroup[];
}

/**
 * The one table of who is told what when a case changes status. Events not listed tell no one
 * (withdrawing, starting an assessment, closing); consultation is notified by its own feature.
 */
export const TRANSITION_NOTICES: Partial<Record<CaseEvent, TransitionNotice>> = {
  submit: { kind: 'caseSubmitted', to: ['departmentEndorsers'] },
  resubmit: { kind: 'caseSubmitted', to: ['departmentEndorsers'] },
  endorse: { kind: 'caseEndorsed', to: ['decisionMakers', 'applicant'] },
  notEndorse: { kind: 'caseNotEndorsed', to: ['applicant', 'coAuthors'] },
  returnToApplicant: { kind: 'caseReturned', to: ['applicant', 'coAuthors'] },
  // The committee's recommendation: the case now waits for the medical director.
  recommend: { kind: 'caseRecommended', to: ['decisionMakers'] },
  decide: { kind: 'caseDecided', to: ['applicant', 'departmentEndorsers'] },
  forwardToInterregional: {
    kind: 'caseForwardedInterregional',
    to: ['applicant', 'departmentEndorsers'],
  },
  // A new version of the decision is communicated as the first was (BRIEF §4.8).
  reviseDecision: { kind: 'decisionRevised', to: ['applicant', 'departmentEndorsers'] },
  requestInformation: { kind: 'informationRequested', to: ['applicant'] },
  provideInformation: { kind: 'informationProvided', to: ['decisionMakers'] },
};

export type GroupMembers = Record<RecipientGroup, readonly string[]>;

/** Who gets which notification for an event; the actor is never told of their own action. */
export function transitionRecipients(
  event: CaseEvent,
  members: GroupMembers,
  actorId: string,
): { kind: NotificationKind; recipientIds: string[] } | null {
  const notice = TRANSITION_NOTICES[event];
  if (!notice) return null;
  const ids = notice.to.flatMap((group) => members[group]);
  return { kind: notice.kind, recipientIds: [...new Set(ids)].filter((id) => id !== actorId) };
}

/** The groups an event needs looked up (none: no query at all). */
export function groupsFor(event: CaseEvent): readonly RecipientGroup[] {
  return TRANSITION_NOTICES[event]?.to ?? [];
}
