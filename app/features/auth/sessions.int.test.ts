import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { sessions, users } from '../../db/schema';
import { demoEmail } from '../../db/seed.server';
import { cookiePair, requestWithCookie, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createAuth } from './auth.server';

const MINUTE = 60_000;

describe.each(TEST_DATABASES)('session lifetime on %s (injected clock)', (kind) => {
  let database: Database;
  let clock = new Date('2026-12-01T08:00:00Z');
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let auth: ReturnType<typeof createAuth>;
  let userId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    auth = createAuth(database.db, {
      secrets: TEST_SECRETS,
      secure: false,
      timeouts: { idleMinutes: 30, absoluteHours: 12 },
      now: () => clock,
      // As the server reads sessions: one statement as the app role on PostgreSQL.
      readAsApp: database.readAsApp,
    });
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoEmail('HBE', 'applicant')));
    userId = user?.id ?? '';
  });
  afterAll(() => database.close());

  const logIn = async (previous: string | null = null) => {
    const setCookie = await auth.login(userId, requestWithCookie(previous));
    return cookiePair(setCookie);
  };
  const lastSeen = async () =>
    (await database.db.select().from(sessions).where(eq(sessions.userId, userId))).map((s) =>
      s.lastSeenAt.toISOString(),
    );

  it('gives every login a new session id and ends the one the login request carried', async () => {
    const first = await logIn();
    expect(await auth.getActor(requestWithCookie(first))).not.toBeNull();
    const second = await logIn(first);
    expect(second).not.toBe(first);
    expect(await auth.getActor(requestWithCookie(first))).toBeNull();
    expect(await auth.getActor(requestWithCookie(second))).not.toBeNull();
    await auth.logout(requestWithCookie(second));
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual(
      [],
    );
  });

  it('writes last_seen_at at most once a minute', async () => {
    const cookie = await logIn();
    const start = clock.toISOString();
    tick(30_000);
    await auth.getActor(requestWithCookie(cookie));
    expect(await lastSeen()).toEqual([start]);
    tick(31_000);
    await auth.getActor(requestWithCookie(cookie));
    expect(await lastSeen()).toEqual([clock.toISOString()]);
    await auth.logout(requestWithCookie(cookie));
  });

  it('slides the idle timeout with use, and ends a session idle for 30 minutes', async () => {
    const cookie = await logIn();
    for (let i = 0; i < 4; i++) {
      tick(29 * MINUTE);
      expect(await auth.getActor(requestWithCookie(cookie))).not.toBeNull();
    }
    tick(30 * MINUTE);
    expect(await auth.getActor(requestWithCookie(cookie))).toBeNull();
    // Ended on the server, not only refused: the row is gone.
    expect(await lastSeen()).toEqual([]);
  });

  it('ends a session 12 hours after login however busy it is', async () => {
    const cookie = await logIn();
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      tick(20 * MINUTE);
      expect(
        await auth.getActor(requestWithCookie(cookie)),
        `after ${minutes} minutes`,
      ).not.toBeNull();
    }
    tick(20 * MINUTE);
    expect(await auth.getActor(requestWithCookie(cookie))).toBeNull();
    expect(await lastSeen()).toEqual([]);
  });

  it('purges other users’ expired sessions at login', async () => {
    const stale = await logIn();
    tick(31 * MINUTE);
    const fresh = await logIn();
    expect(await lastSeen()).toEqual([clock.toISOString()]);
    expect(await auth.getActor(requestWithCookie(stale))).toBeNull();
    await auth.logout(requestWithCookie(fresh));
  });

  it('reads the session once per HTTP request however many Request copies its loaders get', async () => {
    const cookie = await logIn();
    const other = await logIn();
    const scoped = auth.forRequest();
    const first = scoped.getActor(requestWithCookie(cookie));
    // React Router gives each loader its own copy of the Request: the scoped memo still hits.
    expect(scoped.getActor(requestWithCookie(cookie))).toBe(first);
    expect((await first)?.userId).toBe(userId);
    // Another cookie is read on its own, and the plain functions memoise per Request object only.
    const second = scoped.getActor(requestWithCookie(other));
    const plain = [
      auth.getActor(requestWithCookie(cookie)),
      auth.getActor(requestWithCookie(cookie)),
    ];
    expect(second).not.toBe(first);
    expect(plain[0]).not.toBe(plain[1]);
    await Promise.all([second, ...plain]);
    await auth.logout(requestWithCookie(cookie));
    await auth.logout(requestWithCookie(other));
    // A new HTTP request reads again: the ended session is gone.
    expect(await auth.forRequest().getActor(requestWithCookie(cookie))).toBeNull();
  });
});
