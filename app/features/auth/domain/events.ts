import type { LoginRefusal } from './helseid';

/**
 * The lasting log of authentication events (OWASP ASVS V7.2, Normen: logins are traceable after
 * the session row is gone): logins, refused logins, logouts, changes of trust and sessions ended
 * without a logout. Each event is kept in the trust(s) it concerns, so that trust's administrator
 * reads it on the person page.
 */
export const AUTH_EVENT_KINDS = [
  'login',
  'loginRefused',
  'logout',
  'trustChanged',
  'sessionEnded',
] as const;
export type AuthEventKind = (typeof AUTH_EVENT_KINDS)[number];

/** How a user logged in: the development login (never in production) or HelseID. */
export const LOGIN_METHODS = ['development', 'helseid'] as const;
export type LoginMethod = (typeof LOGIN_METHODS)[number];

/**
 * The refusals worth a lasting record: those after HelseID identified the person (security level
 * too low, no user with roles, known as two users who have both logged in). The others (cancelled, expired flow, provider error, unreadable
 * claims) name nobody.
 */
export const RECORDED_REFUSALS = [
  'securityLevel',
  'unknownUser',
  'duplicatePerson',
] as const satisfies readonly LoginRefusal[];
export type RecordedRefusal = (typeof RECORDED_REFUSALS)[number];

export const isRecordedRefusal = (refusal: LoginRefusal): refusal is RecordedRefusal =>
  (RECORDED_REFUSALS as readonly string[]).includes(refusal);

/** A stored refusal read back: one of RECORDED_REFUSALS, or null. */
export const asRecordedRefusal = (value: string | null): RecordedRefusal | null =>
  RECORDED_REFUSALS.find((r) => r === value) ?? null;

/**
 * Why a session ended without a logout (`sessionEnded`): unused for the idle timeout, past its
 * absolute lifetime, still live when a login request carried it (ended against fixation), or
 * rotated to a new session by a choice or change of trust (the `trustChanged` event carries the
 * new session's reference).
 */
export const SESSION_END_REASONS = ['idle', 'absolute', 'replaced', 'trustChanged'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Why a session still live when it was deleted ended: a login replaced it, or a trust choice. */
export type LiveSessionEnd = Extract<SessionEndReason, 'replaced' | 'trustChanged'>;

/** A session's clock: its absolute end and its last use (the idle timeout counts from there). */
export interface SessionTimes {
  expiresAt: Date;
  lastSeenAt: Date;
}

/**
 * When a session times out, and why: its absolute end or its last use plus the idle timeout,
 * whichever comes first (the absolute end on a tie).
 */
export function sessionTimeout(
  session: SessionTimes,
  idleMs: number,
): { reason: 'idle' | 'absolute'; at: Date } {
  const idleEnd = new Date(session.lastSeenAt.getTime() + idleMs);
  return session.expiresAt <= idleEnd
    ? { reason: 'absolute', at: session.expiresAt }
    : { reason: 'idle', at: idleEnd };
}

/**
 * How a session deleted at `now` ended: timed out (idle or absolute) at the moment it did, or, if
 * still live, by what deleted it (`live`: a login by default; `endedAt` null: it ends now, and the
 * database's clock says when).
 */
export function sessionEnd(
  session: SessionTimes,
  now: Date,
  idleMs: number,
  live: LiveSessionEnd = 'replaced',
): { reason: SessionEndReason; endedAt: Date | null } {
  const timeout = sessionTimeout(session, idleMs);
  return timeout.at <= now
    ? { reason: timeout.reason, endedAt: timeout.at }
    : { reason: live, endedAt: null };
}

/** How many of a person's events the administrator's person page lists (newest first). */
export const AUTH_EVENTS_SHOWN = 50;

/**
 * Hex characters of the session id (itself the SHA-256 of the token) kept as a correlation: enough
 * to tell a login, its change of trust and its logout apart, too short to be the session id.
 */
export const SESSION_REF_LENGTH = 12;

/** The correlation kept for a session: a short prefix of its id (never the token or the id). */
export function sessionRef(sessionId: string): string {
  return sessionId.slice(0, SESSION_REF_LENGTH);
}

/**
 * The trusts an event is recorded in: the session's trust when it has one; otherwise (a user with
 * roles in several trusts who has not chosen one yet, or a refusal) every trust the user holds a
 * role in, each once, so each of their administrators sees it; `[null]` when there is none (kept,
 * but shown to no trust).
 */
export function eventTrusts(
  sessionTrustId: string | null,
  grantTrustIds: readonly string[],
): (string | null)[] {
  if (sessionTrustId !== null) return [sessionTrustId];
  const unique = [...new Set(grantTrustIds)];
  return unique.length > 0 ? unique : [null];
}

/**
 * The trusts a session's end is recorded in: as `eventTrusts`, but `log_auth_event()` keeps it
 * only where the user still holds a role (or in no trust). A session whose trust the user has
 * since lost every role in is kept in no trust (`[null]`: the owner's record only).
 */
export function sessionEndTrusts(
  sessionTrustId: string | null,
  grantTrustIds: readonly string[],
): (string | null)[] {
  if (sessionTrustId !== null && !grantTrustIds.includes(sessionTrustId)) return [null];
  return eventTrusts(sessionTrustId, grantTrustIds);
}

/**
 * The trusts a change of trust is recorded in: the new trust, and the one left (when there was
 * one and it differs), so both administrators see who moved from where to where.
 */
export function trustChangeTrusts(fromTrustId: string | null, toTrustId: string): string[] {
  return fromTrustId !== null && fromTrustId !== toTrustId ? [toTrustId, fromTrustId] : [toTrustId];
}
