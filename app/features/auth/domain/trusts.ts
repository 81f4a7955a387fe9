import type { ActingTrust, RoleGrant } from './roles';

/** The trusts a user holds roles in, each once, in the order of their grants. */
export function trustIdsOf(grants: readonly Pick<RoleGrant, 'trustId'>[]): string[] {
  return [...new Set(grants.map((g) => g.trustId))];
}

/**
 * The trust a new session acts in: the user's only trust, or null when they hold roles in several
 * and must choose (ADR 0026). A user with no roles gets no session at all (`login`).
 */
export function trustAtLogin(grants: readonly Pick<RoleGrant, 'trustId'>[]): string | null {
  const ids = trustIdsOf(grants);
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

/** The grants that hold in one trust: an actor carries only its active trust's grants. */
export function grantsIn<G extends Pick<RoleGrant, 'trustId'>>(
  grants: readonly G[],
  trustId: string,
): G[] {
  return grants.filter((g) => g.trustId === trustId);
}

/** Why a choice of trust is refused. */
export type TrustChoiceRefusal = 'noRoleInTrust';

/**
 * Whether the user may act in `trustId`: only a trust they hold a role in. The chosen value
 * comes from a form, so anything else (another trust, a malformed id) is refused.
 */
export function checkTrustChoice(
  grants: readonly Pick<RoleGrant, 'trustId'>[],
  trustId: string,
): { ok: true; trustId: string } | { ok: false; refusal: TrustChoiceRefusal } {
  return grants.some((g) => g.trustId === trustId)
    ? { ok: true, trustId }
    : { ok: false, refusal: 'noRoleInTrust' };
}

/** The switcher is offered only to a user who may act in more than one trust. */
export const canSwitchTrust = (trusts: readonly ActingTrust[]) => trusts.length > 1;
