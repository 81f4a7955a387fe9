import type { Bundle, FhirResource } from 'fhir/r4';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { accessLog } from '../../db/schema';
import type { DemoTrustCode } from '../../db/seed.server';
import { loader as exportLoader } from '../../routes/case-export';
import { loader } from '../../routes/case-fhir';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { prepareCase, type PreparedCase } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { fhirSchemaErrors } from '../../test/fhir-schema';
import { loaderArgs } from '../../test/routes';
import { retrospectiveValues } from '../../test/retrospective';
import type { Role } from '../auth/domain/roles';
import { registerRetrospective } from '../retrospective/retrospective.server';

describe.each(TEST_DATABASES)('GET /saker/:caseId/fhir on %s', (kind) => {
  let database: Database;
  let prepared: PreparedCase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const hbe = await demoActors(database.db, 'HBE');
    prepared = await prepareCase(database.db, hbe, 'decided');
  });
  afterAll(() => database.close());

  const db = () => database.db;

  /** The route's answer for a demo user, or the refusal it throws (its status). */
  async function get(trust: DemoTrustCode, role: Role, caseId = prepared.caseId) {
    const { cookie } = await signIn(db(), trust, role);
    try {
      return await loader(
        loaderArgs(database, `/saker/${caseId}/fhir`, cookie, '/saker/:caseId/fhir', { caseId }),
      );
    } catch (error) {
      if (error && typeof error === 'object' && 'init' in error) {
        const init = (error as { init: { status?: number } | null }).init;
        return { refused: init?.status };
      }
      throw error;
    }
  }

  const logged = () =>
    db()
      .select({ userId: accessLog.userId, role: accessLog.role, purpose: accessLog.purpose })
      .from(accessLog)
      .where(and(eq(accessLog.caseId, prepared.caseId), eq(accessLog.action, 'fhirExport')));

  it('answers a case worker with a valid FHIR R4 Bundle, and logs the export', async () => {
    const before = (await logged()).length;
    const response = await get('HBE', 'applicant');
    if (!(response instanceof Response)) throw new Error(`Refused: ${String(response.refused)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="soknad-${prepared.caseNumber}.fhir.json"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bundle = (await response.json()) as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const resources = (bundle.entry ?? []).map((e) => e.resource as FhirResource);
    const patient = resources.find((r) => r.resourceType === 'Patient');
    expect(patient?.resourceType === 'Patient' && patient.identifier).toEqual([
      {
        use: 'official',
        system: 'urn:oid:2.16.578.1.12.4.1.4.1',
        value: completeAnswers.patientId,
      },
    ]);
    const task = resources.find((r) => r.resourceType === 'Task');
    expect(task).toMatchObject({
      status: 'completed',
      identifier: [{ value: prepared.caseNumber }],
      output: [
        { valueCodeableConcept: { coding: [{ code: 'approved' }] } },
        { valueDateTime: expect.any(String) as string },
      ],
    });
    const organization = resources.find((r) => r.resourceType === 'Organization');
    expect(organization).toMatchObject({
      name: 'Helse Bergen HF',
      identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '983974724' }],
    });

    const rows = await logged();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ role: 'applicant', purpose: 'export' });
  });

  it.each([
    ['another trust', 'HST', 'decisionMaker'],
    ['a national reader of the same trust', 'HBE', 'nationalReader'],
    ['a trust administrator', 'HBE', 'trustAdmin'],
  ] as const)('refuses %s with 404 and logs nothing', async (_who, trust, role) => {
    const before = (await logged()).length;
    expect(await get(trust, role)).toEqual({ refused: 404 });
    expect(await logged()).toHaveLength(before);
  });

  it('exports an application as JSON with its applicant, and logs the read as an export', async () => {
    const exportsLogged = () =>
      db()
        .select({ role: accessLog.role, purpose: accessLog.purpose })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, prepared.caseId), eq(accessLog.action, 'export')));
    const before = (await exportsLogged()).length;
    const { cookie } = await signIn(db(), 'HBE', 'decisionMaker');
    const response = await exportLoader(
      loaderArgs(database, `/saker/${prepared.caseId}/eksport`, cookie, '/saker/:caseId/eksport', {
        caseId: prepared.caseId,
      }),
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="soknad-${prepared.caseNumber}.json"`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      caseNumber: prepared.caseNumber,
      status: 'decided',
      trust: 'Helse Bergen HF',
      applicant: 'Ingrid Haugland',
      retrospective: null,
      submittedAt: expect.any(String) as string,
    });
    const rows = await exportsLogged();
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ role: 'decisionMaker', purpose: 'export' });
  });

  it('names no applicant in either export of a case registered after the fact', async () => {
    const hbe = await demoActors(db(), 'HBE');
    const registered = await registerRetrospective(
      db(),
      hbe.decisionMaker,
      retrospectiveValues({ reference: 'ePhorte 2024/501' }),
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered.errors));
    const caseId = registered.caseId;
    const response = await get('HBE', 'decisionMaker', caseId);
    if (!(response instanceof Response)) throw new Error(`Refused: ${String(response.refused)}`);
    const bundle = (await response.json()) as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).map((e) => e.resource as FhirResource);
    expect(resources.map((r) => r.resourceType)).toEqual([
      'Task',
      'QuestionnaireResponse',
      'MedicationRequest',
      'Organization',
    ]);
    const task = resources.find((r) => r.resourceType === 'Task');
    expect(task).toMatchObject({
      status: 'completed',
      identifier: [
        { use: 'official', value: registered.caseNumber },
        { use: 'secondary', value: 'ePhorte 2024/501' },
      ],
      note: [{ authorString: 'Per Vik' }],
    });
    expect(task?.resourceType === 'Task' && task.requester).toBeUndefined();

    const { cookie } = await signIn(db(), 'HBE', 'decisionMaker');
    const json = (await (
      await exportLoader(
        loaderArgs(database, `/saker/${caseId}/eksport`, cookie, '/saker/:caseId/eksport', {
          caseId,
        }),
      )
    ).json()) as Record<string, unknown>;
    expect(json).toMatchObject({
      caseNumber: registered.caseNumber,
      applicant: null,
      retrospective: { registeredBy: 'Per Vik', reference: 'ePhorte 2024/501' },
    });
  });

  it('answers 404 to a case id that is no case', async () => {
    expect(await get('HBE', 'applicant', '00000000-0000-4000-8000-000000000000')).toEqual({
      refused: 404,
    });
  });
});
