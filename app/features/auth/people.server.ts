import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/database.server';
import { roleAssignments, users } from '../../db/schema';
import type { Role } from './domain/roles';

export interface Person {
  id: string;
  name: string;
  title: string;
}

/**
 * The people holding any of `roles` in a trust (in any department), other than `exclude`, by
 * name: the one query behind co-author invitations, leader delegation, committee assignment and
 * role-based notification recipients.
 */
export async function peopleWithRoles(
  tx: Tx,
  trustId: string,
  roles: readonly Role[],
  exclude: readonly string[] = [],
): Promise<Person[]> {
  return tx
    .selectDistinct({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.trustId, trustId),
        inArray(roleAssignments.role, [...roles]),
        exclude.length > 0 ? notInArray(users.id, [...exclude]) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}
