import { hasRole, hasRoleFor, type Actor, type CaseRole, type Role } from '../../auth/domain/roles';
import {
  availableEvents,
  checkTransition,
  type CaseEvent,
  EDITABLE_STATUSES,
  OPTIONAL_EVENTS,
  STATUSES,
  type SchemeScope,
  type Status,
} from './workflow';

/** What the access rules need to know about a case. */
export interface CaseScope {
  trustId: string;
  departmentId: string;
  applicantId: string;
  /** Colleagues invited to co-author the application. */
  coAuthorIds: readonly string[];
  /** The leader the endorsement is delegated to (an active delegation), or null. */
  delegateId: string | null;
  /** Leaders invited to collaborate on the endorsement (give input). */
  collaboratorIds: readonly string[];
  status: Status;
  /** Consultation: the actor's trust holds an open read grant for this case (features/consultations). */
  consultedByActorTrust?: boolean;
}

/** Consultation: who in a consulted trust reads the case and answers (BRIEF §4). */
const CONSULTANT_HOLDERS: readonly Role[] = ['decisionMaker', 'assessor'];

/** The roles that judge a case: none of them applies to a case the actor wrote (`caseRoles`). */
const JUDGING_ROLES: readonly Role[] = ['endorser', 'decisionMaker', 'assessor'];

/**
 * The roles an actor holds *for this case*: the applicant only for their own case, the endorser
 * only for cases of their department, the medical director and committee for every submitted
 * case of the trust; the leader the endorsement is delegated to. While it is delegated, the
 * department's leaders are `delegator`s instead (they read the case and may take the delegation
 * back, but do not endorse); a leader invited to collaborate is a `collaborator` (reads the case
 * and gives input, ADR 0024). A draft is the applicant's alone. Empty means the actor may not see
 * the case at all (and is answered 404, never 403).
 *
 * Conflict of interest (BRIEF §3, §4.4): on a case the actor applied for or co-authors, their
 * endorser, decisionMaker and assessor roles do not apply (`JUDGING_ROLES`): they act there only
 * as its applicant or co-author, so no one endorses, assesses or decides their own application.
 */
export function caseRoles(actor: Actor, scope: CaseScope): CaseRole[] {
  if (actor.trustId !== scope.trustId) {
    // Consultation: another trust's director or committee reads one case while its grant is open.
    const consultant =
      scope.consultedByActorTrust && CONSULTANT_HOLDERS.some((r) => hasRole(actor, r));
    return consultant ? ['consultant'] : [];
  }
  const roles: CaseRole[] = [];
  if (actor.userId === scope.applicantId && hasRole(actor, 'applicant')) roles.push('applicant');
  if (scope.coAuthorIds.includes(actor.userId)) roles.push('coAuthor');
  if (scope.status === 'draft') return roles;
  if (isAuthor(actor, scope)) return roles;
  if (hasRole(actor, 'endorser')) {
    if (scope.delegateId === actor.userId) roles.push('endorser');
    else if (hasRoleFor(actor, 'endorser', scope.departmentId)) {
      roles.push(scope.delegateId === null ? 'endorser' : 'delegator');
    }
    if (scope.collaboratorIds.includes(actor.userId)) roles.push('collaborator');
  }
  if (hasRole(actor, 'decisionMaker')) roles.push('decisionMaker');
  if (hasRole(actor, 'assessor')) roles.push('assessor');
  return roles;
}

/**
 * The actor wrote the case: its applicant (as `caseRoles` grants that role: the applicant role
 * held) or an invited co-author. A case registered after the fact names its registrar (a director
 * or administrator, features/retrospective) as applicant: without the applicant role they did not
 * write it, and keep their roles on it.
 */
export function isAuthor(actor: Actor, scope: Pick<CaseScope, 'applicantId' | 'coAuthorIds'>) {
  return (
    (actor.userId === scope.applicantId && hasRole(actor, 'applicant')) ||
    scope.coAuthorIds.includes(actor.userId)
  );
}

/**
 * The judging roles (endorser, decisionMaker, assessor) the actor holds in the trust but may not
 * use on this case because they wrote it (`caseRoles`): the route explains the refusal with them.
 */
export function conflictedRoles(actor: Actor, scope: CaseScope): Role[] {
  if (actor.trustId !== scope.trustId || !isAuthor(actor, scope)) return [];
  return JUDGING_ROLES.filter((r) => hasRole(actor, r));
}

/**
 * Why `event` is refused in `status` to someone holding `roles` for the case, whose `conflicted`
 * roles (`conflictedRoles`) were set aside: `ownCase` when one of those would have allowed it (they
 * wrote the case), otherwise the workflow's own refusal. Null: the event is allowed.
 */
export function transitionRefusal(
  status: Status,
  event: CaseEvent,
  roles: readonly CaseRole[],
  conflicted: readonly Role[],
  scheme: SchemeScope,
): 'ownCase' | 'forbidden' | 'invalidTransition' | 'notForScheme' | null {
  const check = checkTransition(status, event, roles, scheme);
  if (check.ok) return null;
  if (check.error === 'forbidden' && checkTransition(status, event, conflicted, scheme).ok)
    return 'ownCase';
  return check.error;
}

/**
 * Whether someone holding `roles` for a case sees the patient's identity (BRIEF §7: only the
 * people working the case in the treating trust). A consulted trust (`consultant` alone) reads the
 * case with the patient id masked, may not unmask it, export the application or get the letter.
 */
export function seesPatientIdentity(roles: readonly CaseRole[]): boolean {
  return roles.some((role) => role !== 'consultant');
}

/** Which role is logged when roles tie (see `accessRole`): the one with the widest reach first. */
const ACCESS_ROLE_ORDER: readonly CaseRole[] = [
  'decisionMaker',
  'assessor',
  'endorser',
  'delegator',
  'collaborator',
  'applicant',
  'coAuthor',
  'consultant',
];

/**
 * The role an access to the case is logged in (access_log.role, ADR 0012): of the actor's roles
 * for the case, the one whose stage the case is in (the case waits for it, `waitsFor`); if it
 * waits for none of them, the first in `ACCESS_ROLE_ORDER`. Null: no role, no access.
 */
export function accessRole(roles: readonly CaseRole[], status: Status): CaseRole | null {
  const ordered = ACCESS_ROLE_ORDER.filter((role) => roles.includes(role));
  return ordered.find((role) => waitsFor([role], status)) ?? ordered[0] ?? null;
}

export function canViewCase(actor: Actor, scope: CaseScope): boolean {
  return caseRoles(actor, scope).length > 0;
}

/** Who writes the application: the applicant and invited co-authors. */
const EDITOR_ROLES: readonly Role[] = ['applicant', 'coAuthor'];

/** The role in which the actor writes the case's application (applicant or co-author), or null. */
export function writerRole(roles: readonly CaseRole[]): Role | null {
  const editors: readonly CaseRole[] = EDITOR_ROLES;
  return roles.find((role): role is Role => editors.includes(role)) ?? null;
}

/**
 * The role in which the actor may change the application (answers and attachments), given their
 * roles for the case, or null: only its writers, only while it is a draft or returned.
 */
export function applicationEditorRole(roles: readonly CaseRole[], status: Status): Role | null {
  return EDITABLE_STATUSES.includes(status) ? writerRole(roles) : null;
}

export function canEditApplication(roles: readonly CaseRole[], status: Status): boolean {
  return applicationEditorRole(roles, status) !== null;
}

/**
 * Whether a case in `status` waits for someone holding `roles` for it: they must act before it
 * moves on (an event other than the optional ones of `OPTIONAL_EVENTS`), or they write the
 * application while it may be edited. "Venter på deg" on "My cases" lists these.
 */
export function waitsFor(roles: readonly CaseRole[], status: Status): boolean {
  return (
    availableEvents(status, roles, 'anyScheme').some((e) => !OPTIONAL_EVENTS.includes(e)) ||
    canEditApplication(roles, status)
  );
}

/** The statuses in which a case waits for someone holding `roles` (`waitsFor`), in table order. */
export function waitingStatuses(roles: readonly CaseRole[]): Status[] {
  return STATUSES.filter((status) => waitsFor(roles, status));
}
