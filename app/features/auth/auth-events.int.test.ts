import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, inTenant, type Database } from '../../db/database.server';
import { authEvents, sessions, trusts, users } from '../../db/schema';
import { demoEmail, multiTrustDemoEmail } from '../../db/seed.server';
import { cookiePair, demoActors, requestWithCookie, TEST_SECRETS } from '../../test/actors';
import type { TrustActors } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { getTrustPerson } from '../admin/trust-admin.server';
import { CaseError } from '../cases/domain/errors';
import { runRetention } from '../retention/retention.server';
import { AUTH_EVENTS_SHOWN, SESSION_REF_LENGTH } from './domain/events';
import { createAuth } from './auth.server';
import { recordAuthEvent, recordLoginRefusal } from './events.server';
import { sqlState } from '../../test/refusals';

const YEAR_MS = 365.25 * 86_400_000;

describe.each(TEST_DATABASES)('the authentication event log on %s', (kind) => {
  let database: Database;
  let auth: ReturnType<typeof createAuth>;
  let hbe: TrustActors;
  let ous: TrustActors;
  const trustIds: Record<'HBE' | 'HST' | 'OUS', string> = { HBE: '', HST: '', OUS: '' };
  let sigrid = { id: '', hprNumber: '' };
  let ingrid = { id: '', hprNumber: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    auth = createAuth(db, { secrets: TEST_SECRETS, secure: false, readAsApp: database.readAsApp });
    hbe = await demoActors(db, 'HBE');
    ous = await demoActors(db, 'OUS');
    for (const code of ['HBE', 'HST', 'OUS'] as const) {
      const [trust] = await db.select().from(trusts).where(eq(trusts.code, code));
      trustIds[code] = trust?.id ?? '';
    }
    const person = async (email: string) => {
      const [user] = await db.select().from(users).where(eq(users.email, email));
      if (!user?.hprNumber) throw new Error(email);
      return { id: user.id, hprNumber: user.hprNumber };
    };
    sigrid = await person(multiTrustDemoEmail('sigrid.vangen'));
    ingrid = await person(demoEmail('HBE', 'applicant'));
  });
  afterAll(() => database.close());

  /** Every event of a user, oldest first, read as the owner (across trusts). */
  const eventsOf = (userId: string) =>
    database.db
      .select()
      .from(authEvents)
      .where(eq(authEvents.userId, userId))
      .orderBy(asc(authEvents.id));
  const newEvents = async (userId: string, before: number) =>
    (await eventsOf(userId)).slice(before);
  const sessionIdOf = async (cookie: string) => {
    const [row] = await database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, ingrid.id))
      .orderBy(sql`${sessions.createdAt} desc`);
    expect(cookie).not.toBe('');
    return row?.id ?? '';
  };

  it('records a development login in the session trust, with a short session reference and no token', async () => {
    const before = (await eventsOf(ingrid.id)).length;
    const setCookie = await auth.login(ingrid.id);
    const cookie = cookiePair(setCookie);
    const token = decodeURIComponent(cookie.split('=')[1] ?? '');
    const sessionId = await sessionIdOf(cookie);
    const added = await newEvents(ingrid.id, before);
    expect(added).toEqual([
      expect.objectContaining({
        kind: 'login',
        method: 'development',
        trustId: trustIds.HBE,
        refusal: null,
        fromTrustId: null,
        toTrustId: null,
        sessionRef: sessionId.slice(0, SESSION_REF_LENGTH),
      }),
    ]);
    const stored = JSON.stringify(added);
    expect(stored).not.toContain(sessionId);
    expect(token.length).toBeGreaterThan(20);
    expect(stored).not.toContain(token.split('.')[0]);
  });

  it('records a HelseID login with its method', async () => {
    const before = (await eventsOf(ingrid.id)).length;
    expect(await auth.login(ingrid.id, undefined, 'helseid')).not.toBeNull();
    expect(await newEvents(ingrid.id, before)).toEqual([
      expect.objectContaining({ kind: 'login', method: 'helseid', trustId: trustIds.HBE }),
    ]);
  });

  it('records nothing for a user without roles (no session either)', async () => {
    const total = async () => (await database.db.select().from(authEvents)).length;
    const count = await total();
    expect(await auth.login('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await total()).toBe(count);
  });

  it('records a multi-trust login in each trust, the first choice and a switch (from → to), each ending the session it rotates', async () => {
    const before = (await eventsOf(sigrid.id)).length;
    const pending = cookiePair(await auth.login(sigrid.id));
    const login = await newEvents(sigrid.id, before);
    expect(login.map((e) => e.trustId).sort()).toEqual([trustIds.HST, trustIds.OUS].sort());
    expect(login.every((e) => e.kind === 'login' && e.sessionRef === login[0]?.sessionRef)).toBe(
      true,
    );

    const chosen = await auth.chooseTrust(requestWithCookie(pending), trustIds.OUS);
    if (!chosen.ok) throw new Error(chosen.refusal);
    const choice = await newEvents(sigrid.id, before + login.length);
    // The session without a trust ends where its login was recorded (both trusts), then the choice.
    expect(choice.map((e) => e.kind)).toEqual(['sessionEnded', 'sessionEnded', 'trustChanged']);
    expect(
      choice
        .slice(0, 2)
        .map((e) => e.trustId)
        .sort(),
    ).toEqual([trustIds.HST, trustIds.OUS].sort());
    expect(choice[2]?.trustId).toBe(trustIds.OUS);
    for (const e of choice.slice(0, 2)) {
      expect(e).toMatchObject({ endReason: 'trustChanged', sessionRef: login[0]?.sessionRef });
      expect(e.endedAt).toEqual(e.createdAt);
    }
    expect(choice[2]).toMatchObject({ fromTrustId: null, toTrustId: trustIds.OUS });
    expect(choice[2]?.sessionRef).not.toBe(login[0]?.sessionRef);

    const switched = await auth.chooseTrust(
      requestWithCookie(cookiePair(chosen.setCookie)),
      trustIds.HST,
    );
    if (!switched.ok) throw new Error(switched.refusal);
    const switchEvents = await newEvents(sigrid.id, before + login.length + choice.length);
    // The chosen session ends in the trust it was in; the change is kept in both.
    expect(switchEvents[0]).toMatchObject({
      kind: 'sessionEnded',
      endReason: 'trustChanged',
      trustId: trustIds.OUS,
      sessionRef: choice[2]?.sessionRef,
    });
    const change = switchEvents.slice(1);
    expect(change.map((e) => e.trustId)).toEqual([trustIds.HST, trustIds.OUS]);
    for (const e of change) {
      expect(e).toMatchObject({
        kind: 'trustChanged',
        fromTrustId: trustIds.OUS,
        toTrustId: trustIds.HST,
      });
    }
    expect(change[0]?.sessionRef).not.toBe(choice[2]?.sessionRef);

    // A refused choice (no role there) records nothing.
    const count = (await eventsOf(sigrid.id)).length;
    const refused = await auth.chooseTrust(
      requestWithCookie(cookiePair(switched.setCookie)),
      trustIds.HBE,
    );
    expect(refused).toEqual({ ok: false, refusal: 'noRoleInTrust' });
    expect((await eventsOf(sigrid.id)).length).toBe(count);

    // Logout in the session's trust, once.
    const out = requestWithCookie(cookiePair(switched.setCookie));
    await auth.logout(out);
    const logout = await newEvents(sigrid.id, count);
    expect(logout).toEqual([
      expect.objectContaining({
        kind: 'logout',
        trustId: trustIds.HST,
        sessionRef: change[0]?.sessionRef,
      }),
    ]);
    await auth.logout(out);
    expect((await eventsOf(sigrid.id)).length).toBe(count + 1);
  });

  it('records a logout before a trust is chosen in each of the user’s trusts', async () => {
    const before = (await eventsOf(sigrid.id)).length;
    const pending = cookiePair(await auth.login(sigrid.id));
    await auth.logout(requestWithCookie(pending));
    const added = await newEvents(sigrid.id, before);
    const logouts = added.filter((e) => e.kind === 'logout');
    expect(logouts.map((e) => e.trustId).sort()).toEqual([trustIds.HST, trustIds.OUS].sort());
  });

  it('records refused HelseID logins of a known person by user or HPR number, and nothing else', async () => {
    const total = async () => (await database.db.select().from(authEvents)).length;
    const before = (await eventsOf(ingrid.id)).length;
    // Security level too low: the HPR number names the user.
    await recordLoginRefusal(database.db, 'securityLevel', ingrid.hprNumber, null);
    // Matched, but no session (no roles): the user is known.
    await recordLoginRefusal(database.db, 'unknownUser', null, ingrid.id);
    expect(await newEvents(ingrid.id, before)).toEqual([
      expect.objectContaining({
        kind: 'loginRefused',
        method: 'helseid',
        refusal: 'securityLevel',
        hprNumber: ingrid.hprNumber,
        trustId: trustIds.HBE,
        sessionRef: null,
      }),
      expect.objectContaining({
        kind: 'loginRefused',
        refusal: 'unknownUser',
        trustId: trustIds.HBE,
      }),
    ]);
    // An HPR number no user has: kept by the number, in no trust.
    await recordLoginRefusal(database.db, 'unknownUser', '987654321', null);
    const [unknown] = await database.db
      .select()
      .from(authEvents)
      .where(eq(authEvents.hprNumber, '987654321'));
    expect(unknown).toMatchObject({ userId: null, trustId: null, refusal: 'unknownUser' });
    // Refusals that name nobody are not recorded.
    const count = await total();
    await recordLoginRefusal(database.db, 'cancelled', ingrid.hprNumber, ingrid.id);
    await recordLoginRefusal(database.db, 'invalidClaims', null, null);
    await recordLoginRefusal(database.db, 'securityLevel', null, null);
    expect(await total()).toBe(count);
  });

  it('lets the application role write only through log_auth_event(), and only a login where the user holds a role', async () => {
    const admin = hbe.trustAdmin;
    const insert = `insert into auth_events (trust_id, user_id, kind) values ('${admin.trustId}', '${admin.userId}', 'login')`;
    expect(await sqlState(inTenant(database.db, admin, (tx) => tx.execute(sql.raw(insert))))).toBe(
      '42501',
    );
    for (const change of ['update auth_events set kind = kind', 'delete from auth_events']) {
      expect(
        await sqlState(inTenant(database.db, admin, (tx) => tx.execute(sql.raw(change)))),
      ).toBe('42501');
    }
    // A login into a trust where the user holds no role is refused by the function itself.
    expect(
      await sqlState(
        inApp(database.db, (tx) =>
          recordAuthEvent(tx, {
            kind: 'login',
            userId: ingrid.id,
            trustId: trustIds.OUS,
            method: 'development',
          }),
        ),
      ),
    ).toBe('42501');
  });

  it('shows the administrator the person’s events in their own trust only, newest first', async () => {
    const hbePage = await getTrustPerson(database.db, hbe.trustAdmin, ingrid.id);
    const ownRows = await database.db
      .select({ id: authEvents.id })
      .from(authEvents)
      .where(sql`${authEvents.userId} = ${ingrid.id} and ${authEvents.trustId} = ${trustIds.HBE}`);
    expect(hbePage.logins).toHaveLength(ownRows.length);
    expect(hbePage.logins[0]).toMatchObject({ kind: 'loginRefused', refusal: 'unknownUser' });
    expect(hbePage.logins.at(-1)).toMatchObject({ kind: 'login', method: 'development' });
    const times = hbePage.logins.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Sigrid at OUS: the OUS rows only, never the HST ones.
    const ousPage = await getTrustPerson(database.db, ous.trustAdmin, sigrid.id);
    const all = await eventsOf(sigrid.id);
    const inOus = all.filter((e) => e.trustId === trustIds.OUS);
    expect(all.length).toBeGreaterThan(inOus.length);
    expect(ousPage.logins).toHaveLength(inOus.length);
    expect(ousPage.logins[0]).toMatchObject({ kind: 'logout' });
    expect(ousPage.logins).toContainEqual(
      expect.objectContaining({
        kind: 'trustChanged',
        fromTrustName: 'Oslo universitetssykehus HF',
        toTrustName: 'Helse Stavanger HF',
      }),
    );

    // Another trust's person is not found; the policy hides their rows even in raw SQL.
    await expect(getTrustPerson(database.db, ous.trustAdmin, ingrid.id)).rejects.toBeInstanceOf(
      CaseError,
    );
    const seen = await inTenant(database.db, ous.trustAdmin, (tx) =>
      tx.select().from(authEvents).where(eq(authEvents.userId, ingrid.id)),
    );
    expect(seen).toEqual([]);
  });

  it(`lists at most ${AUTH_EVENTS_SHOWN} events, the newest`, async () => {
    const user = hbe.endorser.userId;
    for (let i = 0; i < AUTH_EVENTS_SHOWN + 5; i++) {
      await inApp(database.db, (tx) =>
        recordAuthEvent(tx, {
          kind: 'logout',
          userId: user,
          trustId: trustIds.HBE,
          sessionRef: `r${i}`,
        }),
      );
    }
    const page = await getTrustPerson(database.db, hbe.trustAdmin, user);
    expect(page.logins).toHaveLength(AUTH_EVENTS_SHOWN);
    expect(page.logins[0]?.sessionRef).toBe(`r${AUTH_EVENTS_SHOWN + 4}`);
    expect(page.logins.at(-1)?.sessionRef).toBe('r5');
  });

  it('deletes events older than ten years in the retention job, and keeps the younger', async () => {
    const now = new Date();
    const at = (years: number, days: number) =>
      new Date(now.getTime() - years * YEAR_MS + days * 86_400_000);
    // Written as the owner: the application role cannot backdate an event.
    const [old] = await database.db
      .insert(authEvents)
      .values({ kind: 'logout', userId: ingrid.id, trustId: trustIds.HBE, createdAt: at(10, -2) })
      .returning({ id: authEvents.id });
    const [young] = await database.db
      .insert(authEvents)
      .values({ kind: 'logout', userId: ingrid.id, trustId: trustIds.HBE, createdAt: at(10, 2) })
      .returning({ id: authEvents.id });
    const result = await runRetention(database.db, now);
    expect(result.authEventsDeleted).toBe(1);
    const left = (await eventsOf(ingrid.id)).map((e) => e.id);
    expect(left).not.toContain(old?.id);
    expect(left).toContain(young?.id);
    expect(left.length).toBeGreaterThan(1);
    expect((await runRetention(database.db, now)).authEventsDeleted).toBe(0);
  });
});
