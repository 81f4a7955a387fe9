import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, type Database } from '../../db/database.server';
import { readTrustFixture, seedTrusts } from '../../db/seed.server';
import { roleAssignmentEvents, roleAssignments, trusts, users } from '../../db/schema';
import { cookiePair, requestWithCookie, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createAuth } from '../auth/auth.server';
import { matchPerson, pidHash } from '../auth/oidc.server';
import { addFirstAdmin, type FirstAdminInput } from './first-admin.server';
import { getTrustPerson } from './trust-admin.server';

const PID_SECRET = 'test-pid-secret-0123456789abcdef0123';

describe.each(TEST_DATABASES)('the first administrator of a trust on %s', (kind) => {
  // A database as production starts it: migrated, reference data only (no demo people).
  let database: Database;
  const db = () => database.db;
  let hpr = 4_200_000;
  const person = (input: Partial<FirstAdminInput> = {}): FirstAdminInput => {
    const idNumber = String(hpr++);
    return {
      trustCode: 'FIN',
      name: 'Kari Nordmann',
      title: 'Seksjonsleder',
      email: `kari.${idNumber}@example.test`,
      idNumber,
      ...input,
    };
  };
  const trustId = async (code: string) => {
    const [trust] = await db().select({ id: trusts.id }).from(trusts).where(eq(trusts.code, code));
    if (!trust) throw new Error(code);
    return trust.id;
  };
  const admins = async (code: string) =>
    db()
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.trustId, await trustId(code)),
          eq(roleAssignments.role, 'trustAdmin'),
        ),
      );
  const userCount = async () => (await db().select({ n: count() }).from(users))[0]?.n;

  beforeAll(async () => {
    database = await openTestDatabase(kind, false);
    // As two instances starting at once on a new database do.
    await Promise.all([seedTrusts(db()), seedTrusts(db())]);
  });
  afterAll(() => database.close());

  it('loads every trust of the reference data, once however often it runs', async () => {
    await seedTrusts(db());
    const codes = (await db().select({ code: trusts.code }).from(trusts)).map((t) => t.code);
    expect(codes.sort()).toEqual(
      readTrustFixture()
        .map((t) => t.code)
        .sort(),
    );
    expect(await userCount()).toBe(0);
  });

  it('creates the person, makes them administrator with the grant on record, and lets them sign in to administer', async () => {
    const input = person({ name: '  Kari   Nordmann ', email: 'Kari.First@Example.test' });
    const result = await addFirstAdmin(db(), input, PID_SECRET);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({ existing: false, trustName: 'Finnmarkssykehuset HF' });
    const [stored] = await db().select().from(users).where(eq(users.id, result.userId));
    expect(stored).toMatchObject({
      name: 'Kari Nordmann',
      email: 'kari.first@example.test',
      hprNumber: input.idNumber,
      pidHash: null,
    });
    expect(await admins('FIN')).toEqual([{ userId: result.userId }]);

    // Signed in (as HelseID would, by the user), they are the trust's administrator.
    const auth = createAuth(db(), { secrets: TEST_SECRETS, secure: false });
    const cookie = cookiePair(await auth.login(result.userId));
    const actor = await auth.getActor(requestWithCookie(cookie));
    expect(actor).toMatchObject({ userId: result.userId, trustId: await trustId('FIN') });
    if (!actor) throw new Error('not signed in');
    const page = await getTrustPerson(db(), actor, result.userId);
    expect(page.history).toEqual([
      expect.objectContaining({ action: 'granted', role: 'trustAdmin', actorName: null }),
    ]);
  });

  it('refuses once the trust has an administrator, and changes nothing', async () => {
    const before = await userCount();
    expect(await addFirstAdmin(db(), person(), PID_SECRET)).toEqual({
      ok: false,
      refusal: 'hasAdmin',
    });
    expect(await userCount()).toBe(before);
    expect(await admins('FIN')).toHaveLength(1);
  });

  it('lets only one of two runs at once grant the role', async () => {
    const results = await Promise.all([
      addFirstAdmin(db(), person({ trustCode: 'UNN' }), PID_SECRET),
      addFirstAdmin(db(), person({ trustCode: 'UNN' }), PID_SECRET),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: 'hasAdmin' }]);
    expect(await admins('UNN')).toHaveLength(1);
  });

  it('gives a person known by HPR number the role without creating them again', async () => {
    const [fin] = await admins('FIN');
    const [known] = await db()
      .select()
      .from(users)
      .where(eq(users.id, fin?.userId ?? ''));
    if (!known?.hprNumber) throw new Error('no admin');
    const before = await userCount();
    const result = await addFirstAdmin(
      db(),
      person({ trustCode: 'HLS', idNumber: known.hprNumber, name: 'Someone Else' }),
      PID_SECRET,
    );
    expect(result).toMatchObject({ ok: true, userId: known.id, existing: true });
    expect(await userCount()).toBe(before);
    const [after] = await db().select().from(users).where(eq(users.id, known.id));
    expect(after?.name).toBe(known.name);
  });

  it('makes someone without an HPR number administrator by identity number, stored only as its hash', async () => {
    const pid = '15038510271';
    const result = await addFirstAdmin(
      db(),
      person({ trustCode: 'SIV', idNumber: '150385 10271', email: 'okonom@example.test' }),
      PID_SECRET,
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [stored] = await db().select().from(users).where(eq(users.id, result.userId));
    expect(stored).toMatchObject({ hprNumber: null, pidHash: pidHash(PID_SECRET, pid) });
    expect(JSON.stringify(stored)).not.toContain(pid);
    // HelseID's login (no HPR claim) knows them by the same hash; with another secret it does not.
    const login = { name: 'Kari Nordmann', pid, hprNumber: null };
    expect((await inApp(db(), (tx) => matchPerson(tx, login, PID_SECRET))).userId).toBe(
      result.userId,
    );
    expect((await inApp(db(), (tx) => matchPerson(tx, login, `${PID_SECRET}x`))).userId).toBeNull();
    expect(await admins('SIV')).toEqual([{ userId: result.userId }]);
  });

  it('refuses an unknown trust, bad fields or a taken e-mail with nothing written', async () => {
    const before = await userCount();
    const events = (await db().select({ n: count() }).from(roleAssignmentEvents))[0]?.n;
    expect(await addFirstAdmin(db(), person({ trustCode: 'XXX' }), PID_SECRET)).toEqual({
      ok: false,
      refusal: 'trustUnknown',
    });
    expect(
      await addFirstAdmin(
        db(),
        person({ trustCode: 'NLS', name: ' ', email: 'x', idNumber: '12a' }),
        PID_SECRET,
      ),
    ).toEqual({
      ok: false,
      errors: { name: 'nameRequired', email: 'emailInvalid', idNumber: 'idInvalid' },
    });
    expect(
      await addFirstAdmin(
        db(),
        person({ trustCode: 'NLS', email: 'KARI.first@example.test' }),
        PID_SECRET,
      ),
    ).toEqual({ ok: false, refusal: 'emailTaken' });
    expect(await userCount()).toBe(before);
    expect((await db().select({ n: count() }).from(roleAssignmentEvents))[0]?.n).toBe(events);
    expect(await admins('NLS')).toEqual([]);
  });
});
