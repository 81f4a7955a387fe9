import type { Role } from './roles';

/** A demo user's roles in one trust, as `listDemoUsers` (auth.server.ts) reads them. */
export interface DemoUserInTrust {
  id: string;
  name: string;
  title: string;
  trustName: string;
  roles: { role: Role; department: string | null }[];
}

/** One person on the development login, with their roles (and each role's trust, when several). */
export interface DemoCard {
  id: string;
  name: string;
  title: string;
  roles: { role: Role; department: string | null; trust: string | null }[];
}

/**
 * The development login's groups, in the order the users come: one per trust (`trust` its name),
 * then, when there are any, the people with roles in several trusts (`trust` null). Such a person
 * is one login (they choose the trust after it, ADR 0026), so they get one card, each role named
 * with its trust, instead of one identical card under each of their trusts.
 */
export function demoLoginGroups(
  users: readonly DemoUserInTrust[],
): { trust: string | null; users: DemoCard[] }[] {
  const trustCount = new Map<string, number>();
  for (const user of users) trustCount.set(user.id, (trustCount.get(user.id) ?? 0) + 1);
  const byTrust = new Map<string, DemoCard[]>();
  const several = new Map<string, DemoCard>();
  for (const { trustName, ...user } of users) {
    if ((trustCount.get(user.id) ?? 0) > 1) {
      const card = several.get(user.id) ?? { ...user, roles: [] };
      card.roles.push(...user.roles.map((r) => ({ ...r, trust: trustName })));
      several.set(user.id, card);
    } else {
      const card = { ...user, roles: user.roles.map((r) => ({ ...r, trust: null })) };
      byTrust.set(trustName, [...(byTrust.get(trustName) ?? []), card]);
    }
  }
  return [
    ...[...byTrust.entries()].map(([trust, members]) => ({ trust, users: members })),
    ...(several.size > 0 ? [{ trust: null, users: [...several.values()] }] : []),
  ];
}
