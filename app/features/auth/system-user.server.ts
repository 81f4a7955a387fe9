import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { users } from '../../db/schema';

/** The system user's e-mail: its key (`.invalid` is never deliverable, RFC 2606). */
export const SYSTEM_EMAIL = 'system@soknadsportal.invalid';

/**
 * The user the background jobs act as in the audit trail, in the role `system` (SYSTEM_ROLE): the
 * follow-up job's `beginFollowUp` and the retention job's `anonymise`. One row across trusts,
 * created on first use. It holds no role in any trust and has no HPR number, identity number or
 * session, so no one can sign in as it and it appears in no trust's user lists. Call it with the
 * owner's connection outside a tenant transaction (`users` is national reference data).
 */
export async function systemUserId(db: Db): Promise<string> {
  const find = () => db.select({ id: users.id }).from(users).where(eq(users.email, SYSTEM_EMAIL));
  const [found] = await find();
  if (found) return found.id;
  await db
    .insert(users)
    .values({ name: 'Søknadsportal', title: 'Automatisk behandling', email: SYSTEM_EMAIL })
    .onConflictDoNothing({ target: users.email });
  const [user] = await find();
  if (!user) throw new Error('No system user');
  return user.id;
}
