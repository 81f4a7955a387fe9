import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  AUTH_EVENT_KINDS,
  LOGIN_METHODS,
  SESSION_END_REASONS,
} from '../features/auth/domain/events';
import { tenantPolicy, trusts, users } from './schema';

/**
 * The lasting log of authentication events (features/auth, `domain/events.ts`): logins (with the
 * method), refused HelseID logins of a known person, logouts, changes of trust and sessions ended
 * without a logout (timeout, or replaced at login). A sessions row ends; this stays (10 years, the
 * access log's period, features/retention). Written only through `log_auth_event()` (migrations
 * 0039, 0040), in the transaction of the session change;
 * the application role reads its bound trust's rows and cannot write, change or delete any.
 * No token and no session id: only a short prefix of the id as a correlation (`session_ref`).
 */
export const authEvents = pgTable(
  'auth_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The trust the event concerns; null for a refusal of a person with roles nowhere. */
    trustId: uuid('trust_id').references(() => trusts.id),
    /** Null only for a refused login whose HPR number matches no user. */
    userId: uuid('user_id').references(() => users.id),
    kind: text('kind', { enum: AUTH_EVENT_KINDS }).notNull(),
    /** The login method (`login`, and a refused HelseID login). */
    method: text('method', { enum: LOGIN_METHODS }),
    /** Why a login was refused (`loginRefused`). */
    refusal: text('refusal'),
    /** The HPR number HelseID sent with a refused login (public register number). */
    hprNumber: text('hpr_number'),
    /** The trust left (`trustChanged`; null at the first choice after login). */
    fromTrustId: uuid('from_trust_id').references(() => trusts.id),
    /** The trust chosen (`trustChanged`; the row is kept in this trust and in the one left). */
    toTrustId: uuid('to_trust_id').references(() => trusts.id),
    /** A short prefix of the session id: correlates a login, its changes of trust and logout. */
    sessionRef: text('session_ref'),
    /** Why a session ended without a logout (`sessionEnded`). */
    endReason: text('end_reason', { enum: SESSION_END_REASONS }),
    /**
     * When the session ended (`sessionEnded`): the moment it timed out, which the server may
     * notice much later (`created_at`, the record's time); never after `created_at`.
     */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('auth_events_user').on(t.trustId, t.userId, t.id),
    index('auth_events_created').on(t.createdAt),
    check(
      'auth_events_kind',
      sql`${t.kind} in ('login', 'loginRefused', 'logout', 'trustChanged', 'sessionEnded')`,
    ),
    check('auth_events_who', sql`${t.userId} is not null or ${t.hprNumber} is not null`),
    check('auth_events_change', sql`(${t.kind} = 'trustChanged') = (${t.toTrustId} is not null)`),
    check(
      'auth_events_end',
      sql`(${t.kind} = 'sessionEnded') = (${t.endReason} is not null) and (${t.kind} = 'sessionEnded') = (${t.endedAt} is not null)`,
    ),
    check(
      'auth_events_end_reason',
      sql`${t.endReason} in ('idle', 'absolute', 'replaced', 'trustChanged')`,
    ),
    tenantPolicy('auth_events'),
  ],
).enableRLS();
