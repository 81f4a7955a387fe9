import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { users } from '../../db/schema';
import { multiTrustDemoEmail } from '../../db/seed.server';
import { cookiePair, signIn, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createAuth } from './auth.server';

/** A dialog message posted with the cookie `cookie`, as a browser without JavaScript sends it. */
const messagePost = (cookie: string) =>
  new Request('http://test/saker/abc/meldinger', {
    method: 'POST',
    headers: { Cookie: cookie },
    body: new URLSearchParams([
      ['body', 'Skrevet etter at økten var slutt'],
      ['visibility', 'case'],
    ]),
  });

/** Sessions that ended, or never chose a trust, answer a typed post with its echo (ADR 0036). */
describe.each(TEST_DATABASES)('a form posted without a session on %s', (kind) => {
  let database: Database;
  let auth: ReturnType<typeof createAuth>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    auth = createAuth(database.db, {
      secrets: TEST_SECRETS,
      secure: false,
      readAsApp: database.readAsApp,
    });
  });
  afterAll(() => database.close());

  it('after a logout the session cookie gets the post back, 401, with the login link', async () => {
    const { cookie } = await signIn(database.db, 'HBE', 'applicant');
    await auth.logout(new Request('http://test/', { headers: { Cookie: cookie } }));
    const thrown = await auth.requireActor(messagePost(cookie)).catch((e: unknown) => e);
    expect(thrown).toMatchObject({
      init: { status: 401 },
      data: {
        signIn: '/logg-inn?tilbake=%2Fsaker%2Fabc%2Fmeldinger',
        chooseTrust: false,
        typed: [{ name: 'body', text: 'Skrevet etter at økten var slutt' }],
        resend: { action: '/saker/abc/meldinger' },
      },
    });
  });

  it('signed in without a chosen trust: the same, with the trust chooser for the link', async () => {
    const [sigrid] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, multiTrustDemoEmail('sigrid.vangen')));
    const pending = cookiePair(await auth.login(sigrid?.id ?? ''));
    const thrown = await auth.requireActor(messagePost(pending)).catch((e: unknown) => e);
    expect(thrown).toMatchObject({
      init: { status: 401 },
      data: {
        signIn: '/velg-helseforetak?tilbake=%2Fsaker%2Fabc%2Fmeldinger',
        chooseTrust: true,
        typed: [{ name: 'body', text: 'Skrevet etter at økten var slutt' }],
      },
    });
  });

  it('a live session gets its actor, the body left for the route', async () => {
    const { cookie, actor } = await signIn(database.db, 'HBE', 'applicant');
    const request = messagePost(cookie);
    expect(await auth.requireActor(request)).toEqual(actor);
    expect(request.bodyUsed).toBe(false);
  });
});
