/** Roles a user may hold per trust (BRIEF §2). One person may hold several. */
export const ROLES = [
  'applicant',
  'coAuthor',
  'endorser',
  'decisionMaker',
  'assessor',
  'nationalReader',
  'trustAdmin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Roles held only for one case, never assigned in a trust: `consultant` is a consulted trust's
 * director or committee reading a case through an open consultation grant (features/consultations);
 * `delegator` is a leader of the case's department while its endorsement is delegated to another
 * leader (they read the case and may take the delegation back); `collaborator` is a leader invited
 * to give input on the endorsement (ADR 0024).
 */
export const CASE_ONLY_ROLES = ['consultant', 'delegator', 'collaborator'] as const;

/** A role as held for one case (see caseRoles): a trust role or a case-only role. */
export type CaseRole = Role | (typeof CASE_ONLY_ROLES)[number];

export function isCaseRole(value: string): value is CaseRole {
  return isRole(value) || (CASE_ONLY_ROLES as readonly string[]).includes(value);
}

/**
 * The portal itself, as the actor of what a background job does to a case: the follow-up job's
 * `beginFollowUp` (a row of the transition table) and the retention job's `anonymise`. Recorded
 * with the system user (`systemUserId`, features/auth/system-user.server.ts); never held by a
 * person, so no signed-in user can fire what the table gives the system alone.
 */
export const SYSTEM_ROLE = 'system' as const;
export type SystemRole = typeof SYSTEM_ROLE;

/** The role a case event is recorded in: a role held for the case, or the system. */
export type EventRole = CaseRole | SystemRole;

export function isEventRole(value: string): value is EventRole {
  return value === SYSTEM_ROLE || isCaseRole(value);
}

/** A role held in one trust, optionally limited to one department. */
export interface RoleGrant {
  role: Role;
  trustId: string;
  departmentId: string | null;
}

/** A trust a user may act in (they hold at least one role there). */
export interface ActingTrust {
  id: string;
  name: string;
}

/**
 * The signed-in user as every use case sees it: identity, the active trust (the only one they hold
 * roles in, or the one they chose, ADR 0026) and ONLY the roles held there. `trusts` lists every
 * trust they may act in, for the switcher.
 */
export interface Actor {
  userId: string;
  name: string;
  trustId: string;
  trustName: string;
  grants: RoleGrant[];
  trusts: ActingTrust[];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((g) => g.role === role && g.trustId === actor.trustId);
}

/** True when the actor holds the role for the given department (or trust-wide). */
export function hasRoleFor(actor: Actor, role: Role, departmentId: string): boolean {
  return actor.grants.some(
    (g) =>
      g.role === role &&
      g.trustId === actor.trustId &&
      (g.departmentId === null || g.departmentId === departmentId),
  );
}
