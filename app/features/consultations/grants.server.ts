import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.server';
import { caseConsultations, cases } from '../../db/schema';

/** The cases the current trust may read as consulted trust (the database's one rule). */
export const consultedCaseIds = sql`(select consulted_case_ids())`;

/** Whether the transaction's trust holds an open consultation grant for the case. */
export async function isConsultedCase(tx: Tx, caseId: string): Promise<boolean> {
  const found = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), sql`${cases.id} in ${consultedCaseIds}`));
  return found.length > 0;
}

/** The open grants to the transaction's trust, by case (for its list of consultations). */
export function openGrantsToMe(tx: Tx, also?: SQL) {
  return tx
    .select()
    .from(caseConsultations)
    .where(and(sql`${caseConsultations.caseId} in ${consultedCaseIds}`, also));
}

/**
 * Closes the case's pending grant (neither answered nor revoked; at most one), if there is one, as
 * revoked by the actor, in the caller's transaction: for the director's revocation, which names
 * the grant (`grantId`: a pending grant under another id stays open), and for a transition that
 * takes the case out of consultation other than this module's answer and revocation (today the
 * applicant's withdrawal). The database rule (`consulted_case_ids()`) also ends the read access
 * once the case has left `inConsultation`; this keeps the grant's record telling the same.
 * Whether a grant was closed.
 */
export async function closePendingGrant(
  tx: Tx,
  caseId: string,
  actorId: string,
  at: Date,
  grantId?: string,
): Promise<boolean> {
  const closed = await tx
    .update(caseConsultations)
    .set({ revokedAt: at, revokedBy: actorId })
    .where(
      and(
        grantId === undefined ? undefined : eq(caseConsultations.id, grantId),
        eq(caseConsultations.caseId, caseId),
        isNull(caseConsultations.revokedAt),
        isNull(caseConsultations.answeredAt),
      ),
    )
    .returning({ id: caseConsultations.id });
  return closed.length > 0;
}
