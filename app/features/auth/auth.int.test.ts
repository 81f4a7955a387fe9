import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { roleAssignments, sessions, trusts, users } from '../../db/schema';
import { DEMO_MULTI_TRUST_PEOPLE, DEMO_PEOPLE, DEMO_TRUSTS, seed } from '../../db/seed.server';
import { requestWithCookie, signIn, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createAuth, listDemoUsers } from './auth.server';
import { ROLES } from './domain/roles';

describe.each(TEST_DATABASES)('auth and seed on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('seeds all trusts and the demo users (one per role per demo trust, a few more, and people in several trusts), idempotently', async () => {
    const countAll = async () => ({
      trusts: (await database.db.select({ n: count() }).from(trusts))[0]?.n,
      users: (await database.db.select({ n: count() }).from(users))[0]?.n,
      roles: (await database.db.select({ n: count() }).from(roleAssignments))[0]?.n,
    });
    const before = await countAll();
    expect(before).toEqual({
      trusts: 24,
      users: Object.values(DEMO_PEOPLE).flat().length + DEMO_MULTI_TRUST_PEOPLE.length,
      roles:
        Object.values(DEMO_PEOPLE).flat().length +
        DEMO_MULTI_TRUST_PEOPLE.flatMap((p) => p.roles).length,
    });
    await seed(database.db);
    expect(await countAll()).toEqual(before);
    const demo = await listDemoUsers(database.db);
    const hbe = demo.filter((u) => u.trustName === 'Helse Bergen HF');
    expect([...new Set(hbe.flatMap((u) => u.roles.map((r) => r.role)))].sort()).toEqual(
      [...ROLES].sort(),
    );
    expect(Object.values(DEMO_PEOPLE).flat().length).toBe(
      Object.keys(DEMO_TRUSTS).length * ROLES.length + 2,
    );
  });

  it('signs in with a signed, httpOnly, SameSite cookie holding only a token', async () => {
    const { actor, auth } = await signIn(database.db, 'HST', 'endorser');
    expect(actor).toMatchObject({ name: 'Hilde Rege', trustName: 'Helse Stavanger HF' });
    expect(actor.grants).toEqual([
      expect.objectContaining({ role: 'endorser', trustId: actor.trustId }),
    ]);
    const [user] = await database.db.select().from(users).where(eq(users.id, actor.userId));
    const setCookie = (await auth.login(user?.id ?? '')) ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    // The stored session id is a hash, never the token itself.
    const token = decodeURIComponent(setCookie.split(';')[0]?.split('=')[1] ?? '');
    const stored = await database.db.select({ id: sessions.id }).from(sessions);
    expect(stored.some((s) => token.includes(s.id))).toBe(false);
  });

  it('rejects a tampered or foreign-signed cookie', async () => {
    const { cookie, auth } = await signIn(database.db, 'HBE', 'applicant');
    expect(await auth.getActor(requestWithCookie(cookie))).not.toBeNull();
    const [name, value = ''] = cookie.split('=');
    const tampered = `${name ?? ''}=${value.slice(0, -3)}abc`;
    expect(await auth.getActor(requestWithCookie(tampered))).toBeNull();
    const other = createAuth(database.db, { secrets: ['another-secret'], secure: false });
    expect(await other.getActor(requestWithCookie(cookie))).toBeNull();
    expect(await auth.getActor(requestWithCookie(null))).toBeNull();
  });

  it('accepts an old secret after rotation, while signing with the new one', async () => {
    const { cookie } = await signIn(database.db, 'HBE', 'assessor');
    const rotated = createAuth(database.db, {
      secrets: ['new-secret', ...TEST_SECRETS],
      secure: false,
    });
    expect(await rotated.getActor(requestWithCookie(cookie))).not.toBeNull();
    // Once the old secret is dropped from the list, its cookies no longer sign anyone in.
    const retired = createAuth(database.db, { secrets: ['new-secret'], secure: false });
    expect(await retired.getActor(requestWithCookie(cookie))).toBeNull();
  });

  it('ends the session on logout and ignores expired sessions', async () => {
    const { cookie, auth, actor } = await signIn(database.db, 'OUS', 'decisionMaker');
    const cleared = await auth.logout(requestWithCookie(cookie));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await auth.getActor(requestWithCookie(cookie))).toBeNull();

    const again = await signIn(database.db, 'OUS', 'decisionMaker');
    await database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, actor.userId));
    expect(await again.auth.getActor(requestWithCookie(again.cookie))).toBeNull();
  });

  it('redirects to the login page when no one is signed in', async () => {
    const auth = createAuth(database.db, { secrets: TEST_SECRETS, secure: false });
    const thrown = await auth.requireActor(requestWithCookie(null)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get('Location')).toBe('/logg-inn');
  });

  it('asks the login page to send the user back to the page they were on', async () => {
    const auth = createAuth(database.db, { secrets: TEST_SECRETS, secure: false });
    const locationOf = async (request: Request) => {
      const thrown = await auth.requireActor(request).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      return (thrown as Response).headers.get('Location');
    };
    // A page opened: that page. A form posted: the page the form was on (this site's Referer
    // only), else the page it posted to (browsers send no Referer under the app's no-referrer).
    expect(await locationOf(new Request('http://test/saker/abc?fane=2'))).toBe(
      '/logg-inn?tilbake=%2Fsaker%2Fabc%3Ffane%3D2',
    );
    const post = (referer: string) =>
      new Request('http://test/saker/abc/rediger', {
        method: 'POST',
        headers: { Referer: referer },
      });
    expect(await locationOf(post('http://test/saker/abc/rediger'))).toBe(
      '/logg-inn?tilbake=%2Fsaker%2Fabc%2Frediger',
    );
    expect(await locationOf(post('https://evil.example/saker/abc'))).toBe(
      '/logg-inn?tilbake=%2Fsaker%2Fabc%2Frediger',
    );
    const noReferer = new Request('http://test/saker/abc/vurdering?index', { method: 'POST' });
    expect(await locationOf(noReferer)).toBe('/logg-inn?tilbake=%2Fsaker%2Fabc%2Fvurdering');
    // A resource route that only takes posts names its page.
    const upload = new Request('http://test/saker/abc/vedlegg', { method: 'POST' });
    const thrown = await auth
      .requireActor(upload, { returnTo: '/saker/abc' })
      .catch((e: unknown) => e);
    expect((thrown as Response).headers.get('Location')).toBe('/logg-inn?tilbake=%2Fsaker%2Fabc');
  });

  it('refuses to start a session for an unknown user', async () => {
    const auth = createAuth(database.db, { secrets: TEST_SECRETS, secure: false });
    expect(await auth.login('00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});
