import { aliasedTable, and, desc, eq, inArray, sql } from 'drizzle-orm';
import { inApp, type Db, type Tx } from '../../db/database.server';
import { authEvents, roleAssignments, trusts, users } from '../../db/schema';
import {
  asRecordedRefusal,
  AUTH_EVENTS_SHOWN,
  eventTrusts,
  isRecordedRefusal,
  sessionEnd,
  sessionEndTrusts,
  sessionRef,
  type AuthEventKind,
  type LoginMethod,
  type RecordedRefusal,
  type SessionEndReason,
  type LiveSessionEnd,
  type SessionTimes,
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
  endReason?: SessionEndReason | null;
  /** When the session ended (`sessionEnded`; null: now). The database stores no later than now. */
  endedAt?: Date | null;
}

/**
 * Writes events through `log_auth_event()` (migrations 0039, 0040: the application role cannot
 * insert into `auth_events` itself) in one statement however many (a login's sweep may end many
 * sessions), in the order given (the set is scanned in array order), in the caller's
 * transaction, so they commit or roll back with the session change they record.
 */
export async function recordAuthEvents(
  tx: Db | Tx,
  events: readonly AuthEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    kind: e.kind,
    user_id: e.userId,
    trust_id: e.trustId,
    method: e.method ?? null,
    refusal: e.refusal ?? null,
    hpr_number: e.hprNumber ?? null,
    from_trust_id: e.fromTrustId ?? null,
    to_trust_id: e.toTrustId ?? null,
    session_ref: e.sessionRef ?? null,
    end_reason: e.endReason ?? null,
    ended_at: e.endedAt?.toISOString() ?? null,
  }));
  await tx.execute(
    sql`select log_auth_event(e.kind, e.user_id, e.trust_id, e.method, e.refusal, e.hpr_number,
      e.from_trust_id, e.to_trust_id, e.session_ref, e.end_reason, e.ended_at)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(kind text, user_id uuid,
      trust_id uuid, method text, refusal text, hpr_number text, from_trust_id uuid,
      to_trust_id uuid, session_ref text, end_reason text, ended_at timestamptz)`,
  );
}

/** Writes one event (see `recordAuthEvents`). */
export async function recordAuthEvent(tx: Db | Tx, event: AuthEventInput): Promise<void> {
  await recordAuthEvents(tx, [event]);
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
  await recordAuthEvents(
    tx,
    eventTrusts(sessionTrustId, grants).map((trustId) => ({ ...event, trustId })),
  );
}

/** A deleted session row, as `recordSessionEnds` needs it. */
export interface EndedSession extends SessionTimes {
  id: string;
  userId: string;
  trustId: string | null;
}

/**
 * Records each deleted session as `sessionEnded`, in the transaction that deleted it: timed out
 * (idle or absolute, with the moment it did) or, if it was still live, ended by what deleted it
 * (`live`: a login, or a choice of trust; `sessionEnd` at `now`); in its trust, or each of the
 * user's trusts when it had none (`sessionEndTrusts`). The sessions' users' grants are read in one
 * query, the events written in one statement.
 */
export async function recordSessionEnds(
  tx: Db | Tx,
  ended: readonly EndedSession[],
  now: Date,
  idleMs: number,
  live: LiveSessionEnd = 'replaced',
): Promise<void> {
  if (ended.length === 0) return;
  const userIds = [...new Set(ended.map((s) => s.userId))];
  const grants = await tx
    .select({ userId: roleAssignments.userId, trustId: roleAssignments.trustId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds));
  const events = ended.flatMap((session) => {
    const { reason, endedAt } = sessionEnd(session, now, idleMs, live);
    const held = grants.filter((g) => g.userId === session.userId).map((g) => g.trustId);
    return sessionEndTrusts(session.trustId, held).map((trustId): AuthEventInput => ({
      kind: 'sessionEnded',
      userId: session.userId,
      trustId,
      sessionRef: sessionRef(session.id),
      endReason: reason,
      endedAt,
    }));
  });
  await recordAuthEvents(tx, events);
}

/** An event as the administrator's person page lists it. */
export interface AuthEventRow {
  kind: AuthEventKind;
  method: LoginMethod | null;
  refusal: RecordedRefusal | null;
  fromTrustName: string | null;
  toTrustName: string | null;
  sessionRef: string | null;
  endReason: SessionEndReason | null;
  /** When a session ended (`sessionEnded`); `at` is when the server recorded it. */
  endedAt: Date | null;
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
      endReason: authEvents.endReason,
      endedAt: authEvents.endedAt,
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
 * role in; with no user, by the HPR number only, shown to no trust): the user matched (each of
 * them, for a person known as two users), else the user holding the HPR number HelseID sent. A
 * refusal that names nobody is not recorded; never the identity number or a token.
 */
export async function recordLoginRefusal(
  db: Db,
  refusal: LoginRefusal,
  hprNumber: string | null,
  userId: string | readonly string[] | null,
): Promise<void> {
  if (!isRecordedRefusal(refusal)) return;
  await inApp(db, async (tx) => {
    const named = userId === null ? [] : typeof userId === 'string' ? [userId] : userId;
    const people = named.length > 0 ? named : [hprNumber ? await userByHpr(tx, hprNumber) : null];
    for (const user of people) {
      if (user === null && hprNumber === null) continue;
      await recordInTrusts(
        tx,
        { kind: 'loginRefused', userId: user, method: 'helseid', refusal, hprNumber },
        null,
        user ? await grantTrustIds(tx, user) : [],
      );
    }
  });
}
