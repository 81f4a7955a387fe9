import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/database.server';
import { caseConsultations, cases } from '../../db/schema';
import { peopleWithRoles } from '../auth/people.server';
import type { NotificationKind } from '../notifications/domain/kinds';
import { notify } from '../notifications/notifications.server';

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
 * The people of a consulted trust who are asked (told of the request) and so told when the
 * consultation ends without their answer: its medical directors.
 */
export async function askedIn(tx: Tx, consultedTrustId: string): Promise<string[]> {
  return (await peopleWithRoles(tx, consultedTrustId, ['decisionMaker'])).map((p) => p.id);
}

/**
 * Closes the case's pending grant (neither answered nor revoked; at most one), if there is one, as
 * revoked by the actor, in the caller's transaction: for the director's revocation
 * (`revokePendingGrant`, which names the grant: a pending grant under another id stays open), and
 * for the applicant's withdrawal (`endConsultationOnWithdrawal`). The database rule
 * (`consulted_case_ids()`) also ends the read access once the case has left `inConsultation`;
 * this keeps the grant's record telling the same. The grants closed, with the trust each was sent
 * to.
 */
async function closePendingGrant(
  tx: Tx,
  caseId: string,
  actorId: string,
  at: Date,
  grantId?: string,
): Promise<{ id: string; consultedTrustId: string }[]> {
  return tx
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
    .returning({ id: caseConsultations.id, consultedTrustId: caseConsultations.consultedTrustId });
}

/**
 * Tells the people asked at the consulted trust (`askedIn`: its medical directors, as for the
 * request) that the consultation ended without their answer, in the caller's transaction: the
 * applicant withdrew the case (`consultationWithdrawn`) or the director who asked took the question
 * back (`consultationRevoked`). They learn only that: nothing they had not seen. The notice keeps
 * the case number, since they can no longer read the case to show it.
 */
async function tellConsultationEnded(
  tx: Tx,
  c: { id: string; trustId: string; caseNumber: string | null },
  grants: readonly { consultedTrustId: string }[],
  kind: Extract<NotificationKind, 'consultationWithdrawn' | 'consultationRevoked'>,
  actorId: string,
): Promise<void> {
  for (const grant of grants) {
    await notify(tx, {
      trustId: c.trustId,
      caseId: c.id,
      kind,
      caseNumber: c.caseNumber,
      recipientIds: await askedIn(tx, grant.consultedTrustId),
      exceptUserId: actorId,
    });
  }
}

/**
 * The director takes the question back (`revokeConsultation`), in the transition's transaction:
 * the pending grant named is closed as revoked by them and the consulted trust is told
 * (`consultationRevoked`). False if no such grant is pending (nothing is closed or told).
 */
export async function revokePendingGrant(
  tx: Tx,
  c: { id: string; trustId: string; caseNumber: string | null },
  grantId: string,
  actorId: string,
): Promise<boolean> {
  const revoked = await closePendingGrant(tx, c.id, actorId, new Date(), grantId);
  await tellConsultationEnded(tx, c, revoked, 'consultationRevoked', actorId);
  return revoked.length > 0;
}

/**
 * The case leaves consultation other than by this module's answer or revocation (today only the
 * applicant's withdrawal): in the transition's transaction, the pending grant is closed as
 * revoked by the applicant (shown as ended by the withdrawal, `consultationState`) and the
 * consulted trust's people who were asked are told (`consultationWithdrawn`).
 */
export async function endConsultationOnWithdrawal(
  tx: Tx,
  c: { id: string; trustId: string; caseNumber: string | null },
  actorId: string,
  at: Date,
): Promise<void> {
  const closed = await closePendingGrant(tx, c.id, actorId, at);
  await tellConsultationEnded(tx, c, closed, 'consultationWithdrawn', actorId);
}
