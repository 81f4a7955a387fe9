import { hasRole, type Actor, type Role } from '../../auth/domain/roles';

/** The roles that register their own trust's earlier decisions (etterregistrering). */
export const REGISTERING_ROLES: readonly Role[] = ['decisionMaker', 'trustAdmin'];

/** True when the actor may register retrospective cases for the trust they act in. */
export function canRegisterRetrospective(actor: Actor): boolean {
  return REGISTERING_ROLES.some((role) => hasRole(actor, role));
}

/** The role the registration is recorded under in the audit trail. */
export function registeringRole(actor: Actor): Role | null {
  return REGISTERING_ROLES.find((role) => hasRole(actor, role)) ?? null;
}
