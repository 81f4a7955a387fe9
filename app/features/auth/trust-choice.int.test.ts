import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { cases, sessions, trusts, users } from '../../db/schema';
import { demoEmail, multiTrustDemoEmail } from '../../db/seed.server';
import { completeAnswers, cookiePair, requestWithCookie, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { refusal } from '../../test/refusals';
import { createDraft, getCase } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { createAuth, listDemoUsers } from './auth.server';
import type { Actor } from './domain/roles';
import { listTrustChoices } from './trust-choice.server';

const MINUTE = 60_000;

describe.each(TEST_DATABASES)('choosing the active trust on %s', (kind) => {
  let database: Database;
  let clock = new Date('2026-12-01T08:00:00Z');
  let auth: ReturnType<typeof createAuth>;
  const trustIds: Record<'HBE' | 'HST' | 'OUS', string> = { HBE: '', HST: '', OUS: '' };
  let sigridId = '';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    auth = createAuth(database.db, {
      secrets: TEST_SECRETS,
      secure: false,
      now: () => clock,
      readAsApp: database.readAsApp,
    });
    for (const code of ['HBE', 'HST', 'OUS'] as const) {
      const [trust] = await database.db.select().from(trusts).where(eq(trusts.code, code));
      trustIds[code] = trust?.id ?? '';
    }
    const [sigrid] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, multiTrustDemoEmail('sigrid.vangen')));
    sigridId = sigrid?.id ?? '';
    expect(sigrid).toMatchObject({ name: 'Sigrid Vangen', hprNumber: '9109900' });
  });
  afterAll(() => database.close());

  const sessionsOf = (userId: string) =>
    database.db.select().from(sessions).where(eq(sessions.userId, userId));
  const actorOf = async (cookie: string): Promise<Actor> => {
    const actor = await auth.getActor(requestWithCookie(cookie));
    if (!actor) throw new Error('No actor');
    return actor;
  };
  const visibleCaseIds = async (actor: Actor) =>
    (await inTenant(database.db, actor, (tx) => tx.select({ id: cases.id }).from(cases))).map(
      (c) => c.id,
    );
  const redirectOf = async (promise: Promise<unknown>) => {
    const thrown = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    return (thrown as Response).headers.get('Location');
  };
  const signInAsDemo = async (code: 'HST' | 'OUS', role: 'applicant') => {
    const [user] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoEmail(code, role)));
    return actorOf(cookiePair(await auth.login(user?.id ?? '')));
  };

  it('lists the trusts and roles to choose from, and the demo login shows her under each', async () => {
    expect(await listTrustChoices(database.db, sigridId)).toEqual([
      {
        trustId: trustIds.HST,
        trustName: 'Helse Stavanger HF',
        roles: [{ role: 'applicant', department: 'Avdeling for blod- og kreftsykdommer' }],
      },
      {
        trustId: trustIds.OUS,
        trustName: 'Oslo universitetssykehus HF',
        roles: [{ role: 'assessor', department: null }],
      },
    ]);
    const listed = (await listDemoUsers(database.db)).filter((u) => u.id === sigridId);
    expect(listed.map((u) => [u.trustName, u.roles.map((r) => r.role)])).toEqual([
      ['Helse Stavanger HF', ['applicant']],
      ['Oslo universitetssykehus HF', ['assessor']],
    ]);
  });

  it('logs in without a trust, sends pages to the chooser, and scopes the actor to the chosen trust', async () => {
    const hstCase = await createDraft(
      database.db,
      await signInAsDemo('HST', 'applicant'),
      completeAnswers,
    );
    const ousCase = await createDraft(
      database.db,
      await signInAsDemo('OUS', 'applicant'),
      completeAnswers,
    );

    const pending = cookiePair(await auth.login(sigridId));
    expect(await auth.getActor(requestWithCookie(pending))).toBeNull();
    expect(await auth.getSignedIn(requestWithCookie(pending))).toEqual({
      userId: sigridId,
      name: 'Sigrid Vangen',
      trusts: [
        { id: trustIds.HST, name: 'Helse Stavanger HF' },
        { id: trustIds.OUS, name: 'Oslo universitetssykehus HF' },
      ],
      trustId: null,
    });
    expect(await redirectOf(auth.requireActor(requestWithCookie(pending)))).toBe(
      '/velg-helseforetak',
    );
    expect(await redirectOf(auth.requireActor(requestWithCookie(null)))).toBe('/logg-inn');
    expect((await sessionsOf(sigridId)).map((s) => s.trustId)).toEqual([null]);

    clock = new Date(clock.getTime() + MINUTE);
    const chosen = await auth.chooseTrust(requestWithCookie(pending), trustIds.HST);
    if (!chosen.ok) throw new Error(chosen.refusal);
    const inHst = cookiePair(chosen.setCookie);
    expect(inHst).not.toBe(pending);
    // The pending session is ended: its cookie signs no one in any more.
    expect(await auth.getSignedIn(requestWithCookie(pending))).toBeNull();
    const actor = await actorOf(inHst);
    expect(actor).toMatchObject({ trustId: trustIds.HST, trustName: 'Helse Stavanger HF' });
    expect(actor.grants).toEqual([
      expect.objectContaining({ role: 'applicant', trustId: trustIds.HST }),
    ]);
    expect(actor.trusts.map((t) => t.id)).toEqual([trustIds.HST, trustIds.OUS]);
    const [row] = await sessionsOf(sigridId);
    expect(row).toMatchObject({
      trustId: trustIds.HST,
      trustChosenAt: clock,
      previousTrustId: null,
    });

    // Row-level security: in Helse Stavanger she sees its case, never Oslo's.
    const visible = await visibleCaseIds(actor);
    expect(visible).toContain(hstCase.id);
    expect(visible).not.toContain(ousCase.id);
    expect(await refusal(getCase(database.db, actor, ousCase.id), CaseError)).toBe('notFound');
    const own = await createDraft(database.db, actor, completeAnswers);
    expect(
      (await database.db.select({ t: cases.trustId }).from(cases).where(eq(cases.id, own.id)))[0],
    ).toEqual({ t: trustIds.HST });
    await auth.logout(requestWithCookie(inHst));
  });

  it('switches trust by rotating the session: the old id ends, the new one keeps the absolute end', async () => {
    const pending = cookiePair(await auth.login(sigridId));
    const first = await auth.chooseTrust(requestWithCookie(pending), trustIds.HST);
    if (!first.ok) throw new Error(first.refusal);
    const inHst = cookiePair(first.setCookie);
    const [before] = await sessionsOf(sigridId);

    clock = new Date(clock.getTime() + 5 * MINUTE);
    const switched = await auth.chooseTrust(requestWithCookie(inHst), trustIds.OUS);
    if (!switched.ok) throw new Error(switched.refusal);
    const inOus = cookiePair(switched.setCookie);
    expect(inOus).not.toBe(inHst);
    expect(await auth.getActor(requestWithCookie(inHst))).toBeNull();
    const actor = await actorOf(inOus);
    expect(actor).toMatchObject({
      trustId: trustIds.OUS,
      trustName: 'Oslo universitetssykehus HF',
    });
    // Only Oslo's grants: the applicant role in Stavanger does not come along.
    expect(actor.grants).toEqual([{ role: 'assessor', trustId: trustIds.OUS, departmentId: null }]);
    expect(await refusal(createDraft(database.db, actor, completeAnswers), CaseError)).toBe(
      'forbidden',
    );
    const rows = await sessionsOf(sigridId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      trustId: trustIds.OUS,
      trustChosenAt: clock,
      previousTrustId: trustIds.HST,
      expiresAt: before?.expiresAt,
    });
    expect(rows[0]?.id).not.toBe(before?.id);

    const visible = await visibleCaseIds(actor);
    const hstCases = await database.db
      .select({ id: cases.id })
      .from(cases)
      .where(eq(cases.trustId, trustIds.HST));
    expect(hstCases.length).toBeGreaterThan(0);
    for (const c of hstCases) expect(visible).not.toContain(c.id);
    await auth.logout(requestWithCookie(inOus));
  });

  it('refuses a trust without a role of hers and changes nothing', async () => {
    const pending = cookiePair(await auth.login(sigridId));
    const chosen = await auth.chooseTrust(requestWithCookie(pending), trustIds.OUS);
    if (!chosen.ok) throw new Error(chosen.refusal);
    const cookie = cookiePair(chosen.setCookie);
    const before = await sessionsOf(sigridId);
    for (const trustId of [trustIds.HBE, 'not-a-uuid', '']) {
      expect(await auth.chooseTrust(requestWithCookie(cookie), trustId)).toEqual({
        ok: false,
        refusal: 'noRoleInTrust',
      });
    }
    expect(await sessionsOf(sigridId)).toEqual(before);
    expect((await actorOf(cookie)).trustId).toBe(trustIds.OUS);
    // Also before a trust is chosen: the session stays without one.
    const fresh = cookiePair(await auth.login(sigridId));
    expect(await auth.chooseTrust(requestWithCookie(fresh), trustIds.HBE)).toEqual({
      ok: false,
      refusal: 'noRoleInTrust',
    });
    expect(await auth.getSignedIn(requestWithCookie(fresh))).toMatchObject({ trustId: null });
    await auth.logout(requestWithCookie(cookie));
    await auth.logout(requestWithCookie(fresh));
  });

  it('signs out a choice without a live session, and lets only one of two racing choices through', async () => {
    expect(await auth.chooseTrust(requestWithCookie(null), trustIds.HST)).toEqual({
      ok: false,
      refusal: 'signedOut',
    });
    const stale = cookiePair(await auth.login(sigridId));
    clock = new Date(clock.getTime() + 31 * MINUTE);
    expect(await auth.chooseTrust(requestWithCookie(stale), trustIds.HST)).toEqual({
      ok: false,
      refusal: 'signedOut',
    });

    const pending = cookiePair(await auth.login(sigridId));
    const results = await Promise.all([
      auth.chooseTrust(requestWithCookie(pending), trustIds.HST),
      auth.chooseTrust(requestWithCookie(pending), trustIds.OUS),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: 'signedOut' }]);
    expect(await sessionsOf(sigridId)).toHaveLength(1);
    for (const r of results)
      if (r.ok) await auth.logout(requestWithCookie(cookiePair(r.setCookie)));
  });

  it('starts a user with roles in one trust there, as before, without a recorded choice', async () => {
    const actor = await signInAsDemo('HST', 'applicant');
    expect(actor).toMatchObject({ trustId: trustIds.HST, trusts: [{ id: trustIds.HST }] });
    const [row] = await sessionsOf(actor.userId);
    expect(row).toMatchObject({
      trustId: trustIds.HST,
      trustChosenAt: null,
      previousTrustId: null,
    });
  });
});
