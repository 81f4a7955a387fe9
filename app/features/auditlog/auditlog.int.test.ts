import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  inTenant,
  openPostgres,
  type Database,
  type PostgresDatabase,
} from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { accessLog } from '../../db/schema';
import { loader as accessLogLoader } from '../../routes/admin-access-log';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { loaderArgs } from '../../test/routes';
import { databaseError, refusal } from '../../test/refusals';
import {
  createDraft,
  getCase,
  getCaseIn,
  inCasePage,
  logAccess,
  saveAnswers,
  transition,
} from '../cases/cases.server';
import { grantRole } from '../admin/trust-admin.server';
import { addDays, dateInNorway } from '../cases/domain/dates';
import { loadDialogIn } from '../dialog/dialog.server';
import { CaseError } from '../cases/domain/errors';
import { formatVerifyReport, getAccessLogPage, verifyAccessLog } from './auditlog.server';

describe.each(TEST_DATABASES)('access log hash chain on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let hst: Awaited<ReturnType<typeof demoActors>>;
  let caseId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    hst = await demoActors(database.db, 'HST');
  });
  afterAll(() => database.close());

  const db = () => database.db;
  const hbeTrust = () => hbe.applicant.trustId;

  /** A fresh chain of reads in HBE (and one in HST), as the app writes it. */
  beforeEach(async () => {
    await db().execute(sql`alter table access_log disable trigger access_log_chain`);
    await db().execute(sql`delete from access_log`);
    await db().execute(sql`alter table access_log enable trigger access_log_chain`);
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    caseId = draft.id;
    for (let i = 0; i < 3; i++) await getCase(db(), hbe.decisionMaker, caseId);
    const other = await createDraft(db(), hst.applicant, completeAnswers);
    await getCase(db(), hst.applicant, other.id);
  });

  const chain = () =>
    db().select().from(accessLog).where(eq(accessLog.trustId, hbeTrust())).orderBy(accessLog.seq);
  const hbeReport = async () => {
    const report = await verifyAccessLog(db());
    return report.trusts.find((t) => t.trustId === hbeTrust());
  };

  it('chains each trust from 1 with prev_hash = the previous hash, and verifies', async () => {
    const rows = await chain();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const report = await verifyAccessLog(db());
    expect(report.ok).toBe(true);
    expect(report.trusts.map((t) => t.trustCode).sort()).toEqual(['HBE', 'HST']);
    expect(formatVerifyReport(report)).toMatch(/every chain is intact/);
  });

  it('ignores chain values the caller gives: the database sets them', async () => {
    await inTenant(db(), hbe.decisionMaker, (tx) =>
      tx.insert(accessLog).values({
        trustId: hbeTrust(),
        userId: hbe.decisionMaker.userId,
        role: 'decisionMaker',
        caseId,
        action: 'view',
        seq: 1,
        prevHash: 'forged',
        hash: 'forged',
      }),
    );
    expect((await verifyAccessLog(db())).ok).toBe(true);
  });

  it('detects an UPDATEd row', async () => {
    const rows = await chain();
    const victim = rows[2];
    if (!victim) throw new Error('no row');
    await db().execute(sql`update access_log set action = 'export' where id = ${victim.id}`);
    const report = await verifyAccessLog(db());
    expect(report.ok).toBe(false);
    expect((await hbeReport())?.firstBreak).toMatchObject({ id: victim.id, problem: 'rowChanged' });
    // The other trust's chain is still intact.
    expect(report.trusts.find((t) => t.trustCode === 'HST')?.firstBreak).toBeNull();
    expect(formatVerifyReport(report)).toMatch(
      new RegExp(`BROKEN  HBE: first broken row id ${victim.id} .*changed`),
    );
  });

  it('detects a DELETEd row', async () => {
    const rows = await chain();
    const victim = rows[1];
    const next = rows[2];
    if (!victim || !next) throw new Error('no row');
    await db().execute(sql`delete from access_log where id = ${victim.id}`);
    expect((await verifyAccessLog(db())).ok).toBe(false);
    expect((await hbeReport())?.firstBreak).toMatchObject({ id: next.id, problem: 'gap' });
  });

  it('detects re-ordered rows (positions swapped)', async () => {
    const rows = await chain();
    const [a, b] = [rows[1], rows[2]];
    if (!a || !b) throw new Error('no row');
    await db().execute(sql`update access_log set seq = -1 where id = ${a.id}`);
    await db().execute(sql`update access_log set seq = ${a.seq} where id = ${b.id}`);
    await db().execute(sql`update access_log set seq = ${b.seq} where id = ${a.id}`);
    expect((await hbeReport())?.firstBreak).toMatchObject({ id: b.id, problem: 'brokenLink' });
  });

  it('detects an inserted row, even one with a correct hash of its own', async () => {
    const rows = await chain();
    const before = rows[1];
    const after = rows[2];
    if (!before || !after) throw new Error('no row');
    // As the owner, without the trigger: make room after `before` and forge a well-formed row.
    await db().execute(sql`alter table access_log disable trigger access_log_chain`);
    await db().execute(
      sql`update access_log set seq = seq + 1000 where trust_id = ${hbeTrust()} and seq > ${before.seq}`,
    );
    await db().execute(
      sql`update access_log set seq = seq - 999 where trust_id = ${hbeTrust()} and seq > 1000`,
    );
    const inserted = await db().execute(sql`
      insert into access_log (trust_id, user_id, role, case_id, action, purpose, seq, prev_hash, hash)
      values (${hbeTrust()}, ${hbe.endorser.userId}, 'endorser', ${caseId}, 'view', 'casework',
              ${before.seq + 1}, ${before.hash}, '')
      returning id`);
    const id = rowsOf(inserted, z.object({ id: z.coerce.number() }))[0]?.id;
    await db().execute(sql`update access_log a set hash = access_log_hash(a) where id = ${id}`);
    await db().execute(sql`alter table access_log enable trigger access_log_chain`);
    expect((await hbeReport())?.firstBreak).toMatchObject({ id: after.id, problem: 'brokenLink' });
  });

  it('reads the log in batches: the same report, breaks and anchors across batch boundaries', async () => {
    const whole = await verifyAccessLog(db());
    const rows = await chain();
    const last = rows.at(-1);
    const third = rows[2];
    if (!last || !third || rows.length < 5) throw new Error('too short a chain');
    const anchors = [
      { trustCode: 'HBE', seq: last.seq, hash: last.hash },
      { trustCode: 'HBE', seq: third.seq, hash: third.hash },
    ];
    for (const batchSize of [1, 2, 3]) {
      const batched = await verifyAccessLog(db(), anchors, { batchSize });
      expect(batched.trusts).toEqual(whole.trusts);
      expect(batched.anchors.map((a) => a.problem)).toEqual([null, null]);
    }
    // A change in a later batch is found, and an anchor past the end says the row is missing.
    await db().execute(sql`update access_log set action = 'export' where id = ${last.id}`);
    const broken = await verifyAccessLog(
      db(),
      [...anchors, { trustCode: 'HBE', seq: last.seq + 1, hash: last.hash }],
      { batchSize: 2 },
    );
    expect(broken.trusts.find((t) => t.trustCode === 'HBE')?.firstBreak).toMatchObject({
      id: last.id,
      problem: 'rowChanged',
    });
    expect(broken.anchors.map((a) => a.problem)).toEqual([null, null, 'rowMissing']);
    expect(broken.ok).toBe(false);
  });

  it('keeps the log append-only for the application role', async () => {
    for (const statement of [
      sql`update access_log set action = 'x'`,
      sql`delete from access_log`,
      sql`truncate access_log`,
    ]) {
      expect(
        await databaseError(inTenant(db(), hbe.decisionMaker, (tx) => tx.execute(statement))),
      ).toMatch(/permission denied/);
    }
  });

  it('records purpose and object', async () => {
    await inTenant(db(), hbe.applicant, (tx) =>
      logAccess(tx, hbe.applicant, 'applicant', caseId, 'attachment-download', {
        objectId: 'a-1',
      }),
    );
    const [row] = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.caseId, caseId), eq(accessLog.action, 'attachment-download')));
    expect(row).toMatchObject({ purpose: 'casework', objectId: 'a-1', role: 'applicant' });
  });

  it('chains the records a page writes in one multi-row INSERT, in call order', async () => {
    const before = (await chain()).length;
    await inCasePage(db(), hbe.decisionMaker, async (tx) => {
      await getCaseIn(tx, hbe.decisionMaker, caseId);
      await loadDialogIn(tx, hbe.decisionMaker, caseId);
      await logAccess(tx, hbe.decisionMaker, 'decisionMaker', caseId, 'attachment-download', {
        objectId: 'a-2',
      });
    });
    const rows = (await chain()).slice(before);
    expect(rows.map((r) => [r.action, r.objectId])).toEqual([
      ['view', null],
      ['readMessages', null],
      ['attachment-download', 'a-2'],
    ]);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(3);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect((await verifyAccessLog(db())).ok).toBe(true);
  });

  it('writes no record of a page whose transaction fails', async () => {
    const before = (await chain()).length;
    await expect(
      inCasePage(db(), hbe.decisionMaker, async (tx) => {
        await getCaseIn(tx, hbe.decisionMaker, caseId);
        throw new CaseError('forbidden');
      }),
    ).rejects.toThrow(CaseError);
    expect(await chain()).toHaveLength(before);
  });

  it('logs every write of the answers', async () => {
    const draft = await createDraft(db(), hbe.applicant, completeAnswers);
    await saveAnswers(db(), hbe.applicant, draft.id, {
      dose: { base: completeAnswers.dose ?? null, value: '500 mg' },
    });
    const rows = await db()
      .select({ action: accessLog.action })
      .from(accessLog)
      .where(eq(accessLog.caseId, draft.id))
      .orderBy(accessLog.seq);
    expect(rows.map((r) => r.action)).toEqual(['create', 'saveAnswers']);
  });

  it('shows the log only to the trust administrator, and logs reading it', async () => {
    expect(await refusal(getAccessLogPage(db(), hbe.decisionMaker, {}), CaseError)).toBe(
      'forbidden',
    );
    const page = await getAccessLogPage(db(), hbe.trustAdmin, {});
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((e) => e.userId !== hst.applicant.userId)).toBe(true);
    const filtered = await getAccessLogPage(db(), hbe.trustAdmin, {
      userId: hbe.decisionMaker.userId,
    });
    expect(filtered.entries.map((e) => e.action)).toEqual(['view', 'view', 'view']);
    const [logged] = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.userId, hbe.trustAdmin.userId), eq(accessLog.purpose, 'logControl')));
    expect(logged).toMatchObject({ action: 'readAccessLog', caseId: null, role: 'trustAdmin' });
    expect((await verifyAccessLog(db())).ok).toBe(true);
  });

  it('the log page reads its dates typed dd.mm.åååå as the date fields send them (YYYY-MM-DD)', async () => {
    const { cookie } = await signIn(db(), 'HBE', 'trustAdmin');
    const read = (query: string) =>
      accessLogLoader(
        loaderArgs(
          database,
          `/admin/tilgangslogg?bruker=${hbe.decisionMaker.userId}&${query}`,
          cookie,
          '/admin/tilgangslogg',
        ),
      );
    const today = dateInNorway(new Date());
    const yesterday = addDays(today, -1);
    const norwegian = (date: string, pad: boolean) =>
      date
        .split('-')
        .reverse()
        .map((part) => (pad ? part : String(Number(part))))
        .join('.');
    const iso = await read(`fra=${today}&til=${today}`);
    const typed = await read(`fra=${norwegian(today, false)}&til=${norwegian(today, true)}`);
    expect(iso.entries.map((e) => e.action)).toEqual(['view', 'view', 'view']);
    expect(typed.entries).toEqual(iso.entries);
    expect(typed.errors).toEqual({});
    expect([typed.values.from, typed.values.to]).toEqual([today, today]);
    // The dates filter: yesterday, typed the Norwegian way, has none of today's reads.
    const before = await read(
      `fra=${norwegian(yesterday, true)}&til=${norwegian(yesterday, true)}`,
    );
    expect([before.entries, before.errors]).toEqual([[], {}]);
    // A date that does not exist is reported and kept as typed; the other filters still apply.
    const refused = await read('fra=31.02.2026');
    expect(refused.errors).toEqual({ from: 'invalidDate' });
    expect(refused.values.from).toBe('31.02.2026');
    expect(refused.entries.map((e) => e.action)).toEqual(['view', 'view', 'view']);
  });

  it('lists a role an administrator gave themselves as unusual access, and not a grant to another', async () => {
    const selfGranted = async () =>
      (await getAccessLogPage(db(), hbe.trustAdmin, {})).unusual.filter(
        (u) => u.finding.kind === 'selfGranted',
      );
    const before = await selfGranted();
    const trustWide = { departmentId: null };
    expect(
      await grantRole(db(), hbe.trustAdmin, hbe.applicant.userId, {
        role: 'assessor',
        ...trustWide,
      }),
    ).toMatchObject({ ok: true });
    expect(await selfGranted()).toEqual(before);
    expect(
      await grantRole(db(), hbe.trustAdmin, hbe.trustAdmin.userId, {
        role: 'decisionMaker',
        ...trustWide,
      }),
    ).toMatchObject({ ok: true });
    const after = await selfGranted();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({
      finding: { kind: 'selfGranted', userId: hbe.trustAdmin.userId, role: 'decisionMaker' },
      userName: hbe.trustAdmin.name,
      caseNumber: null,
    });
    // Another trust's log controller does not see it.
    const hstPage = await getAccessLogPage(db(), hst.trustAdmin, {});
    expect(hstPage.unusual.some((u) => u.finding.userId === hbe.trustAdmin.userId)).toBe(false);
  });

  if (kind === 'postgres') {
    it('never forks under concurrent inserts from many connections', async () => {
      const pool: PostgresDatabase = openPostgres((database as PostgresDatabase).url, 16);
      try {
        await Promise.all(
          Array.from({ length: 80 }, (_, i) =>
            inTenant(pool.db, hbe.decisionMaker, (tx) =>
              logAccess(tx, hbe.decisionMaker, 'decisionMaker', caseId, `concurrent-${i}`),
            ),
          ),
        );
      } finally {
        await pool.close();
      }
      const rows = await chain();
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect((await verifyAccessLog(db())).ok).toBe(true);
    });
  }
});
