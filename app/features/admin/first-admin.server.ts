import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { roleAssignmentEvents, roleAssignments, trusts } from '../../db/schema';
import { parsePerson, type AdminFieldErrors, type PersonField } from './domain/people';
import { personByIdentityIn } from './trust-admin.server';

/** What the operator gives for a trust's first administrator. */
export interface FirstAdminInput {
  trustCode: string;
  name: string;
  title: string;
  email: string;
  /** An HPR number, or the identity number of someone without one. */
  idNumber: string;
}

export type FirstAdminResult =
  | { ok: true; userId: string; trustName: string; existing: boolean }
  | { ok: false; refusal: 'trustUnknown' | 'hasAdmin' | 'emailTaken' }
  | { ok: false; errors: AdminFieldErrors<PersonField> };

/**
 * Makes a person the first administrator (`trustAdmin`) of a trust that has none: the one way into
 * a new production installation, where HelseID lets in only people the database knows and only an
 * administrator can add them (BRIEF §2, ADR 0018). Run by the operator with the database's owner
 * rights (`npm run admin:first`), not by the application: it is refused once the trust has an
 * administrator, who adds everyone else in the app, where each grant names who made it.
 *
 * The person is found by HPR number or identity number (HelseID's login matches on them; the
 * identity number only as its hash, keyed by `pidSecret`) and created if unknown, with
 * the same validation as the administrator's «Legg til person»; a known person keeps their name
 * and e-mail. The grant is recorded in the trust's role history with no acting user (the
 * operator). One transaction, serialised per trust, so two runs cannot both grant.
 */
export async function addFirstAdmin(
  db: Db,
  input: FirstAdminInput,
  pidSecret: string,
): Promise<FirstAdminResult> {
  const parsed = parsePerson({
    name: input.name,
    title: input.title,
    email: input.email,
    idNumber: input.idNumber,
    role: 'trustAdmin',
    departmentId: '',
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const person = parsed.value;
  return db.transaction(async (tx): Promise<FirstAdminResult> => {
    const [trust] = await tx
      .select({ id: trusts.id, name: trusts.name })
      .from(trusts)
      .where(eq(trusts.code, input.trustCode.trim().toUpperCase()));
    if (!trust) return { ok: false, refusal: 'trustUnknown' };
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`first-admin:${trust.id}`}))`);
    const [admin] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.trustId, trust.id), eq(roleAssignments.role, 'trustAdmin')))
      .limit(1);
    if (admin) return { ok: false, refusal: 'hasAdmin' };
    const found = await personByIdentityIn(tx, person, pidSecret);
    if (!found) return { ok: false, refusal: 'emailTaken' };
    await tx
      .insert(roleAssignments)
      .values({ userId: found.userId, trustId: trust.id, role: 'trustAdmin' });
    await tx.insert(roleAssignmentEvents).values({
      trustId: trust.id,
      userId: found.userId,
      action: 'granted',
      role: 'trustAdmin',
      actorId: null,
    });
    return { ok: true, ...found, trustName: trust.name };
  });
}
