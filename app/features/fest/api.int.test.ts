import { fileURLToPath } from 'node:url';
import type { AppLoadContext } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { loader } from '../../routes/api.legemidler';
import { signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { loaderArgs, routeContext } from '../../test/routes';
import { importFest } from './fest-import.server';
import type { DrugSearchHit } from './fest.server';

const UTDRAG_2026 = fileURLToPath(
  new URL('../../../fixtures/fest/fest-utdrag-2026.xml', import.meta.url),
);

describe.each(TEST_DATABASES)('GET /api/legemidler on %s', (kind) => {
  let database: Database;
  let context: AppLoadContext;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importFest(database.db, UTDRAG_2026);
    ({ cookie } = await signIn(database.db, 'HBE', 'applicant'));
    // One context for every request, as the server has: the session read and the search through
    // the app role's connections.
    context = routeContext(database);
  });
  afterAll(() => database.close());

  const get = (query: string, withCookie = true) =>
    loader(
      loaderArgs(
        database,
        `/api/legemidler?${query}`,
        withCookie ? cookie : '',
        '/api/legemidler',
        {},
        context,
      ),
    );

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
