import { aliasedTable, and, desc, eq, sql } from 'drizzle-orm';
import { inApp, type Db, type Tx } from '../../db/database.server';
import { authEvents, roleAssignments, trusts, users } from '../../db/schema';
import {
  asRecordedRefusal,
  AUTH_EVENTS_SHOWN,
  eventTrusts,
  isRecordedRefusal,
  type AuthEventKind,
  type LoginMethod,
  type RecordedRefusal,
} from './domain/events';
import type { LoginRefusal } from './domain/helseid';

/** One authentication event, as written (see `domain/events.ts`). */
export interface AuthEventInput {
  kind: AuthEventKind;
  userId: string | null;
  trustId: string | null;
  method?: LoginMethod | null;
  refusal?: RecordedRefusal | null;
  hprNumber?: string | null;
  fromTrustId?: string | null;
  toTrustId?: string | null;
  sessionRef?: string | null;
}

/**
 * Writes one event through `log_auth_event()` (migration 0039: the application role cannot insert
 * into `auth_events` itself), in the caller's transaction, so it commits or rolls back with the
 * session change it records.
 */
export async function recordAuthEvent(tx: Db | Tx, event: AuthEventInput): Promise<void> {
  await tx.execute(
    sql`select log_auth_event(${event.kind}, ${event.userId}::uuid, ${event.trustId}::uuid, ${
      event.method ?? null
    }, ${event.refusal ?? null}, ${event.hprNumber ?? null}, ${
      event.fromTrustId ?? null
    }::uuid, ${event.toTrustId ?? null}::uuid, ${event.sessionRef ?? null})`,
  );
}

/** The trusts a user holds a role in (for an event without a session trust). */
export async function grantTrustIds(tx: Db | Tx, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ trustId: roleAssignments.trustId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => r.trustId);
}

/**
 * Writes the event in each trust it concerns (`eventTrusts`): the session's trust, or every trust
 * the user holds a role in.
 */
export async function recordInTrusts(
  tx: Db | Tx,
  event: Omit<AuthEventInput, 'trustId'>,
  sessionTrustId: string | null,
  grants: readonly string[],
): Promise<void> {
  for (const trustId of eventTrusts(sessionTrustId, grants)) {
    await recordAuthEvent(tx, { ...event, trustId });
  }
}

/** An event as the administrator's person page lists it. */
export interface AuthEventRow {
  kind: AuthEventKind;
  method: LoginMethod | null;
  refusal: RecordedRefusal | null;
  fromTrustName: string | null;
  toTrustName: string | null;
  sessionRef: string | null;
  at: Date;
}

/**
 * A person's latest events in `trustId`, newest first (at most AUTH_EVENTS_SHOWN). Call inside a
 * transaction bound to that trust: the tenant policy hides every other trust's events.
 */
export async function listAuthEvents(
  tx: Tx,
  trustId: string,
  userId: string,
  limit = AUTH_EVENTS_SHOWN,
): Promise<AuthEventRow[]> {
  const from = aliasedTable(trusts, 'from_trust');
  const to = aliasedTable(trusts, 'to_trust');
  const rows = await tx
    .select({
      kind: authEvents.kind,
      method: authEvents.method,
      refusal: authEvents.refusal,
      fromTrustName: from.name,
      toTrustName: to.name,
      sessionRef: authEvents.sessionRef,
      at: authEvents.createdAt,
    })
    .from(authEvents)
    .leftJoin(to, eq(to.id, authEvents.toTrustId))
    .leftJoin(from, eq(from.id, authEvents.fromTrustId))
    .where(and(eq(authEvents.trustId, trustId), eq(authEvents.userId, userId)))
    .orderBy(desc(authEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, refusal: asRecordedRefusal(r.refusal) }));
}

/** The user with this HPR number, if any (a refused HelseID login names them by it). */
export async function userByHpr(tx: Db | Tx, hprNumber: string): Promise<string | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.hprNumber, hprNumber));
  return row?.id ?? null;
}

/**
 * A refused HelseID login of a known person, kept in `auth_events` (in each trust the user holds a
 * role in; with no user, by the HPR number only, shown to no trust): the user matched, else the
 * user holding the HPR number HelseID sent. A refusal that names nobody is not recorded; never the
 * identity number or a token.
 */
export async function recordLoginRefusal(
  db: Db,
  refusal: LoginRefusal,
  hprNumber: string | null,
  userId: string | null,
): Promise<void> {
  if (!isRecordedRefusal(refusal)) return;
  await inApp(db, async (tx) => {
    const user = userId ?? (hprNumber ? await userByHpr(tx, hprNumber) : null);
    if (user === null && hprNumber === null) return;
    const grants = user ? await grantTrustIds(tx, user) : [];
    await recordInTrusts(
      tx,
      { kind: 'loginRefused', userId: user, method: 'helseid', refusal, hprNumber },
      null,
      grants,
    );
  });
}
