import type { EventRole } from '../../auth/domain/roles';
import { SCHEMES, type Scheme } from './application';

/** The lifecycle of a case (BRIEF §3), main path and side paths. */
export const STATUSES = [
  'draft',
  'submitted', // awaiting endorsement (forankring)
  'returned', // returned to the applicant with a question; resubmission goes through endorsement again
  'notEndorsed',
  'endorsed',
  'underAssessment', // the committee (and the medical director) assess the case
  'recommended', // the committee has given its recommendation (innstilling); the director decides
  'awaitingInformation', // the assessment asked the applicant for more information
  'inConsultation', // another trust's director or committee has been consulted
  'atInterregionalCommittee', // Tilgangsordningen: the interregional committee decides
  'decided',
  'followUp',
  'closed',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

/** Sorts statuses in the lifecycle's order (`STATUSES`), values it does not know last. */
export function byLifecycle(a: string, b: string): number {
  const order = (status: string) => {
    const index = (STATUSES as readonly string[]).indexOf(status);
    return index === -1 ? STATUSES.length : index;
  };
  return order(a) - order(b);
}

/** Statuses in which the applicant may change the application (and its attachments). */
export const EDITABLE_STATUSES: readonly Status[] = ['draft', 'returned'];

export const EVENTS = [
  'submit',
  'resubmit',
  'withdraw',
  'endorse',
  'notEndorse',
  'returnToApplicant',
  'startAssessment',
  'recommend', // the committee's recommendation (innstilling), with its own form (features/assessment)
  'reopenAssessment', // the medical director sends a recommended case back to the committee
  'requestInformation',
  'provideInformation',
  'requestConsultation',
  'answerConsultation',
  'cancelConsultation',
  // Tilgangsordningen: the medical director's assessment (clinical exceptionality, priority
  // criteria) goes to the interregional committee, whose decision is then recorded with `decide`.
  'forwardToInterregional',
  'decide',
  'reviseDecision', // a new, frozen version of the decision; earlier versions are kept
  'beginFollowUp',
  'recordOutcome',
  'close',
] as const;
export type CaseEvent = (typeof EVENTS)[number];

export interface Transition {
  from: Status;
  event: CaseEvent;
  to: Status;
  /**
   * Roles that may fire the event, as held *for this case* (see caseRoles), or `system`: a
   * background job acting as the system user (SYSTEM_ROLE), which no person holds.
   */
  roles: readonly EventRole[];
  /** Whether the actor must state a reason (justification, question, answer). */
  reasonRequired: boolean;
  /** The schemes the row applies to; absent means every scheme. */
  schemes?: readonly Scheme[];
}

const t = (
  from: Status,
  event: CaseEvent,
  to: Status,
  roles: readonly EventRole[],
  reasonRequired: boolean,
  schemes?: readonly Scheme[],
): Transition => ({ from, event, to, roles, reasonRequired, ...(schemes ? { schemes } : {}) });

/**
 * Tilgangsordningen (BRIEF §1): the trust's medical director assesses clinical exceptionality and
 * the priority criteria, then an interregional committee decides. Every other scheme is decided by
 * the trust.
 */
export const COMMITTEE_SCHEMES: readonly Scheme[] = ['tilgangsordningen'];
const TRUST_DECIDED_SCHEMES: readonly Scheme[] = SCHEMES.filter(
  (s) => !COMMITTEE_SCHEMES.includes(s),
);

const WITHDRAWABLE: readonly Status[] = [
  'draft',
  'submitted',
  'returned',
  'endorsed',
  'underAssessment',
  'recommended',
  'awaitingInformation',
  'inConsultation',
  'atInterregionalCommittee',
];

/** The one declarative table of who may do what in which state. */
export const TRANSITIONS: readonly Transition[] = [
  t('draft', 'submit', 'submitted', ['applicant'], false),
  t('returned', 'resubmit', 'submitted', ['applicant'], false),
  ...WITHDRAWABLE.map((from) => t(from, 'withdraw', 'withdrawn', ['applicant'], from !== 'draft')),

  t('submitted', 'endorse', 'endorsed', ['endorser'], true),
  t('submitted', 'notEndorse', 'notEndorsed', ['endorser'], true),
  t('submitted', 'returnToApplicant', 'returned', ['endorser'], true),

  t('endorsed', 'startAssessment', 'underAssessment', ['decisionMaker', 'assessor'], false),
  t('endorsed', 'returnToApplicant', 'returned', ['decisionMaker'], true),
  // Simplified flow: straight to decision (the trust decides).
  t('endorsed', 'decide', 'decided', ['decisionMaker'], true, TRUST_DECIDED_SCHEMES),
  t(
    'endorsed',
    'forwardToInterregional',
    'atInterregionalCommittee',
    ['decisionMaker'],
    true,
    COMMITTEE_SCHEMES,
  ),
  t('underAssessment', 'returnToApplicant', 'returned', ['decisionMaker'], true),
  t(
    'underAssessment',
    'requestInformation',
    'awaitingInformation',
    ['decisionMaker', 'assessor'],
    true,
  ),
  t('awaitingInformation', 'provideInformation', 'underAssessment', ['applicant'], true),
  t('underAssessment', 'requestConsultation', 'inConsultation', ['decisionMaker'], true),
  // The consulted trust answers (features/consultations); the three consultation events are fired
  // only by that module, which also opens and closes the read grant.
  t('inConsultation', 'answerConsultation', 'underAssessment', ['consultant'], true),
  t('inConsultation', 'cancelConsultation', 'underAssessment', ['decisionMaker'], false),
  // Complete flow: the committee's recommendation (the reason is its justification) ends the
  // assessment; the decision is taken from `recommended`, never straight from the assessment.
  t('underAssessment', 'recommend', 'recommended', ['decisionMaker', 'assessor'], true),
  // Tilgangsordningen: the medical director's own assessment may go to the committee directly.
  t(
    'underAssessment',
    'forwardToInterregional',
    'atInterregionalCommittee',
    ['decisionMaker'],
    true,
    COMMITTEE_SCHEMES,
  ),
  // The recommended case waits for the medical director alone: decide (or forward), return, ask
  // the applicant (the answer goes back to the committee's assessment), or reopen the assessment.
  t('recommended', 'decide', 'decided', ['decisionMaker'], true, TRUST_DECIDED_SCHEMES),
  t(
    'recommended',
    'forwardToInterregional',
    'atInterregionalCommittee',
    ['decisionMaker'],
    true,
    COMMITTEE_SCHEMES,
  ),
  t('recommended', 'returnToApplicant', 'returned', ['decisionMaker'], true),
  t('recommended', 'requestInformation', 'awaitingInformation', ['decisionMaker'], true),
  t('recommended', 'reopenAssessment', 'underAssessment', ['decisionMaker'], true),
  // The medical director records the interregional committee's decision, or passes on the
  // committee's request for more information; the answer goes back to the trust's assessment, and
  // the director forwards the case again with it.
  t('atInterregionalCommittee', 'decide', 'decided', ['decisionMaker'], true, COMMITTEE_SCHEMES),
  t(
    'atInterregionalCommittee',
    'requestInformation',
    'awaitingInformation',
    ['decisionMaker'],
    true,
    COMMITTEE_SCHEMES,
  ),

  t('decided', 'reviseDecision', 'decided', ['decisionMaker'], true),
  t('followUp', 'reviseDecision', 'followUp', ['decisionMaker'], true),
  // The follow-up job (features/followup) begins it on the evaluation date, as the system; the
  // medical director may begin it earlier by hand.
  t('decided', 'beginFollowUp', 'followUp', ['decisionMaker', 'system'], false),
  t('followUp', 'recordOutcome', 'closed', ['applicant'], true),
  t('decided', 'close', 'closed', ['decisionMaker'], false),
  t('followUp', 'close', 'closed', ['decisionMaker'], false),
];

/**
 * Events a role may fire that the case does not wait for: withdrawing an application, correcting
 * a decision, closing a follow-up before the applicant reports the outcome, withdrawing a
 * consultation (the case waits for the consulted trust's answer, not for the medical director who
 * asked). A case waits for someone when they hold another event for it (see `waitsFor` in
 * access.ts).
 */
export const OPTIONAL_EVENTS: readonly CaseEvent[] = [
  'withdraw',
  'reviseDecision',
  'close',
  'cancelConsultation',
];

/** Statuses from which no event leads anywhere. */
export const FINAL_STATUSES: readonly Status[] = STATUSES.filter(
  (s) => !TRANSITIONS.some((tr) => tr.from === s),
);

/**
 * The statuses in which a case has a decision: those `decide` leads to and every status reachable
 * from them (follow-up, closed), as the table says.
 */
export const DECIDED_STATUSES: readonly Status[] = (() => {
  const reached = new Set<Status>(
    TRANSITIONS.filter((tr) => tr.event === 'decide').map((tr) => tr.to),
  );
  for (let grew = true; grew;) {
    const before = reached.size;
    for (const tr of TRANSITIONS) if (reached.has(tr.from)) reached.add(tr.to);
    grew = reached.size > before;
  }
  return STATUSES.filter((s) => reached.has(s));
})();

/**
 * The case's scheme (null while a draft has none), or `anyScheme` for questions about a status in
 * general, such as which statuses wait for a role.
 */
export type SchemeScope = Scheme | null | 'anyScheme';

function appliesTo(transition: Transition, scheme: SchemeScope): boolean {
  if (!transition.schemes || scheme === 'anyScheme') return true;
  return scheme !== null && transition.schemes.includes(scheme);
}

/** The row for `event` in `status` for a case of `scheme` (at most one: rows are unique per pair). */
export function findTransition(
  from: Status,
  event: CaseEvent,
  scheme: SchemeScope,
): Transition | undefined {
  return TRANSITIONS.find((tr) => tr.from === from && tr.event === event && appliesTo(tr, scheme));
}

export type TransitionCheck<R extends EventRole = EventRole> =
  | { ok: true; transition: Transition; role: R }
  | { ok: false; error: 'invalidTransition' | 'forbidden' | 'notForScheme' };

/**
 * May an actor holding `roles` for a case of `scheme` fire `event` in `status`? Names the role
 * used (one of `roles`, the table's first). `anyScheme` only for rows without a scheme condition
 * (the follow-up job's `beginFollowUp`, checked with `['system']`). `notForScheme`: the event
 * exists in this status, but not for this scheme (a Tilgangsordningen case is decided by the
 * interregional committee, not directly).
 */
export function checkTransition<R extends EventRole>(
  status: Status,
  event: CaseEvent,
  roles: readonly R[],
  scheme: SchemeScope,
): TransitionCheck<R> {
  const transition = findTransition(status, event, scheme);
  if (!transition) {
    const otherScheme = findTransition(status, event, 'anyScheme');
    return { ok: false, error: otherScheme ? 'notForScheme' : 'invalidTransition' };
  }
  const held: readonly EventRole[] = roles;
  const role = transition.roles.find((r): r is R => held.includes(r));
  if (!role) return { ok: false, error: 'forbidden' };
  return { ok: true, transition, role };
}

/** The events an actor holding `roles` may fire in `status` for a case of `scheme`, in table order. */
export function availableEvents(
  status: Status,
  roles: readonly EventRole[],
  scheme: SchemeScope,
): CaseEvent[] {
  return TRANSITIONS.filter(
    (tr) => tr.from === status && appliesTo(tr, scheme) && tr.roles.some((r) => roles.includes(r)),
  ).map((tr) => tr.event);
}

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function isCaseEvent(value: string): value is CaseEvent {
  return (EVENTS as readonly string[]).includes(value);
}
