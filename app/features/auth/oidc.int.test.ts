import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, type Database } from '../../db/database.server';
import { users } from '../../db/schema';
import { demoEmail, demoHprNumber } from '../../db/seed.server';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import type { HelseIdPerson } from './domain/helseid';
import { matchPerson, pidHash } from './oidc.server';

const SECRET = 'test-pid-secret-0123456789abcdef0123';

describe.each(TEST_DATABASES)('matching a HelseID person to a user on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const match = async (person: HelseIdPerson) =>
    (await inApp(database.db, (tx) => matchPerson(tx, person, SECRET))).userId;
  const userByEmail = async (email: string) => {
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error(email);
    return user;
  };
  const userCount = async () => (await database.db.select({ n: count() }).from(users))[0]?.n;

  it('finds the user by HPR number and binds a keyed hash of the identity number, never the number', async () => {
    const ingrid = await userByEmail(demoEmail('HBE', 'applicant'));
    const person = {
      name: 'Ingrid Haugland',
      pid: '15838510075',
      hprNumber: demoHprNumber('HBE', 0),
    };
    expect(await match(person)).toBe(ingrid.id);
    const bound = await userByEmail(demoEmail('HBE', 'applicant'));
    expect(bound.pidHash).toBe(pidHash(SECRET, '15838510075'));
    expect(bound.pidHash).not.toContain('15838510075');
    expect(bound.pidHash).not.toBe(pidHash('another-secret', '15838510075'));
    // Again: the same user; without an HPR number, found by the hash.
    expect(await match(person)).toBe(ingrid.id);
    expect(await match({ ...person, hprNumber: null })).toBe(ingrid.id);
  });

  it('refuses an HPR number presented by another person than the one bound to it', async () => {
    const lars = await userByEmail(demoEmail('HBE', 'coAuthor'));
    const hprNumber = demoHprNumber('HBE', 1);
    expect(await match({ name: 'Lars Myklebust', pid: '02877510029', hprNumber })).toBe(lars.id);
    expect(await match({ name: 'Noen Andre', pid: '31929910020', hprNumber })).toBeNull();
  });

  it('refuses a bound person presenting another user’s HPR number', async () => {
    // 15838510075 is bound to Ingrid (first test); Kari's HPR number must not let her in as Kari.
    const hprNumber = demoHprNumber('HBE', 2);
    expect(await match({ name: 'Ingrid Haugland', pid: '15838510075', hprNumber })).toBeNull();
    expect((await userByEmail(demoEmail('HBE', 'endorser'))).pidHash).toBeNull();
  });

  it('finds nobody for an unknown HPR number or identity number, and creates nobody', async () => {
    const before = await userCount();
    expect(await match({ name: 'Ukjent', pid: '01816010027', hprNumber: '1234567' })).toBeNull();
    expect(await match({ name: 'Ukjent', pid: '01816010027', hprNumber: null })).toBeNull();
    expect(await userCount()).toBe(before);
  });
});
