import { asc, eq } from 'drizzle-orm';
import { inApp, type Db } from '../../db/database.server';
import { departments, roleAssignments, trusts } from '../../db/schema';
import { isRole, type Role } from './domain/roles';

/** A trust on the chooser: its name and the user's roles there (with their department). */
export interface TrustChoice {
  trustId: string;
  trustName: string;
  roles: { role: Role; department: string | null }[];
}

/** The trusts a user holds roles in, by name, each with those roles: the chooser's list. */
export async function listTrustChoices(db: Db, userId: string): Promise<TrustChoice[]> {
  const rows = await inApp(db, (tx) =>
    tx
      .select({
        trustId: roleAssignments.trustId,
        trustName: trusts.name,
        role: roleAssignments.role,
        department: departments.name,
      })
      .from(roleAssignments)
      .innerJoin(trusts, eq(trusts.id, roleAssignments.trustId))
      .leftJoin(departments, eq(departments.id, roleAssignments.departmentId))
      .where(eq(roleAssignments.userId, userId))
      .orderBy(asc(trusts.name), asc(roleAssignments.role)),
  );
  const byTrust = new Map<string, TrustChoice>();
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    const choice = byTrust.get(row.trustId) ?? {
      trustId: row.trustId,
      trustName: row.trustName,
      roles: [],
    };
    choice.roles.push({ role: row.role, department: row.department });
    byTrust.set(row.trustId, choice);
  }
  return [...byTrust.values()];
}
