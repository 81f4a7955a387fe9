import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inTenant, type Database, type Tx } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { accessLog } from '../../db/schema';
import type { TenantScope } from '../../db/database.server';
import { demoActors } from '../../test/actors';
import { prepareCase, type PreparedCase, type TrustActors } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { databaseError } from '../../test/refusals';
import { getCase } from '../cases/cases.server';
import {
  chainHeads,
  formatVerifyReport,
  getAccessLogPage,
  verifyAccessLog,
  writeChainAnchors,
} from './auditlog.server';
import { hashInput, parseAnchor, type Anchor } from './domain/chain';

const logConsulted = (tx: Tx, caseId: string, action = 'view') =>
  tx.execute(sql`select log_consulted_access(${caseId}, ${action}, ${null})`);

describe.each(TEST_DATABASES)(
  "consulted reads in the treating trust's access log on %s",
  (kind) => {
    let database: Database;
    let hbe: TrustActors;
    let ous: TrustActors;
    let hst: TrustActors;
    let consulted: PreparedCase;
    let other: PreparedCase;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      hbe = await demoActors(database.db, 'HBE');
      ous = await demoActors(database.db, 'OUS');
      hst = await demoActors(database.db, 'HST');
      consulted = await prepareCase(database.db, hbe, 'inConsultation', ous.decisionMaker);
      other = await prepareCase(database.db, hbe, 'underAssessment');
    });
    afterAll(() => database.close());

    const db = () => database.db;
    const hbeTrust = () => hbe.applicant.trustId;
    const ousTrust = () => ous.decisionMaker.trustId;
    const hbeLog = () =>
      db().select().from(accessLog).where(eq(accessLog.trustId, hbeTrust())).orderBy(accessLog.seq);
    const ousLog = () =>
      db().select().from(accessLog).where(eq(accessLog.trustId, ousTrust())).orderBy(accessLog.seq);
    const scope = (actor: TenantScope): TenantScope => ({
      trustId: actor.trustId,
      userId: actor.userId,
    });

    it("writes a consulted read into the treating trust's log, with the reader's trust, and the chain verifies before and after", async () => {
      expect((await verifyAccessLog(db())).ok).toBe(true);
      const ownBefore = (await ousLog()).length;
      const before = (await hbeLog()).length;
      await getCase(db(), ous.decisionMaker, consulted.caseId);
      const added = (await hbeLog()).slice(before);
      expect(added).toEqual([
        expect.objectContaining({
          trustId: hbeTrust(),
          readerTrustId: ousTrust(),
          userId: ous.decisionMaker.userId,
          role: 'consultant',
          purpose: 'consultation',
          caseId: consulted.caseId,
          action: 'view',
        }),
      ]);
      // The reading trust keeps no copy (ADR 0025).
      expect(await ousLog()).toHaveLength(ownBefore);
      // Linked into HBE's chain like any other row.
      const rows = await hbeLog();
      expect(added[0]?.prevHash).toBe(rows[rows.length - 2]?.hash);
      expect((await verifyAccessLog(db())).ok).toBe(true);
    });

    it("shows the log controller who read from which trust, filterable by the reader's trust", async () => {
      const page = await getAccessLogPage(db(), hbe.trustAdmin, {});
      const knut = page.entries.find((e) => e.userId === ous.decisionMaker.userId);
      expect(knut).toMatchObject({
        userName: 'Knut Hansen',
        readerTrustName: 'Oslo universitetssykehus HF',
        caseNumber: consulted.caseNumber,
        role: 'consultant',
        purpose: 'consultation',
      });
      expect(knut?.userHpr).toMatch(/^\d+$/);
      expect(page.readerTrusts).toEqual([{ id: ousTrust(), name: 'Oslo universitetssykehus HF' }]);
      expect(page.users).toContainEqual({
        id: ous.decisionMaker.userId,
        name: 'Knut Hansen',
        trustName: 'Oslo universitetssykehus HF',
      });
      const theirs = await getAccessLogPage(db(), hbe.trustAdmin, {
        readerTrust: { own: false, trustId: ousTrust() },
      });
      expect(theirs.entries.length).toBeGreaterThan(0);
      expect(theirs.entries.every((e) => e.readerTrustName === 'Oslo universitetssykehus HF')).toBe(
        true,
      );
      const own = await getAccessLogPage(db(), hbe.trustAdmin, { readerTrust: { own: true } });
      expect(own.entries.length).toBeGreaterThan(0);
      expect(own.entries.every((e) => e.readerTrustName === null)).toBe(true);
      // The head is the row recording this very reading.
      const [last] = (await hbeLog()).slice(-1);
      expect(own.head).toEqual({ trustCode: 'HBE', seq: last?.seq, hash: last?.hash });
      expect(last).toMatchObject({ action: 'readAccessLog', userId: hbe.trustAdmin.userId });
      // Someone who also reads as one of HBE's own (roles in both trusts; written here as the
      // owner) is listed once, as one of its own.
      await db().insert(accessLog).values({
        trustId: hbeTrust(),
        userId: ous.decisionMaker.userId,
        role: 'decisionMaker',
        caseId: other.caseId,
        action: 'view',
      });
      const listed = (await getAccessLogPage(db(), hbe.trustAdmin, {})).users.filter(
        (u) => u.id === ous.decisionMaker.userId,
      );
      expect(listed).toEqual([
        { id: ous.decisionMaker.userId, name: 'Knut Hansen', trustName: null },
      ]);
    });

    it('refuses a consulted record for a case not consulted, and any direct write of another trust or reader', async () => {
      const before = await verifyAccessLog(db());
      const count = (await hbeLog()).length;
      const refusals = [
        // The consulted trust, but another case of HBE.
        () => inTenant(db(), scope(ous.decisionMaker), (tx) => logConsulted(tx, other.caseId)),
        // A trust without a grant.
        () => inTenant(db(), scope(hst.decisionMaker), (tx) => logConsulted(tx, consulted.caseId)),
        // The consulted trust's applicant: not its director or committee.
        () => inTenant(db(), scope(ous.applicant), (tx) => logConsulted(tx, consulted.caseId)),
        // The home trust itself (its own reads are plain rows).
        () => inTenant(db(), scope(hbe.decisionMaker), (tx) => logConsulted(tx, consulted.caseId)),
      ];
      for (const attempt of refusals) {
        expect(await databaseError(attempt())).toMatch(/no open consultation grant/);
      }
      // Straight into HBE's log: the tenant policy refuses it.
      expect(
        await databaseError(
          inTenant(db(), scope(ous.decisionMaker), (tx) =>
            tx.insert(accessLog).values({
              trustId: hbeTrust(),
              userId: ous.decisionMaker.userId,
              role: 'consultant',
              caseId: consulted.caseId,
              action: 'view',
            }),
          ),
        ),
      ).toMatch(/row-level security/);
      // Its own log with a made-up reader trust: the restrictive policy refuses it.
      expect(
        await databaseError(
          inTenant(db(), scope(hst.decisionMaker), (tx) =>
            tx.insert(accessLog).values({
              trustId: hst.decisionMaker.trustId,
              userId: hst.decisionMaker.userId,
              role: 'decisionMaker',
              caseId: null,
              action: 'view',
              readerTrustId: ousTrust(),
            }),
          ),
        ),
      ).toMatch(/row-level security/);
      expect(await hbeLog()).toHaveLength(count);
      expect((await verifyAccessLog(db())).ok).toBe(before.ok);
    });

    it("hashes reader_trust_id only when set: the database's hash and the TypeScript hash input agree", async () => {
      // A row with characters JSON must escape, written as the app writes it.
      await inTenant(db(), scope(hbe.decisionMaker), (tx) =>
        tx.insert(accessLog).values({
          trustId: hbeTrust(),
          userId: hbe.decisionMaker.userId,
          role: 'decisionMaker',
          caseId: other.caseId,
          action: 'view "sitat" \\ ny\nlinje\ttab æøå 🙂 \u0001',
          objectId: '/vedlegg/ÆØÅ',
        }),
      );
      const result = await db().execute(sql`
      select a.id, a.seq, a.trust_id, a.user_id, a.role, a.case_id, a.purpose, a.action,
             a.object_id, a.reader_trust_id, a.prev_hash, a.hash, access_log_hash(a) as db_hash,
             to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created,
             -- The hash as migration 0017 defined it, before reader_trust_id existed.
             encode(sha256(convert_to(a.prev_hash || jsonb_build_array(
               a.id, a.seq, a.trust_id, a.user_id, a.role, a.case_id, a.purpose, a.action,
               a.object_id, to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
             )::text, 'UTF8')), 'hex') as old_hash
      from access_log a order by a.id`);
      const rows = rowsOf(
        result,
        z.object({
          id: z.coerce.number(),
          seq: z.coerce.number(),
          trust_id: z.string(),
          user_id: z.string(),
          role: z.string(),
          case_id: z.string().nullable(),
          purpose: z.string(),
          action: z.string(),
          object_id: z.string().nullable(),
          reader_trust_id: z.string().nullable(),
          prev_hash: z.string(),
          hash: z.string(),
          db_hash: z.string(),
          created: z.string(),
          old_hash: z.string(),
        }),
      );
      expect(rows.some((r) => r.reader_trust_id !== null)).toBe(true);
      expect(rows.some((r) => r.action.includes('🙂'))).toBe(true);
      for (const r of rows) {
        const computed = createHash('sha256')
          .update(
            hashInput(r.prev_hash, {
              id: r.id,
              seq: r.seq,
              trustId: r.trust_id,
              userId: r.user_id,
              role: r.role,
              caseId: r.case_id,
              purpose: r.purpose,
              action: r.action,
              objectId: r.object_id,
              createdAt: r.created,
              readerTrustId: r.reader_trust_id,
            }),
            'utf8',
          )
          .digest('hex');
        expect(computed).toBe(r.hash);
        expect(r.db_hash).toBe(r.hash);
        // Without a reader trust the hash is exactly the old one; with it, it differs.
        if (r.reader_trust_id === null) expect(r.old_hash).toBe(r.hash);
        else expect(r.old_hash).not.toBe(r.hash);
      }
      expect((await verifyAccessLog(db())).ok).toBe(true);
    });

    it('writes one anchor line per trust, and verify accepts the anchors', async () => {
      const lines: string[] = [];
      const now = new Date('2026-12-04T12:00:00Z');
      const written = await writeChainAnchors(db(), now, (line) => lines.push(line));
      const heads = await chainHeads(db());
      expect(written.map((w) => w.trust)).toEqual(heads.map((h) => h.trustCode));
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(
        heads.map((h) => ({
          event: 'accessLogAnchor',
          trust: h.trustCode,
          seq: h.seq,
          hash: h.hash,
          time: '2026-12-04T12:00:00.000Z',
          anchor: `${h.trustCode}:${h.seq}:${h.hash}`,
        })),
      );
      const anchors = written.map((w) => {
        const parsed = parseAnchor(w.anchor);
        if (!parsed.ok) throw new Error(parsed.error);
        return parsed.anchor;
      });
      // More reads later: the anchors still hold, the chain goes on from them.
      await getCase(db(), ous.decisionMaker, consulted.caseId);
      const report = await verifyAccessLog(db(), anchors);
      expect(report.ok).toBe(true);
      expect(report.anchors.every((a) => a.problem === null)).toBe(true);
      expect(formatVerifyReport(report)).toMatch(
        /OK {6}anchor HBE:\d+:[0-9a-f]{64}: the row at seq/,
      );
      expect(formatVerifyReport(report)).toMatch(/every chain is intact and every anchor holds/);
    });

    it('fails an anchor that is unknown, missing or differs, naming why', async () => {
      const [head] = (await chainHeads(db())).filter((h) => h.trustCode === 'HBE');
      if (!head) throw new Error('no head');
      const anchors: Anchor[] = [
        { trustCode: 'XXX', seq: 1, hash: head.hash },
        { trustCode: 'HBE', seq: head.seq + 1000, hash: head.hash },
        { trustCode: 'HBE', seq: head.seq, hash: 'f'.repeat(64) },
      ];
      const report = await verifyAccessLog(db(), anchors);
      expect(report.ok).toBe(false);
      expect(report.anchors.map((a) => a.problem)).toEqual([
        'unknownTrust',
        'rowMissing',
        'hashDiffers',
      ]);
      // Every chain itself is intact: only the anchors fail.
      expect(report.trusts.every((t) => t.firstBreak === null)).toBe(true);
      const text = formatVerifyReport(report);
      expect(text).toMatch(/FAILED {2}anchor XXX:1:[0-9a-f]{64}: no trust has the code XXX/);
      expect(text).toContain(`FAILED  anchor HBE:${head.seq + 1000}:`);
      expect(text).toMatch(/HBE has no row at seq \d+ \(the chain was cut off/);
      expect(text).toContain(
        `the row at seq ${head.seq} has hash ${head.hash} (the chain was rewritten`,
      );
      expect(text).toMatch(/Access log NOT intact: an anchor does not hold\.$/);
    });

    it('catches an owner who rewrites the whole chain, which the chain alone cannot', async () => {
      const [head] = (await chainHeads(db())).filter((h) => h.trustCode === 'HBE');
      if (!head) throw new Error('no head');
      const anchor = { trustCode: 'HBE', seq: head.seq, hash: head.hash };
      expect((await verifyAccessLog(db(), [anchor])).ok).toBe(true);
      // As the owner: hide Knut Hansen's read, then re-chain every row from there on.
      const [victim] = await db()
        .select()
        .from(accessLog)
        .where(
          and(eq(accessLog.trustId, hbeTrust()), eq(accessLog.userId, ous.decisionMaker.userId)),
        )
        .orderBy(accessLog.seq)
        .limit(1);
      if (!victim) throw new Error('no consulted row');
      await db().execute(sql`
      update access_log set user_id = ${hbe.decisionMaker.userId}, reader_trust_id = null,
        role = 'decisionMaker', purpose = 'casework'
      where id = ${victim.id}`);
      await db().execute(sql`
      do $$
      declare r access_log; previous text;
      begin
        for r in select * from access_log where trust_id = ${sql.raw(`'${hbeTrust()}'`)}
                 and seq >= ${sql.raw(String(victim.seq))} order by seq loop
          if previous is not null then
            r.prev_hash := previous;
            update access_log set prev_hash = previous where id = r.id;
          end if;
          previous := access_log_hash(r);
          update access_log set hash = previous where id = r.id;
        end loop;
      end $$`);
      const rewritten = await verifyAccessLog(db());
      expect(rewritten.trusts.find((t) => t.trustCode === 'HBE')?.firstBreak).toBeNull();
      const report = await verifyAccessLog(db(), [anchor]);
      expect(report.ok).toBe(false);
      expect(report.anchors).toEqual([expect.objectContaining({ anchor, problem: 'hashDiffers' })]);
      // Cutting the newest rows off instead: the anchored row is gone.
      await db().execute(
        sql`delete from access_log where trust_id = ${hbeTrust()} and seq >= ${head.seq}`,
      );
      const cut = await verifyAccessLog(db(), [anchor]);
      expect(cut.trusts.find((t) => t.trustCode === 'HBE')?.firstBreak).toBeNull();
      expect(cut.anchors[0]?.problem).toBe('rowMissing');
    });
  },
);
