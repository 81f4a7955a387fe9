import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { loader } from '../../routes/api.legemidler';
import { signIn, TEST_SECRETS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createAuth, type Auth } from '../auth/auth.server';
import { importFest } from './fest-import.server';
import type { DrugSearchHit } from './fest.server';
import { DEFAULT_MAX_BYTES } from '../attachments/domain/kinds';
import { databaseStorage } from '../attachments/store.server';
import { DEV_PID_SECRET } from '../../../server/config';

const UTDRAG_2026 = fileURLToPath(
  new URL('../../../fixtures/fest/fest-utdrag-2026.xml', import.meta.url),
);

describe.each(TEST_DATABASES)('GET /api/legemidler on %s', (kind) => {
  let database: Database;
  let auth: Auth;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importFest(database.db, UTDRAG_2026);
    ({ cookie } = await signIn(database.db, 'HBE', 'applicant'));
    // As the server reads the session and searches: through the app role's connections.
    auth = createAuth(database.db, {
      secrets: TEST_SECRETS,
      secure: false,
      readAsApp: database.readAsApp,
    });
  });
  afterAll(() => database.close());

  const get = (query: string, withCookie = true) => {
    const url = `http://test/api/legemidler?${query}`;
    return loader({
      request: new Request(url, { headers: withCookie ? { Cookie: cookie } : {} }),
      url: new URL(url),
      pattern: '/api/legemidler',
      params: {},
      context: {
        db: database.db,
        databaseKind: database.kind,
        auth,
        attachments: { storage: databaseStorage(), maxBytes: DEFAULT_MAX_BYTES },
        mailboxDir: null,
        pidSecret: DEV_PID_SECRET,
        signIn: { helseId: null, devLogin: true },
      },
    });
  };

  it('answers a signed-in user with ranked JSON hits', async () => {
    const response = await get('q=sarotex&limit=1');
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = (await response.json()) as { query: string; results: DrugSearchHit[] };
    expect(body.query).toBe('sarotex');
    expect(body.results.map((r) => r.name)).toEqual(['Sarotex tab 10 mg']);
  });

  it('answers an empty list for a too short or missing query', async () => {
    for (const query of ['q=s', '', 'q=%20%20']) {
      const body = (await (await get(query)).json()) as { results: DrugSearchHit[] };
      expect(body.results).toEqual([]);
    }
  });

  it('sends anyone not signed in to the login page', async () => {
    const refused = await get('q=sarotex', false).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).headers.get('location')).toBe('/logg-inn');
  });
});
