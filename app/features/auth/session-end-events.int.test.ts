import { and, asc, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, type Database } from '../../db/database.server';
import { authEvents, roleAssignments, sessions, trusts, users } from '../../db/schema';
import { demoEmail, multiTrustDemoEmail } from '../../db/seed.server';
import { cookiePair, requestWithCookie, signIn, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { sqlState } from '../../test/refusals';
import { getTrustPerson } from '../admin/trust-admin.server';
import { createAuth } from './auth.server';
import { recordAuthEvent } from './events.server';

const MINUTE = 60_000;

describe.each(TEST_DATABASES)('sessions ended without a logout on %s', (kind) => {
  let database: Database;
  let auth: ReturnType<typeof createAuth>;
  const trustIds: Record<'HBE' | 'HST' | 'OUS', string> = { HBE: '', HST: '', OUS: '' };
  const people = { ingrid: '', endorser: '', decisionMaker: '', assessor: '', sigrid: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    // The real clock (idle 30 minutes, absolute 12 hours): a session is aged by moving its times.
    auth = createAuth(db, { secrets: TEST_SECRETS, secure: false, readAsApp: database.readAsApp });
    for (const code of ['HBE', 'HST', 'OUS'] as const) {
      const [trust] = await db.select().from(trusts).where(eq(trusts.code, code));
      trustIds[code] = trust?.id ?? '';
    }
    const person = async (email: string) => {
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!user) throw new Error(email);
      return user.id;
    };
    people.ingrid = await person(demoEmail('HBE', 'applicant'));
    people.endorser = await person(demoEmail('HBE', 'endorser'));
    people.decisionMaker = await person(demoEmail('HBE', 'decisionMaker'));
    people.assessor = await person(demoEmail('HBE', 'assessor'));
    people.sigrid = await person(multiTrustDemoEmail('sigrid.vangen'));
  });
  afterAll(() => database.close());

  /** Every event, oldest first, read as the owner (across trusts and users). */
  const allEvents = () => database.db.select().from(authEvents).orderBy(asc(authEvents.id));
  /** The events written while `fn` ran. */
  const eventsDuring = async (fn: () => Promise<unknown>) => {
    const before = (await allEvents()).length;
    await fn();
    return (await allEvents()).slice(before);
  };
  /** Logs `userId` in (carrying `previous`); the cookie and the login's session reference. */
  const logIn = async (userId: string, previous: string | null = null) => {
    let cookie = '';
    const added = await eventsDuring(async () => {
      cookie = cookiePair(await auth.login(userId, requestWithCookie(previous)));
    });
    const login = added.find((e) => e.kind === 'login' && e.userId === userId);
    if (!cookie || !login?.sessionRef) throw new Error('no login');
    return { cookie, ref: login.sessionRef };
  };
  /** Moves the times of the session with this reference (as the owner). */
  const age = (ref: string, times: { lastSeenAt?: Date; expiresAt?: Date }) =>
    database.db
      .update(sessions)
      .set(times)
      .where(like(sessions.id, `${ref}%`));
  const sessionExists = async (ref: string) =>
    (
      await database.db
        .select()
        .from(sessions)
        .where(like(sessions.id, `${ref}%`))
    ).length > 0;
  const ended = <E extends { kind: string }>(events: E[]) =>
    events.filter((e) => e.kind === 'sessionEnded');

  it('records nothing while a session is active', async () => {
    const { cookie } = await logIn(people.ingrid);
    const added = await eventsDuring(async () => {
      expect(await auth.getActor(requestWithCookie(cookie))).not.toBeNull();
      expect(await auth.getActor(requestWithCookie(cookie))).not.toBeNull();
    });
    expect(added).toEqual([]);
    await auth.logout(requestWithCookie(cookie));
  });

  it('records an idle session ended on its next request, paired with its login, ended at its last use + 30 minutes', async () => {
    const { cookie, ref } = await logIn(people.ingrid);
    const lastSeenAt = new Date(Date.now() - 45 * MINUTE);
    await age(ref, { lastSeenAt });
    const added = await eventsDuring(async () => {
      expect(await auth.getActor(requestWithCookie(cookie))).toBeNull();
    });
    expect(added).toEqual([
      expect.objectContaining({
        kind: 'sessionEnded',
        endReason: 'idle',
        userId: people.ingrid,
        trustId: trustIds.HBE,
        sessionRef: ref,
        endedAt: new Date(lastSeenAt.getTime() + 30 * MINUTE),
        method: null,
        refusal: null,
      }),
    ]);
    expect(added[0]?.createdAt.getTime()).toBeGreaterThan(added[0]?.endedAt?.getTime() ?? 0);
    expect(await sessionExists(ref)).toBe(false);
    // Ended once: the next request finds no session and records nothing.
    expect(await eventsDuring(() => auth.getActor(requestWithCookie(cookie)))).toEqual([]);
  });

  it('records a session past its absolute end, ended at expires_at', async () => {
    const { cookie, ref } = await logIn(people.ingrid);
    const expiresAt = new Date(Date.now() - 5 * MINUTE);
    await age(ref, { lastSeenAt: new Date(Date.now() - MINUTE), expiresAt });
    const added = await eventsDuring(async () => {
      expect(await auth.requireSignedIn(requestWithCookie(cookie)).catch(() => null)).toBeNull();
    });
    expect(added).toEqual([
      expect.objectContaining({
        kind: 'sessionEnded',
        endReason: 'absolute',
        userId: people.ingrid,
        trustId: trustIds.HBE,
        sessionRef: ref,
        endedAt: expiresAt,
      }),
    ]);
  });

  it('records the live session a login request carried as replaced, before the new login, for its own user and trusts', async () => {
    const first = await logIn(people.ingrid);
    const added = await eventsDuring(() =>
      auth.login(people.ingrid, requestWithCookie(first.cookie)),
    );
    expect(added.map((e) => e.kind)).toEqual(['sessionEnded', 'login']);
    expect(added[0]).toMatchObject({
      endReason: 'replaced',
      userId: people.ingrid,
      trustId: trustIds.HBE,
      sessionRef: first.ref,
    });
    // Replaced now: the database's clock, the record's own time.
    expect(added[0]?.endedAt).toEqual(added[0]?.createdAt);
    expect(added[1]?.sessionRef).not.toBe(first.ref);

    // Another user's session without a trust (roles in two trusts): kept in each of them.
    const pending = await logIn(people.sigrid);
    const other = await eventsDuring(() =>
      auth.login(people.ingrid, requestWithCookie(pending.cookie)),
    );
    const replaced = ended(other);
    expect(replaced.map((e) => e.trustId).sort()).toEqual([trustIds.HST, trustIds.OUS].sort());
    for (const e of replaced) {
      expect(e).toMatchObject({
        endReason: 'replaced',
        userId: people.sigrid,
        sessionRef: pending.ref,
      });
    }
  });

  it('records the session a change of trust rotates as ended by it, in the trust it was in, before the change', async () => {
    const pending = await logIn(people.sigrid);
    const chosen = await auth.chooseTrust(requestWithCookie(pending.cookie), trustIds.HST);
    if (!chosen.ok) throw new Error(chosen.refusal);
    const inHst = cookiePair(chosen.setCookie);
    const [choice] = (await allEvents())
      .filter((e) => e.kind === 'trustChanged' && e.userId === people.sigrid)
      .slice(-1);
    const added = await eventsDuring(() =>
      auth.chooseTrust(requestWithCookie(inHst), trustIds.OUS),
    );
    expect(added.map((e) => e.kind)).toEqual(['sessionEnded', 'trustChanged', 'trustChanged']);
    expect(added[0]).toMatchObject({
      endReason: 'trustChanged',
      userId: people.sigrid,
      trustId: trustIds.HST,
      sessionRef: choice?.sessionRef,
    });
    expect(added[0]?.endedAt).toEqual(added[0]?.createdAt);
    expect(await sessionExists(choice?.sessionRef ?? '')).toBe(false);
    // A refused change ends nothing.
    expect(
      await eventsDuring(() => auth.chooseTrust(requestWithCookie(inHst), trustIds.OUS)),
    ).toEqual([]);
  });

  it('records a carried session that had already timed out by its timeout, not as replaced', async () => {
    const first = await logIn(people.ingrid);
    const lastSeenAt = new Date(Date.now() - 50 * MINUTE);
    await age(first.ref, { lastSeenAt });
    const added = await eventsDuring(() =>
      auth.login(people.ingrid, requestWithCookie(first.cookie)),
    );
    expect(ended(added)).toEqual([
      expect.objectContaining({
        endReason: 'idle',
        sessionRef: first.ref,
        endedAt: new Date(lastSeenAt.getTime() + 30 * MINUTE),
      }),
    ]);
  });

  it('records every timed-out session of other users that a login sweeps away, and leaves active ones alone', async () => {
    const idle = await logIn(people.endorser);
    const old = await logIn(people.decisionMaker);
    const active = await logIn(people.assessor);
    const idleSeen = new Date(Date.now() - 31 * MINUTE);
    const expiresAt = new Date(Date.now() - 2 * MINUTE);
    await age(idle.ref, { lastSeenAt: idleSeen });
    await age(old.ref, { expiresAt });
    const added = await eventsDuring(() => auth.login(people.ingrid));
    const swept = ended(added);
    expect(swept).toHaveLength(2);
    expect(swept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          endReason: 'idle',
          userId: people.endorser,
          trustId: trustIds.HBE,
          sessionRef: idle.ref,
          endedAt: new Date(idleSeen.getTime() + 30 * MINUTE),
        }),
        expect.objectContaining({
          endReason: 'absolute',
          userId: people.decisionMaker,
          trustId: trustIds.HBE,
          sessionRef: old.ref,
          endedAt: expiresAt,
        }),
      ]),
    );
    expect(await sessionExists(idle.ref)).toBe(false);
    expect(await sessionExists(old.ref)).toBe(false);
    expect(await sessionExists(active.ref)).toBe(true);
    expect(added.filter((e) => e.userId === people.assessor)).toEqual([]);
    await auth.logout(requestWithCookie(active.cookie));
  });

  it('keeps the end of a session in no trust once the user holds no role in its trust', async () => {
    const { cookie, ref } = await logIn(people.assessor);
    const roles = await database.db
      .delete(roleAssignments)
      .where(
        and(eq(roleAssignments.userId, people.assessor), eq(roleAssignments.trustId, trustIds.HBE)),
      )
      .returning();
    await age(ref, { lastSeenAt: new Date(Date.now() - 40 * MINUTE) });
    const added = await eventsDuring(() => auth.getActor(requestWithCookie(cookie)));
    expect(added).toEqual([
      expect.objectContaining({
        kind: 'sessionEnded',
        endReason: 'idle',
        userId: people.assessor,
        trustId: null,
        sessionRef: ref,
      }),
    ]);
    await database.db.insert(roleAssignments).values(roles);
  });

  it('shows the administrator why and when a session ended', async () => {
    const { actor } = await signIn(database.db, 'HBE', 'trustAdmin');
    const page = await getTrustPerson(database.db, actor, people.ingrid);
    const ends = page.logins.filter((e) => e.kind === 'sessionEnded');
    expect(new Set(ends.map((e) => e.endReason))).toEqual(
      new Set(['idle', 'absolute', 'replaced']),
    );
    for (const e of ends) expect(e.endedAt).toBeInstanceOf(Date);
  });

  it('lets the application role record a session’s end only where the user holds a role, never later than now', async () => {
    const end = (trustId: string | null, endedAt: Date | null) =>
      inApp(database.db, (tx) =>
        recordAuthEvent(tx, {
          kind: 'sessionEnded',
          userId: people.ingrid,
          trustId,
          sessionRef: 'bogus',
          endReason: 'idle',
          endedAt,
        }),
      );
    // A trust where Ingrid holds no role: refused by log_auth_event() itself.
    expect(await sqlState(end(trustIds.OUS, new Date(Date.now() - MINUTE)))).toBe('42501');
    // Without a user, or without a reason, or a reason on another kind: refused.
    expect(
      await sqlState(
        inApp(database.db, (tx) =>
          recordAuthEvent(tx, {
            kind: 'sessionEnded',
            userId: null,
            trustId: null,
            hprNumber: '123456',
            endReason: 'idle',
          }),
        ),
      ),
    ).toBe('42501');
    expect(
      await sqlState(
        inApp(database.db, (tx) =>
          recordAuthEvent(tx, { kind: 'sessionEnded', userId: people.ingrid, trustId: null }),
        ),
      ),
    ).toBe('23514');
    expect(
      await sqlState(
        inApp(database.db, (tx) =>
          recordAuthEvent(tx, {
            kind: 'logout',
            userId: people.ingrid,
            trustId: trustIds.HBE,
            endReason: 'idle',
            endedAt: new Date(),
          }),
        ),
      ),
    ).toBe('23514');
    expect(
      await database.db.select().from(authEvents).where(eq(authEvents.sessionRef, 'bogus')),
    ).toEqual([]);
    // An end in the future is kept as now: the record never claims a session outlived it.
    await end(trustIds.HBE, new Date(Date.now() + 86_400_000));
    const [future] = await database.db
      .select()
      .from(authEvents)
      .where(eq(authEvents.sessionRef, 'bogus'));
    expect(future?.endedAt).toEqual(future?.createdAt);
    // Not even through a raw statement: no insert on the table for sp_app.
    expect(
      await sqlState(
        inApp(database.db, (tx) =>
          tx.execute(
            sql`insert into auth_events (user_id, kind, end_reason, ended_at) values (${people.ingrid}, 'sessionEnded', 'idle', now())`,
          ),
        ),
      ),
    ).toBe('42501');
  });
});
