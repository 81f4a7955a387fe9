import { sql } from 'drizzle-orm';
import { grantRole } from '../features/admin/trust-admin.server';
import { saveCohortSettings } from '../features/precedents/precedents.server';
import { saveGuidance } from '../features/guidance/guidance.server';
import { retrospectiveValues } from '../test/retrospective';
import { checkImport, registerRetrospective } from '../features/retrospective/retrospective.server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  giveLeaderInput,
  inviteCollaborator,
  addSectionComment,
  assignCommitteeMember,
  savePreparation,
  saveWorksheet,
} from '../features/assessment/assessment.server';
import { getCase, saveAnswers } from '../features/cases/cases.server';
import { askInquiry } from '../features/inquiries/inquiries.server';
import {
  getDeadlines,
  runStageAlerts,
  saveDeadlines,
  setUrgency,
} from '../features/clocks/clocks.server';
import { deadlineBase } from '../features/clocks/domain/clocks';
import { postMessage } from '../features/dialog/dialog.server';
import { recordOutcome } from '../features/followup/followup.server';
import { demoActors, signIn } from '../test/actors';
import { prepareCase, ratings, type PreparedCase, type TrustActors } from '../test/case-states';
import { onOneConnection, openTestDatabase, TEST_DATABASES } from '../test/databases';
import { CaseError } from '../features/cases/domain/errors';
import { inTenant, type Database, type TenantScope } from './database.server';
import { sqlState } from '../test/refusals';

/**
 * Row-level security, proven in SQL as the application's database role (issue #6): every table
 * is classified from the catalogue, every tenant table refuses another trust's reads and writes,
 * and each deliberate exception is listed with its reason and tested for its own rule. A new table
 * fails this test until it is classified here.
 */

/** Tables with `trust_id` but no tenant policy, on purpose. */
const TRUST_REFERENCE_TABLES: Record<string, string> = {
  departments:
    'Reference data: the departments of each trust, read by all to sign in and route cases; changed only by its own trust (migration 0030, tested in features/admin).',
  role_assignments:
    'Who holds which role where: read at sign-in, before a trust is bound; changed only by its own trust (migration 0030, tested in features/admin).',
  sessions: 'Sessions are looked up by token hash before a trust is bound; no case data.',
};

/** Trust reference tables with policies: everyone reads, only the own trust writes (0030). */
const TRUST_REFERENCE_WRITE_POLICIES: Record<string, string> = {
  departments: 'Read by all; inserted, renamed and removed only by the own trust.',
  role_assignments: 'Read by all; granted and revoked only by the own trust.',
};

/**
 * Tables with `trust_id` that every trust reads on purpose: national data without personal fields,
 * derived by the database and never written by the application role (ADR 0014).
 */
const NATIONAL_SUMMARY_TABLES: Record<string, string> = {
  case_summaries:
    'The national summary of each submitted case (no personal data), written only by refresh_case_summary().',
  statistics_volumes:
    'Statistics counts derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_stage_histograms:
    'Statistics stage-time histograms derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_scheme_volumes:
    'Statistics counts without the ATC code, derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_scheme_stage_histograms:
    'Statistics stage-time histograms per scheme and scope, derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_atc_stage_histograms:
    'Statistics stage-time histograms per ATC code, scheme and scope (months and years), derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_atc_group_stage_histograms:
    'Statistics stage-time histograms per ATC group (months and years), derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
};

/** Tables without `trust_id`: national reference data, no case data. */
const NATIONAL_TABLES: Record<string, string> = {
  trusts: 'The list of trusts (public reference data).',
  users: 'Health personnel (name, title, e-mail); a user may work in several trusts.',
  fest_imports: 'FEST: national drug catalogue, written by the importer only (ADR 0007).',
  fest_atc_codes: 'FEST: the ATC code system (KatKodeverk), national reference data.',
  fest_history:
    'FEST: earlier versions of national catalogue entries, written by the importer only.',
  fest_packages: 'FEST: national drug catalogue.',
  fest_products: 'FEST: national drug catalogue.',
  fest_refund_groups: 'FEST: national drug catalogue.',
  fest_strengths: 'FEST: national drug catalogue.',
  fest_substances: 'FEST: national drug catalogue.',
};

/**
 * Tables without `trust_id` that every trust reads on purpose through a read-all policy: national
 * statistics without a trust dimension, derived by the database and never written by the
 * application role (ADR 0015).
 */
const NATIONAL_DERIVED_TABLES: Record<string, string> = {
  statistics_atc_volumes:
    'Statistics submissions per ATC code without the trust, derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
  statistics_submissions:
    'Statistics submissions without the trust or the ATC code, derived from case_summaries (ADR 0015), written only by its trigger and rebuild_statistics().',
};

/** Tenant tables with an extra policy besides `trust_id = app.trust_id`, and why. */
const EXTRA_POLICIES: Record<string, string> = {
  notifications:
    'Own-user rule instead of the tenant rule: a user reads and marks only their own; any use case may notify (also across trusts, for consultations).',
  cases: 'A consulted trust reads the case while its grant is open (consulted_case_ids()).',
  case_events: 'Consulted read, as cases.',
  case_decisions: 'Consulted read, as cases.',
  attachments: 'Consulted read, as cases.',
  attachment_contents: 'Consulted read, as cases.',
  case_consultations: 'The consulted trust reads the grants made to it.',
  access_log:
    'Restrictive: the app role never sets reader_trust_id; a consulted read goes through log_consulted_access() (ADR 0025).',
  case_inquiries:
    "Two trusts instead of the tenant rule: the case's trust reads and answers, the asking trust reads, asks and withdraws (features/inquiries, tested there).",
  case_inquiry_events:
    'The audit trail of case_inquiries: read by the same two trusts, each adds its own act.',
};

interface CatalogueTable {
  name: string;
  rls: boolean;
  hasTrust: boolean;
  policies: number;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];

describe.each(TEST_DATABASES)('row-level security on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;
  let ous: TrustActors;
  let hst: TrustActors;
  let consulted: PreparedCase;
  let assessingId: string;
  let tables: CatalogueTable[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    hbe = await demoActors(db, 'HBE');
    ous = await demoActors(db, 'OUS');
    hst = await demoActors(db, 'HST');
    // Rows of trust HBE in every tenant table, written through the use cases.
    const draft = await prepareCase(db, hbe, 'draft');
    await saveAnswers(db, hbe.applicant, draft.caseId, {
      dose: { base: '1000 mg dag 1 og 15', value: '750 mg dag 1 og 15' },
    });
    const submitted = await prepareCase(db, hbe, 'submitted');
    // Asked by a third trust (HST), so the stranger below (OUS) is neither of its two trusts.
    await askInquiry(db, hst.nationalReader, submitted.caseNumber, 'Hvilken dose?');
    const endorser2 = (await signIn(db, 'HBE', 'endorser2')).actor;
    await inviteCollaborator(db, hbe.endorser, {
      caseId: submitted.caseId,
      userId: endorser2.userId,
    });
    await giveLeaderInput(db, endorser2, {
      caseId: submitted.caseId,
      values: { body: 'Innspill til forankringen.' },
    });
    const assessing = await prepareCase(db, hbe, 'underAssessment');
    assessingId = assessing.caseId;
    await getCase(db, hbe.decisionMaker, assessing.caseId);
    await postMessage(db, hbe.applicant, assessing.caseId, {
      body: 'Spørsmål.',
      visibility: 'case',
    });
    await addSectionComment(db, hbe.assessor, {
      caseId: assessing.caseId,
      sectionId: 'basis',
      body: 'Godt begrunnet.',
    });
    await saveWorksheet(db, hbe.assessor, {
      caseId: assessing.caseId,
      ratings: ratings(),
      version: 0,
    });
    const assessor2 = (await signIn(db, 'HBE', 'assessor2')).actor;
    await assignCommitteeMember(db, hbe.decisionMaker, {
      caseId: assessing.caseId,
      userId: assessor2.userId,
    });
    await savePreparation(db, hbe.decisionMaker, {
      caseId: assessing.caseId,
      notes: 'Forberedt.',
      version: 0,
    });
    await setUrgency(db, hbe.decisionMaker, assessing.caseId, { urgent: true, reason: 'Haster.' });
    const followUp = await prepareCase(db, hbe, 'followUp');
    await recordOutcome(db, hbe.applicant, followUp.caseId, {
      version: followUp.version,
      effect: 'good',
      sideEffects: '',
      continuation: 'continued',
      stopReason: '',
    });
    const deadlines = await getDeadlines(db, hbe.trustAdmin);
    await saveDeadlines(db, hbe.trustAdmin, {
      base: deadlineBase(deadlines),
      wanted: { ...deadlines, submitted: { normalDays: 8, urgentDays: 2 } },
    });
    await runStageAlerts(db, new Date(Date.now() + 365 * 86_400_000));
    consulted = await prepareCase(db, hbe, 'inConsultation', hst.decisionMaker);
    await saveCohortSettings(db, hbe.trustAdmin, { threshold: 3, windowDays: 90 });
    expect(
      await saveGuidance(db, hbe.trustAdmin, 'application', {
        text: 'Lokal veiledning.',
        linkTitles: [],
        linkUrls: [],
        version: '0',
      }),
    ).toEqual({ ok: true, version: 1 });
    expect(
      await grantRole(db, hbe.trustAdmin, hbe.applicant.userId, {
        role: 'assessor',
        departmentId: null,
      }),
    ).toEqual({ ok: true });
    const retrospective = (reference: string) => retrospectiveValues({ reference });
    expect((await registerRetrospective(db, hbe.decisionMaker, retrospective('R-1'))).ok).toBe(
      true,
    );
    const staged = await checkImport(db, hbe.decisionMaker, 'saker.csv', [
      { row: 2, values: retrospective('R-2') },
    ]);
    expect(staged.ok).toBe(true);

    const catalogue = await db.execute(sql`
      select c.relname as name, c.relrowsecurity as rls,
        exists (select 1 from information_schema.columns col where col.table_schema = 'public'
          and col.table_name = c.relname and col.column_name = 'trust_id') as "hasTrust",
        (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname)::int as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`);
    tables = rowsOf(catalogue).map((r) => ({
      name: String(r.name),
      rls: r.rls === true,
      hasTrust: r.hasTrust === true,
      policies: Number(r.policies),
    }));
  });
  afterAll(() => database.close());

  const tenantTables = () =>
    tables
      .filter(
        (t) =>
          t.hasTrust && !(t.name in TRUST_REFERENCE_TABLES) && !(t.name in NATIONAL_SUMMARY_TABLES),
      )
      .map((t) => t.name);
  const scope = (actor: { trustId: string; userId: string }): TenantScope => ({
    trustId: actor.trustId,
    userId: actor.userId,
  });
  /** Runs one statement as the application role bound to `as`; its rows, or the refusal's code. */
  const run = (as: TenantScope, statement: string) =>
    inTenant(database.db, as, async (tx) => rowsOf(await tx.execute(sql.raw(statement))));

  it('classifies every table: tenant (RLS and a policy), trust reference, or national', () => {
    const unclassified = tables
      .filter(
        (t) => !t.hasTrust && !(t.name in NATIONAL_TABLES) && !(t.name in NATIONAL_DERIVED_TABLES),
      )
      .map((t) => t.name);
    expect(
      unclassified,
      'a table without trust_id: add it to NATIONAL_TABLES (or NATIONAL_DERIVED_TABLES) with the reason',
    ).toEqual([]);
    for (const name of Object.keys(TRUST_REFERENCE_TABLES)) {
      expect(tables.find((t) => t.name === name)?.hasTrust, name).toBe(true);
    }
    const unprotected = tables
      .filter((t) => tenantTables().includes(t.name) && (!t.rls || t.policies === 0))
      .map((t) => t.name);
    expect(unprotected, 'a table with trust_id needs .enableRLS() and tenantPolicy()').toEqual([]);
    expect(tenantTables().length).toBeGreaterThanOrEqual(20);
  });

  it('holds no case data in the reference tables', async () => {
    const reference = [...Object.keys(TRUST_REFERENCE_TABLES), ...Object.keys(NATIONAL_TABLES)];
    const result = await database.db.execute(sql`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name in ('case_id', 'answers', 'patient_id')
        and table_name in (${sql.join(
          reference.map((name) => sql`${name}`),
          sql`, `,
        )})`);
    expect(rowsOf(result)).toEqual([]);
  });

  it('has rows of the home trust in every tenant table (the attempts below are not vacuous)', async () => {
    const empty: string[] = [];
    for (const table of tenantTables()) {
      const [row] = rowsOf(
        await database.db.execute(
          sql.raw(
            `select count(*)::int as n from ${table} where trust_id = '${hbe.applicant.trustId}'`,
          ),
        ),
      );
      if (Number(row?.n) === 0) empty.push(table);
    }
    expect(empty, 'write a row of trust HBE in the fixture above').toEqual([]);
  });

  it('reads through readAsApp as the app role with no trust bound: no tenant row is visible', async () => {
    const seen = await database.readAsApp(async (db) => {
      const [who] = rowsOf(await db.execute(sql`select current_user as role`));
      const counts: string[] = [String(who?.role)];
      for (const table of tenantTables()) {
        const [row] = rowsOf(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
        if (Number(row?.n) !== 0) counts.push(`${table}: ${String(row?.n)} rows`);
      }
      return counts;
    });
    expect(seen).toEqual(['sp_app']);
  });

  it("refuses another trust's rows to the app role: SELECT, UPDATE and DELETE touch 0 rows, INSERT is refused", async () => {
    const home = hbe.applicant.trustId;
    const stranger = scope(ous.decisionMaker);
    const findings: string[] = [];
    for (const table of tenantTables()) {
      const where = `where trust_id = '${home}'`;
      const read = await run(stranger, `select * from ${table} ${where}`);
      if (read.length > 0) findings.push(`${table}: SELECT saw ${read.length} rows`);
      for (const change of [
        `update ${table} set trust_id = trust_id ${where} returning 1`,
        `delete from ${table} ${where} returning 1`,
      ]) {
        // Zero rows, or no privilege at all (append-only tables): both leave the rows untouched.
        const outcome = await run(stranger, change).then(
          (rows) => (rows.length === 0 ? null : `${rows.length} rows`),
          (error: unknown) => {
            const code = (error as { cause?: { code?: string } }).cause?.code;
            return code === '42501' ? null : `error ${code}`;
          },
        );
        if (outcome) findings.push(`${table}: ${change.split(' ')[0]} → ${outcome}`);
      }
      // A copy of one of the home trust's rows, inserted by the stranger: refused by the policy's
      // WITH CHECK (or by the missing privilege), whatever else the row would violate.
      const [sample] = rowsOf(
        await database.db.execute(
          sql.raw(`select row_to_json(t) as r from ${table} t ${where} limit 1`),
        ),
      );
      const json = JSON.stringify(sample?.r ?? {}).replaceAll("'", "''");
      const code = await sqlState(
        run(
          stranger,
          `insert into ${table} select * from json_populate_record(null::${table}, '${json}'::json)`,
        ),
      );
      if (code !== '42501') findings.push(`${table}: INSERT as trust HBE → ${code ?? 'accepted'}`);
    }
    // notifications: the own-user rule lets any use case insert a notification (see below).
    expect(findings.filter((f) => !f.startsWith('notifications: INSERT'))).toEqual([]);
  });

  it('national summaries: every trust reads them, no trust writes them', async () => {
    const home = hbe.applicant.trustId;
    const stranger = scope(ous.decisionMaker);
    for (const table of Object.keys(NATIONAL_SUMMARY_TABLES)) {
      expect(tables.find((t) => t.name === table)?.rls, table).toBe(true);
      const where = `where trust_id = '${home}'`;
      expect((await run(stranger, `select * from ${table} ${where}`)).length).toBeGreaterThan(0);
      for (const as of [stranger, scope(hbe.decisionMaker)]) {
        expect(await sqlState(run(as, `update ${table} set trust_id = trust_id ${where}`))).toBe(
          '42501',
        );
        expect(await sqlState(run(as, `delete from ${table} ${where}`))).toBe('42501');
      }
    }
  });

  it('national derived tables without trust_id: every trust reads them, no trust writes them', async () => {
    for (const table of Object.keys(NATIONAL_DERIVED_TABLES)) {
      expect(tables.find((t) => t.name === table)?.rls, table).toBe(true);
      for (const as of [scope(ous.decisionMaker), scope(hbe.decisionMaker)]) {
        expect((await run(as, `select * from ${table}`)).length).toBeGreaterThan(0);
        expect(await sqlState(run(as, `update ${table} set grain = grain`))).toBe('42501');
        expect(await sqlState(run(as, `delete from ${table}`))).toBe('42501');
      }
    }
  });

  it('notifications: a user reads and marks only their own, in any trust', async () => {
    const [mine] = rowsOf(
      await database.db.execute(
        sql`select user_id from notifications where trust_id = ${hbe.applicant.trustId} limit 1`,
      ),
    );
    const owner = String(mine?.user_id);
    const colleague = scope(hbe.nationalReader);
    expect(colleague.userId).not.toBe(owner);
    const where = `where user_id = '${owner}'`;
    expect(await run(colleague, `select * from notifications ${where}`)).toEqual([]);
    expect(
      await run(colleague, `update notifications set read_at = now() ${where} returning 1`),
    ).toEqual([]);
    expect(await sqlState(run(colleague, `delete from notifications ${where}`))).toBe('42501');
    const own = await run(
      { trustId: hbe.applicant.trustId, userId: owner },
      `select id from notifications ${where}`,
    );
    expect(own.length).toBeGreaterThan(0);
  });

  it("consultation: the consulted trust's director reads the one case, no one else there, and writes nothing", async () => {
    const id = consulted.caseId;
    const director = scope(hst.decisionMaker);
    const reader = scope(hst.nationalReader);
    expect(await run(director, `select id from cases where id = '${id}'`)).toHaveLength(1);
    expect(
      (await run(director, `select id from case_events where case_id = '${id}'`)).length,
    ).toBeGreaterThan(0);
    expect(await run(director, `select id from attachments where case_id = '${id}'`)).toHaveLength(
      1,
    );
    expect(
      await run(director, `select id from case_consultations where case_id = '${id}'`),
    ).toHaveLength(1);
    expect(await run(reader, `select id from cases where id = '${id}'`)).toEqual([]);
    expect(
      await run(director, `update cases set version = version where id = '${id}' returning 1`),
    ).toEqual([]);
    expect(await run(director, `delete from cases where id = '${id}' returning 1`)).toEqual([]);
    // Nothing else of the home trust: another case, its messages.
    expect(
      await run(
        director,
        `select id from cases where trust_id = '${hbe.applicant.trustId}' and id <> '${id}'`,
      ),
    ).toEqual([]);
    expect(await run(director, `select id from case_messages where case_id = '${id}'`)).toEqual([]);
    // A trust without a grant sees nothing of it.
    expect(await run(scope(ous.decisionMaker), `select id from cases where id = '${id}'`)).toEqual(
      [],
    );
    // Its reads are logged only in the home trust's log, only through log_consulted_access(), and
    // only for the consulted case; it still reads nothing of that log.
    const homeLog = `select count(*)::int as n from access_log where trust_id = '${hbe.applicant.trustId}'`;
    const [{ n: logged } = { n: 0 }] = await run(scope(hbe.trustAdmin), homeLog);
    expect(
      await run(
        director,
        `select count(*)::int as n from (select log_consulted_access('${id}', 'view', null)) as called`,
      ),
    ).toEqual([{ n: 1 }]);
    expect(await run(scope(hbe.trustAdmin), homeLog)).toEqual([{ n: Number(logged) + 1 }]);
    expect(await run(director, `select id from access_log where case_id = '${id}'`)).toEqual([]);
    expect(
      await sqlState(run(director, `select log_consulted_access('${assessingId}', 'view', null)`)),
    ).toBe('42501');
    expect(
      await sqlState(
        run(
          director,
          `insert into access_log (trust_id, user_id, role, case_id, action) values ('${hbe.applicant.trustId}', '${hst.decisionMaker.userId}', 'consultant', '${id}', 'view')`,
        ),
      ),
    ).toBe('42501');
    expect(
      await sqlState(
        run(
          director,
          `insert into access_log (trust_id, user_id, role, action, reader_trust_id) values ('${hst.decisionMaker.trustId}', '${hst.decisionMaker.userId}', 'decisionMaker', 'view', '${ous.decisionMaker.trustId}')`,
        ),
      ),
    ).toBe('42501');
  });

  it("prepared reads: a connection's named statements show each trust only its own rows", async () => {
    // One connection for every statement: the case page's reads are prepared on it (by name,
    // parsed and planned once) and then run for another trust, then for the home trust again.
    await onOneConnection(database, async (one) => {
      expect((await getCase(one.db, hbe.decisionMaker, assessingId)).id).toBe(assessingId);
      if (one.kind === 'postgres') {
        const prepared = await one.db.execute(
          sql`select name from pg_prepared_statements where name in ('sp_case_visible', 'sp_case_details') order by name`,
        );
        expect(rowsOf(prepared).map((r) => r.name)).toEqual(['sp_case_details', 'sp_case_visible']);
      }
      await expect(getCase(one.db, ous.decisionMaker, assessingId)).rejects.toEqual(
        new CaseError('notFound'),
      );
      expect((await getCase(one.db, hbe.decisionMaker, assessingId)).id).toBe(assessingId);
    });
  });

  it('lists every extra policy on purpose', async () => {
    const result = await database.db.execute(sql`
      select distinct tablename from pg_policies
      where schemaname = 'public' and policyname not like '%\\_tenant' order by 1`);
    expect(
      rowsOf(result)
        .map((r) => String(r.tablename))
        .sort(),
    ).toEqual(
      [
        ...Object.keys(EXTRA_POLICIES),
        ...Object.keys(NATIONAL_SUMMARY_TABLES),
        ...Object.keys(NATIONAL_DERIVED_TABLES),
        ...Object.keys(TRUST_REFERENCE_WRITE_POLICIES),
      ].sort(),
    );
  });
});
