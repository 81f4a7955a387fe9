import type { CaseEvent, Status } from '../../cases/domain/workflow';
import type { NotificationKind } from './kinds';

/** The groups of people a case event can concern. */
export const RECIPIENT_GROUPS = [
  'applicant',
  'coAuthors',
  'departmentEndorsers',
  // Who endorses the case now: the delegate while it is delegated, else the department's leaders
  // who did not write it (a leader who did holds no judging role on it, ADR 0021).
  'currentEndorsers',
  // The leader the endorsement is delegated to (an active delegation, ADR 0024).
  'endorsementDelegate',
  // The leaders invited to collaborate on the endorsement (active invitations, ADR 0024).
  'leaderCollaborators',
  'decisionMakers',
  // The case's committee (`committeeOf`).
  'committee',
  // Whoever asked the applicant for the information now given (a director or an assessor).
  'informationRequester',
] as const;
export type RecipientGroup = (typeof RECIPIENT_GROUPS)[number];

export interface TransitionNotice {
  kind: NotificationKind;
  /** Told whatever status the case left. */
  to: readonly RecipientGroup[];
  /** Told as well when the case left one of these statuses: the people working it there. */
  alsoFrom?: Partial<Record<Status, readonly RecipientGroup[]>>;
  /** When no one else is told (the groups are empty, or only the actor), these are, this way. */
  otherwise?: { kind: NotificationKind; to: readonly RecipientGroup[] };
}

/**
 * A submitted case no leader of the department may endorse (its only leaders wrote it, or it has
 * none) would wait unseen: the medical directors are told, and may delegate it (ADR 0024).
 */
const NO_ENDORSER: TransitionNotice['otherwise'] = {
  kind: 'endorsementWithoutLeader',
  to: ['decisionMakers'],
};

/** The leaders who endorse the case: the department's, or the one it is delegated to. */
const ENDORSING: readonly RecipientGroup[] = ['departmentEndorsers', 'endorsementDelegate'];
/**
 * The leaders on the endorsement: those who endorse it and those invited to collaborate on it. A
 * collaborator holds `collaborator` on the case in every status after the draft (`caseRoles`), so
 * is told where the people working it are; never reminded of a stage (they do not act on it).
 */
const LEADERS: readonly RecipientGroup[] = [...ENDORSING, 'leaderCollaborators'];
/**
 * After the endorsement: the leaders, the medical directors and the case's committee; also who is
 * told of a message in the dialog of a submitted case (features/dialog).
 */
export const HANDLING: readonly RecipientGroup[] = [...LEADERS, 'decisionMakers', 'committee'];
/**
 * A decision, or its forwarding to the interregional committee, is told to all who worked it: the
 * applicant's side (the applicant and the co-authors who wrote the application with them, told of
 * a return or a refused endorsement too), the leaders and the committee (BRIEF §4.8).
 */
const DECISION: readonly RecipientGroup[] = ['applicant', 'coAuthors', ...LEADERS, 'committee'];

/**
 * The one table of who is told what when a case changes status, per event (and, for a
 * withdrawal, per status left). Events not listed tell no one (starting an assessment, beginning
 * follow-up, recording the outcome, closing); consultation is notified by its own feature.
 */
export const TRANSITION_NOTICES: Partial<Record<CaseEvent, TransitionNotice>> = {
  // The case waits for its endorsement: whoever endorses it now (a delegation outlives a return).
  submit: { kind: 'caseSubmitted', to: ['currentEndorsers'], otherwise: NO_ENDORSER },
  resubmit: { kind: 'caseSubmitted', to: ['currentEndorsers'], otherwise: NO_ENDORSER },
  // A draft's co-authors, and after submission whoever has the case in hand.
  withdraw: {
    kind: 'caseWithdrawn',
    to: ['coAuthors'],
    alsoFrom: {
      submitted: LEADERS,
      returned: HANDLING,
      endorsed: HANDLING,
      underAssessment: HANDLING,
      recommended: HANDLING,
      awaitingInformation: HANDLING,
      inConsultation: HANDLING,
      atInterregionalCommittee: HANDLING,
    },
  },
  endorse: { kind: 'caseEndorsed', to: ['decisionMakers', 'applicant'] },
  notEndorse: { kind: 'caseNotEndorsed', to: ['applicant', 'coAuthors'] },
  returnToApplicant: { kind: 'caseReturned', to: ['applicant', 'coAuthors'] },
  // The committee's recommendation: the case now waits for the medical director.
  recommend: { kind: 'caseRecommended', to: ['decisionMakers'] },
  // The medical director sends the recommended case back to the committee.
  reopenAssessment: { kind: 'assessmentReopened', to: ['committee'] },
  decide: { kind: 'caseDecided', to: DECISION },
  forwardToInterregional: { kind: 'caseForwardedInterregional', to: DECISION },
  // A new version of the decision is communicated as the first was (BRIEF §4.8).
  reviseDecision: { kind: 'decisionRevised', to: DECISION },
  requestInformation: { kind: 'informationRequested', to: ['applicant'] },
  // The answer goes back to the assessment: the directors, the committee and whoever asked.
  provideInformation: {
    kind: 'informationProvided',
    to: ['decisionMakers', 'committee', 'informationRequester'],
  },
};

export type GroupMembers = Record<RecipientGroup, readonly string[]>;

/** The groups told of `event` when the case leaves `from` (none: no query at all). */
export function groupsFor(event: CaseEvent, from: Status): readonly RecipientGroup[] {
  const notice = TRANSITION_NOTICES[event];
  if (!notice) return [];
  return [...notice.to, ...(notice.alsoFrom?.[from] ?? [])];
}

/** The groups told of `event` instead when no one of `groupsFor` is (the notice's `otherwise`). */
export function fallbackGroupsFor(event: CaseEvent): readonly RecipientGroup[] {
  return TRANSITION_NOTICES[event]?.otherwise?.to ?? [];
}

/**
 * Who gets which notification for an event; the actor is never told of their own action. When
 * that is no one and the notice has an `otherwise`, its groups are told its kind (`members` must
 * then hold `fallbackGroupsFor` too).
 */
export function transitionRecipients(
  event: CaseEvent,
  from: Status,
  members: GroupMembers,
  actorId: string,
): { kind: NotificationKind; recipientIds: string[] } | null {
  const notice = TRANSITION_NOTICES[event];
  if (!notice) return null;
  const told = (groups: readonly RecipientGroup[]) => {
    const ids = new Set(groups.flatMap((group) => members[group]));
    ids.delete(actorId);
    return [...ids];
  };
  const recipientIds = told(groupsFor(event, from));
  if (recipientIds.length > 0 || !notice.otherwise) return { kind: notice.kind, recipientIds };
  return { kind: notice.otherwise.kind, recipientIds: told(notice.otherwise.to) };
}

/**
 * The committee of a case: the assessors the medical director assigned to it (`case_committee`);
 * without any, every assessor of the trust once the case has been under assessment (each holds
 * `assessor` on it, `caseRoles`), and no one before. The case's authors are left out: they hold
 * no judging role on their own case.
 */
export function committeeOf(input: {
  assigned: readonly string[];
  assessors: readonly string[];
  assessed: boolean;
  authorIds: readonly string[];
}): string[] {
  const members =
    input.assigned.length > 0 ? input.assigned : input.assessed ? input.assessors : [];
  return members.filter((id) => !input.authorIds.includes(id));
}
