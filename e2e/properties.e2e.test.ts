import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import routes from '../app/routes';
import type { Database } from '../app/db/database.server';
import { cases } from '../app/db/schema';
import { databaseStorage } from '../app/features/attachments/store.server';
import { createDraft, transition } from '../app/features/cases/cases.server';
import { completeAnswers, signIn } from '../app/test/actors';
import { openTestDatabase } from '../app/test/databases';
import { routeContext } from '../app/test/routes';
import { withRouteGuards } from '../server/route-guards';

/** Every route with an action (a POST target), from the route table: new routes are covered. */
const postRoutes = routes.flatMap((route) => {
  const source = readFileSync(join('app', route.file), 'utf8');
  if (!/export (async )?function action\b|export const action\b/.test(source)) return [];
  // The names the module reads, as candidate form fields (plus arbitrary ones below).
  const names = [
    ...new Set([...source.matchAll(/'([a-zA-Z][\w.]{0,40})'/g)].map((m) => m[1] ?? '')),
  ];
  return [{ path: route.path ?? '', names }];
});

const ROLES = ['applicant', 'endorser', 'decisionMaker', 'assessor', 'trustAdmin'] as const;
const COMMON_NAMES = ['intent', 'event', 'version', 'reason', 'verdict', 'outcome', 'id', 'userId'];

/** Text as it may arrive: empty, unicode, control characters, huge, numbers, JSON-ish. */
const text = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '../../etc', '<script>'),
  fc.integer().map(String),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** All row counts: a refused request must not change any (access log and sessions aside). */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables: unknown = await database.db.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('access_log', 'sessions', '__drizzle_migrations')
        order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of (tables as { rows: { name: string }[] }).rows) {
    const result: unknown = await database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(name)}`,
    );
    counts[name] = Number((result as { rows: { n: number }[] }).rows[0]?.n);
  }
  return counts;
}

/**
 * Issue #6: arbitrary input to every form action and API (in-process, through the built server's
 * request handler): never a 5xx, and a refused request (4xx) writes nothing.
 */
describe('arbitrary input to every POST route', () => {
  let database: Database;
  let handle: (request: Request) => Promise<Response>;
  const cookies: Record<string, string> = {};
  let draftId = '';
  let submittedId = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    // The build as server/main.ts serves it: with its route guards (unreadable form → 400).
    const build = withRouteGuards(
      (await import(
        pathToFileURL(join(process.cwd(), 'build/server/index.js')).href
      )) as ServerBuild,
    );
    const handler = createRequestHandler(build, 'production');
    const context = routeContext(database, {
      attachments: { storage: databaseStorage(), maxBytes: 1024 * 1024 },
    });
    handle = (request) => handler(request, context);
    for (const role of ROLES) cookies[role] = (await signIn(database.db, 'HBE', role)).cookie;
    const { actor } = await signIn(database.db, 'HBE', 'applicant');
    draftId = (await createDraft(database.db, actor, completeAnswers)).id;
    const other = await createDraft(database.db, actor, completeAnswers);
    await transition(database.db, actor, {
      caseId: other.id,
      version: other.version,
      event: 'submit',
    });
    submittedId = other.id;
  });
  afterAll(() => database.close());

  it('finds the POST routes in the route table', () => {
    expect(postRoutes.map((r) => r.path)).toContain('saker/:caseId/lagre');
    expect(postRoutes.length).toBeGreaterThan(10);
  });

  it.each(postRoutes)(
    '/$path: never a 5xx, nothing written when refused',
    async ({ path, names }) => {
      const fieldName = fc.oneof(
        fc.constantFrom(...names, ...COMMON_NAMES),
        fc.string({ maxLength: 20 }),
      );
      const body = fc.oneof(
        fc
          .array(fc.tuple(fieldName, text), { maxLength: 8 })
          .map((fields) => ({ kind: 'form' as const, fields })),
        fc
          .array(fc.tuple(fieldName, text), { maxLength: 4 })
          .map((fields) => ({ kind: 'multipart' as const, fields })),
        fc.jsonValue({ maxDepth: 4 }).map((json) => ({ kind: 'json' as const, json })),
        fc
          .dictionary(
            fc.constantFrom('indication', 'dose', 'patientId', 'diagnoses', 'nope'),
            fc.record({
              base: fc.jsonValue({ maxDepth: 2 }),
              value: fc.jsonValue({ maxDepth: 2 }),
            }),
          )
          .map((changes) => ({ kind: 'json' as const, json: { changes } })),
        text.map((raw) => ({ kind: 'raw' as const, raw })),
      );
      const param = (name: string) =>
        name === 'caseId'
          ? fc.constantFrom(
              draftId,
              submittedId,
              '00000000-0000-4000-8000-000000000000',
              'x',
              '%C3%A6',
            )
          : fc.constantFrom('00000000-0000-4000-8000-000000000000', '1', 'x', '-1');

      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROLES),
          fc.tuple(...params.map(param)),
          body,
          async (role, values, input) => {
            let url = `http://localhost/${path}`;
            params.forEach((name, i) => (url = url.replace(`:${name}`, values[i] ?? '')));
            const headers = new Headers({ Cookie: cookies[role] ?? '' });
            let payload: BodyInit;
            if (input.kind === 'form') {
              payload = new URLSearchParams(input.fields);
            } else if (input.kind === 'multipart') {
              const form = new FormData();
              for (const [k, v] of input.fields) form.append(k, v);
              payload = form;
            } else if (input.kind === 'json') {
              headers.set('Content-Type', 'application/json');
              payload = JSON.stringify(input.json);
            } else {
              headers.set('Content-Type', 'application/x-www-form-urlencoded');
              payload = input.raw;
            }
            const before = await rowCounts(database);
            const caseRows = async () =>
              database.db
                .select()
                .from(cases)
                .where(eq(cases.id, values[0] === submittedId ? submittedId : draftId));
            const caseBefore = await caseRows();
            const response = await handle(
              new Request(url, { method: 'POST', headers, body: payload }),
            );
            await response.arrayBuffer();
            expect(response.status, `${role} POST ${url}`).toBeLessThan(500);
            if (response.status >= 400) {
              expect(await rowCounts(database)).toEqual(before);
              expect(await caseRows()).toEqual(caseBefore);
            }
          },
        ),
        { numRuns: 12 },
      );
    },
  );
});
