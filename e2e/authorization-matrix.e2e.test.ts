import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/database.server';
import type { DemoTrustCode } from '../app/db/seed.server';
import {
  addPerson,
  createDepartment,
  getTrustPerson,
} from '../app/features/admin/trust-admin.server';
import { ROLES } from '../app/features/auth/domain/roles';
import { createPhrase } from '../app/features/decisions/decisions.server';
import { askInquiry } from '../app/features/inquiries/inquiries.server';
import routeConfig from '../app/routes';
import { demoActors, signIn } from '../app/test/actors';
import {
  AUTHORIZATION_MATRIX,
  expected,
  needsInquiry,
  relationsOf,
  rowName,
  type Body,
  type MatrixRow,
  type Relation,
  type Subject,
  type Who,
} from '../app/test/authorization-matrix';
import { attachmentSettings, prepareCase, type TrustActors } from '../app/test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../app/test/databases';
import { minimalPdf } from '../app/test/files';
import { routeContext } from '../app/test/routes';
import { DEV_PID_SECRET } from '../server/config';

/**
 * Drives the authorization matrix (app/test/authorization-matrix.ts): every cell is one real
 * request through the built server's React Router handler (`npm run build` first), in process, with
 * a signed-in session cookie, against a case prepared in the state the row needs.
 */

const ORIGIN = 'http://localhost';
const TRUST_OF: Record<Relation, DemoTrustCode> = { own: 'HBE', other: 'OUS', consulted: 'HST' };

/** An import id no import has (the preview route's `:importId`). */
const NO_IMPORT = '00000000-0000-4000-8000-000000000000';

type Outcome = { verdict: 'allow' | 'deny' | 'error'; code: string };

/** Every path of app/routes.ts, with a leading slash ('/' for the index). */
function configuredPaths(): string[] {
  const paths: string[] = [];
  const walk = (entries: readonly { path?: string; index?: boolean; children?: unknown }[]) => {
    for (const entry of entries) {
      paths.push(`/${entry.path ?? ''}`);
      if (Array.isArray(entry.children)) walk(entry.children as typeof entries);
    }
  };
  walk(routeConfig);
  return paths;
}

/** The (path, method) pairs the built server answers: GET for a loader or page, POST for an action. */
function builtEndpoints(build: ServerBuild): string[] {
  const out: string[] = [];
  for (const route of Object.values(build.routes)) {
    if (!route || route.id === 'root') continue;
    const path = `/${route.path ?? ''}`;
    if ('loader' in route.module || 'default' in route.module) out.push(`GET ${path}`);
    if ('action' in route.module) out.push(`POST ${path}`);
  }
  return out.sort();
}

function classify(response: Response, row: MatrixRow): Outcome {
  const status = response.status;
  if (status >= 300 && status < 400) {
    const location = response.headers.get('Location') ?? '';
    const path = location.startsWith(ORIGIN) ? location.slice(ORIGIN.length) : location;
    if (/^\/logg-inn(\?|$)/.test(path) && !row.endsSession)
      return { verdict: 'deny', code: 'login' };
    const sentBack = /^\/saker\/[0-9a-f-]+(#.*)?$/.test(path) || /[?&]vedleggfeil=/.test(path);
    if (sentBack || row.refused?.test(path)) return { verdict: 'deny', code: `${status}↩` };
    return { verdict: 'allow', code: String(status) };
  }
  if ([401, 403, 404, 409].includes(status)) return { verdict: 'deny', code: String(status) };
  if ((status >= 200 && status < 300) || status === 400 || status === 422) {
    return { verdict: 'allow', code: String(status) };
  }
  return { verdict: 'error', code: String(status) };
}

function requestFor(row: MatrixRow, subject: Subject, cookie: string | null): Request {
  const path = row.path
    .replace(':caseId', subject.caseId)
    .replace(':attachmentId', subject.attachmentId)
    .replace(':consultationId', subject.consultationId)
    .replace(':version', String(subject.decisionVersion))
    .replace(':phraseId', subject.phraseId)
    .replace(':caseNumber', encodeURIComponent(subject.caseNumber))
    .replace(':importId', subject.importId)
    .replace(':userId', subject.personId)
    .replace(':place', 'soknad')
    .replace(':inquiryId', subject.inquiryId);
  const url = `${ORIGIN}${path}${row.query ? `?${row.query}` : ''}`;
  const headers = new Headers();
  if (cookie) headers.set('Cookie', cookie);
  if (row.method === 'GET') return new Request(url, { headers });
  headers.set('Origin', ORIGIN);
  headers.set('Sec-Fetch-Site', 'same-origin');
  const body: Body = row.body?.(subject) ?? { form: {} };
  let payload: BodyInit;
  if ('json' in body) {
    headers.set('Content-Type', 'application/json');
    payload = JSON.stringify(body.json);
  } else if ('file' in body) {
    const data = new FormData();
    const file =
      'csv' in body.file
        ? new File([body.file.csv], body.file.name, { type: 'text/csv' })
        : new File([minimalPdf()], body.file.name, { type: 'application/pdf' });
    data.set('fil', file);
    payload = data;
  } else if ('multipart' in body) {
    const data = new FormData();
    for (const [name, value] of Object.entries(body.multipart)) data.set(name, value);
    if (body.pdf) {
      data.set('fil', new File([minimalPdf()], body.pdf, { type: 'application/pdf' }));
    }
    payload = data;
  } else {
    payload = new URLSearchParams(body.form);
  }
  return new Request(url, { method: 'POST', headers, body: payload });
}

/**
 * One database: PostgreSQL when DATABASE_URL is set (as in production and CI), else PGlite. The
 * SQL is the same on both; the row-level security tests (app/db/rls.int.test.ts) run on both.
 */
const kind = TEST_DATABASES[TEST_DATABASES.length - 1] ?? 'pglite';

describe(`authorization matrix on ${kind}`, () => {
  let database: Database;
  let handle: (request: Request) => Promise<Response>;
  const actors = {} as Record<DemoTrustCode, TrustActors>;
  const cookies = new Map<string, string>();
  const people = { endorser2: '', assessor2: '', applicant: '' };
  const results: { row: MatrixRow; cells: Map<string, Outcome> }[] = [];

  beforeAll(async () => {
    const serverFile = join(process.cwd(), 'build/server/index.js');
    if (!existsSync(serverFile)) throw new Error('Run `npm run build` before this test');
    const build = (await import(pathToFileURL(serverFile).href)) as ServerBuild;
    database = await openTestDatabase(kind);
    const db = database.db;
    const handler = createRequestHandler(build, 'production');
    const context = routeContext(database, { attachments: attachmentSettings() });
    handle = (request) => handler(request, context);
    for (const trust of ['HBE', 'OUS', 'HST'] as const) {
      actors[trust] = await demoActors(db, trust);
      for (const role of ROLES)
        cookies.set(`${trust}/${role}`, (await signIn(db, trust, role)).cookie);
    }
    people.endorser2 = (await signIn(db, 'HBE', 'endorser2')).actor.userId;
    people.assessor2 = (await signIn(db, 'HBE', 'assessor2')).actor.userId;
    people.applicant = actors.HBE.applicant.userId;
    builtPaths = builtEndpoints(build);
  });
  afterAll(() => database.close());
  let builtPaths: string[] = [];

  it('has a row for every route and method of app/routes.ts, and no row for anything else', () => {
    const configured = configuredPaths().sort();
    const built = [...new Set(builtPaths.map((e) => e.split(' ')[1] ?? ''))].sort();
    expect(built, 'the build is older than app/routes.ts: run `npm run build`').toEqual(configured);
    const inMatrix = [...new Set(AUTHORIZATION_MATRIX.map((r) => `${r.method} ${r.path}`))].sort();
    expect(inMatrix, 'add a row to app/test/authorization-matrix.ts').toEqual(builtPaths);
    for (const row of AUTHORIZATION_MATRIX) {
      if (row.subject === 'case') expect(row.state, rowName(row)).toBeDefined();
      for (const relation of Object.keys(row.allow) as Relation[]) {
        expect(relationsOf(row), `${rowName(row)}: ${relation}`).toContain(relation);
      }
    }
  });

  /** A new empty department and a new person with one role, in the home trust. */
  let made = 0;
  const trustPeople = async (db: Database['db']) => {
    made += 1;
    const admin = actors.HBE.trustAdmin;
    const department = await createDepartment(db, admin, { name: `Matrise ${made}` });
    const person = await addPerson(
      db,
      admin,
      {
        name: `Matrise ${made}`,
        title: '',
        email: `matrise.${made}@example.test`,
        identity: { kind: 'hpr', hprNumber: String(7_700_000 + made) },
        role: 'assessor',
        departmentId: null,
      },
      DEV_PID_SECRET,
    );
    if (!department.ok || !person.ok) throw new Error('Department or person not created');
    const [role] = (await getTrustPerson(db, admin, person.userId)).person.roles;
    return { departmentId: department.id, personId: person.userId, assignmentId: role?.id ?? '' };
  };

  // Prepared cases by state, shared by rows until an action goes through on one.
  const prepared = new Map<string, Subject>();
  const prepare = async (row: MatrixRow, relation: Relation, fresh = false): Promise<Subject> => {
    const state = relation === 'consulted' ? 'inConsultation' : row.state;
    const key =
      row.subject === 'case' ? `${state ?? ''}${needsInquiry(row) ? '+inquiry' : ''}` : row.subject;
    const cached = prepared.get(key);
    if (cached && !fresh) return cached;
    const db = database.db;
    let subject: Subject = {
      caseId: '',
      version: 0,
      attachmentId: '',
      consultationId: '',
      decisionVersion: 0,
      phraseId: '',
      people,
      consultedTrustId: actors.HST.decisionMaker.trustId,
      caseNumber: '',
      importId: NO_IMPORT,
      departmentId: '',
      personId: '',
      assignmentId: '',
      inquiryId: '',
    };
    if (row.subject === 'trust') {
      const created = await createPhrase(db, actors.HBE.trustAdmin, {
        kind: 'reason',
        title: 'Matrise',
        text: 'Tekst.',
        sortOrder: '9',
      });
      if (!created.ok) throw new Error('Phrase not created');
      subject = { ...subject, phraseId: created.id, ...(await trustPeople(db)) };
    } else if (row.subject === 'case' && state) {
      subject = {
        ...subject,
        ...(await prepareCase(db, actors.HBE, state, actors.HST.decisionMaker)),
      };
      if (needsInquiry(row)) {
        const asked = await askInquiry(db, actors.OUS.nationalReader, subject.caseNumber, 'Dose?');
        subject = { ...subject, inquiryId: asked.id };
      }
    }
    prepared.set(key, subject);
    return subject;
  };

  for (const row of AUTHORIZATION_MATRIX) {
    it(rowName(row), async () => {
      const cells = new Map<string, Outcome>();
      const failures: string[] = [];
      for (const relation of relationsOf(row)) {
        const who: Who[] = relation === 'own' ? [...ROLES, 'anonymous'] : [...ROLES];
        let subject = await prepare(row, relation);
        for (const w of who) {
          let cookie: string | null = null;
          if (w !== 'anonymous') {
            cookie = row.endsSession
              ? (await signIn(database.db, TRUST_OF[relation], w)).cookie
              : (cookies.get(`${TRUST_OF[relation]}/${w}`) ?? null);
          }
          const response = await handle(requestFor(row, subject, cookie));
          await response.arrayBuffer();
          const outcome = classify(response, row);
          cells.set(`${relation}/${w}`, outcome);
          const want = expected(row, relation, w);
          if (outcome.verdict !== want) {
            failures.push(`${relation}/${w}: expected ${want}, got ${outcome.code}`);
          }
          // A change went through: the next cell gets a case in the row's state again.
          if (row.method === 'POST' && outcome.verdict === 'allow') {
            subject = await prepare(row, relation, true);
          }
        }
      }
      results.push({ row, cells });
      expect(failures, rowName(row)).toEqual([]);
    });
  }

  it('asserted every cell of the matrix', () => {
    console.log(report(results));
    const total = results.reduce((n, r) => n + r.cells.size, 0);
    const wanted = AUTHORIZATION_MATRIX.reduce(
      (n, row) => n + relationsOf(row).length * ROLES.length + 1,
      0,
    );
    expect(total).toBe(wanted);
  });
});

function report(results: { row: MatrixRow; cells: Map<string, Outcome> }[]): string {
  const columns = (['own', 'other', 'consulted'] as const).flatMap((relation) =>
    [...ROLES, ...(relation === 'own' ? ['anonymous'] : [])].map((w) => `${relation}/${w}`),
  );
  const lines = [
    'Cells: status code, "login" = sent to /logg-inn, "↩" = sent back (refused), "–" = no such cell.',
    ['route', ...columns].join(' | '),
  ];
  for (const { row, cells } of results) {
    lines.push([rowName(row), ...columns.map((c) => cells.get(c)?.code ?? '–')].join(' | '));
  }
  return lines.join('\n');
}
