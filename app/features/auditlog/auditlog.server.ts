import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { accessLog, cases, roleAssignments, users } from '../../db/schema';
import { hasRole, type Actor } from '../auth/domain/roles';
import { CaseError } from '../cases/domain/errors';
import { LOG_PAGE_SIZE } from './domain/filter';
import { isPurpose, type Purpose } from './domain/purposes';
import { unusualAccess, type Finding, type LoggedAccess } from './domain/unusual';

// ---------------------------------------------------------------------------------------------
// Verification of the hash chain (as the owner, across trusts; `npm run audit:verify`)
// ---------------------------------------------------------------------------------------------

export type ChainProblem =
  /** The row's hash does not match its contents: the row was changed. */
  | 'rowChanged'
  /** The row does not follow its predecessor: a row before it was deleted or inserted. */
  | 'brokenLink'
  /** A position in the chain is missing or repeated: rows deleted, inserted or re-ordered. */
  | 'gap';

export interface ChainBreak {
  id: number;
  seq: number;
  problem: ChainProblem;
  /** The seq the chain expected at this point. */
  expectedSeq: number;
}

export interface TrustChainReport {
  trustId: string;
  trustCode: string;
  rows: number;
  /** The last row (store it elsewhere: a later verify then also detects a cut-off end). */
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
}

export interface VerifyReport {
  ok: boolean;
  trusts: TrustChainReport[];
}

const GENESIS = '0'.repeat(64);

const chainRow = z.object({
  id: z.coerce.number(),
  trust_id: z.string(),
  code: z.string(),
  seq: z.coerce.number(),
  prev_hash: z.string(),
  hash: z.string(),
  expected: z.string(),
});

/**
 * Recomputes every trust's chain. Must run as the table owner (no row-level security), e.g. the
 * connection of `openPglite`/`openPostgres` itself, never inside inTenant.
 */
export async function verifyAccessLog(db: Db): Promise<VerifyReport> {
  const result = await db.execute(sql`
    select a.id, a.trust_id, t.code, a.seq, a.prev_hash, a.hash, access_log_hash(a) as expected
    from access_log a join trusts t on t.id = a.trust_id
    order by a.trust_id, a.seq, a.id`);
  const rows = rowsOf(result, chainRow);
  const reports = new Map<string, TrustChainReport>();
  for (const row of rows) {
    let report = reports.get(row.trust_id);
    if (!report) {
      report = {
        trustId: row.trust_id,
        trustCode: row.code,
        rows: 0,
        head: null,
        firstBreak: null,
      };
      reports.set(row.trust_id, report);
    }
    const expectedSeq = (report.head?.seq ?? 0) + 1;
    const previousHash = report.head?.hash ?? GENESIS;
    report.rows++;
    if (!report.firstBreak) {
      const problem: ChainProblem | null =
        row.seq !== expectedSeq
          ? 'gap'
          : row.prev_hash !== previousHash
            ? 'brokenLink'
            : row.hash !== row.expected
              ? 'rowChanged'
              : null;
      if (problem) report.firstBreak = { id: row.id, seq: row.seq, problem, expectedSeq };
    }
    report.head = { seq: row.seq, hash: row.hash };
  }
  const trustsReported = [...reports.values()].sort((a, b) =>
    a.trustCode.localeCompare(b.trustCode),
  );
  return { ok: trustsReported.every((r) => r.firstBreak === null), trusts: trustsReported };
}

const PROBLEM_TEXT: Record<ChainProblem, string> = {
  rowChanged: 'the row was changed after it was written (its hash does not match)',
  brokenLink: 'the row does not follow the row before it (a row was deleted or inserted before it)',
  gap: 'a position in the chain is missing or repeated (rows deleted, inserted or re-ordered)',
};

/** The verify command's report, one line per trust. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = report.trusts.map((t) => {
    const head = t.head ? `head seq ${t.head.seq} ${t.head.hash}` : 'empty';
    if (!t.firstBreak) return `OK      ${t.trustCode}: ${t.rows} rows, ${head}`;
    const b = t.firstBreak;
    return (
      `BROKEN  ${t.trustCode}: first broken row id ${b.id} (seq ${b.seq}, expected seq ${b.expectedSeq}): ` +
      PROBLEM_TEXT[b.problem]
    );
  });
  if (lines.length === 0) lines.push('The access log is empty.');
  lines.push(report.ok ? 'Access log verified: every chain is intact.' : 'Access log NOT intact.');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The log controller's view (/admin/tilgangslogg): the trust administrator
// ---------------------------------------------------------------------------------------------

export interface AccessLogFilter {
  userId?: string;
  caseNumber?: string;
  /** YYYY-MM-DD, Norwegian days, inclusive. */
  from?: string;
  to?: string;
}

export interface AccessLogEntry {
  id: number;
  seq: number;
  at: Date;
  userId: string;
  userName: string;
  role: string;
  caseId: string | null;
  caseNumber: string | null;
  action: string;
  purpose: Purpose;
  objectId: string | null;
}

export interface UnusualItem {
  finding: Finding;
  userName: string;
  caseNumber: string | null;
}

export interface AccessLogPage {
  entries: AccessLogEntry[];
  /** More entries matched than are shown. */
  truncated: boolean;
  unusual: UnusualItem[];
  users: { id: string; name: string }[];
}

/** How far back the unusual-access list looks. */
export const UNUSUAL_DAYS = 30;

/** The trust's access log for its log controller (the trust administrator). Reading it is logged. */
export async function getAccessLogPage(
  db: Db,
  actor: Actor,
  filter: AccessLogFilter,
  now = new Date(),
): Promise<AccessLogPage> {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
  return inTenant(db, actor, async (tx) => {
    const where: SQL[] = [eq(accessLog.trustId, actor.trustId)];
    if (filter.userId) where.push(eq(accessLog.userId, filter.userId));
    if (filter.caseNumber) where.push(eq(cases.caseNumber, filter.caseNumber));
    if (filter.from)
      where.push(
        sql`${accessLog.createdAt} >= (${filter.from}::date::timestamp at time zone 'Europe/Oslo')`,
      );
    if (filter.to)
      where.push(
        sql`${accessLog.createdAt} < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Oslo')`,
      );
    const found = await tx
      .select({
        id: accessLog.id,
        seq: accessLog.seq,
        at: accessLog.createdAt,
        userId: accessLog.userId,
        userName: users.name,
        role: accessLog.role,
        caseId: accessLog.caseId,
        caseNumber: cases.caseNumber,
        action: accessLog.action,
        purpose: accessLog.purpose,
        objectId: accessLog.objectId,
      })
      .from(accessLog)
      .innerJoin(users, eq(users.id, accessLog.userId))
      .leftJoin(cases, eq(cases.id, accessLog.caseId))
      .where(and(...where))
      .orderBy(desc(accessLog.seq))
      .limit(LOG_PAGE_SIZE + 1);
    const entries = found.slice(0, LOG_PAGE_SIZE).map((e) => ({
      ...e,
      purpose: isPurpose(e.purpose) ? e.purpose : 'casework',
    }));

    // Unusual access over the last days, whatever the filter.
    const since = new Date(now.getTime() - UNUSUAL_DAYS * 24 * 3600_000);
    const recent = await tx
      .select({
        id: accessLog.id,
        userId: accessLog.userId,
        userName: users.name,
        role: accessLog.role,
        caseId: accessLog.caseId,
        caseNumber: cases.caseNumber,
        caseDepartmentId: cases.departmentId,
        at: accessLog.createdAt,
      })
      .from(accessLog)
      .innerJoin(users, eq(users.id, accessLog.userId))
      .leftJoin(cases, eq(cases.id, accessLog.caseId))
      .where(
        and(
          eq(accessLog.trustId, actor.trustId),
          gte(accessLog.createdAt, since),
          lt(accessLog.createdAt, new Date(now.getTime() + 60_000)),
          isNotNull(accessLog.caseId),
        ),
      )
      .orderBy(asc(accessLog.seq));
    const readerIds = [...new Set(recent.map((r) => r.userId))];
    const grants =
      readerIds.length === 0
        ? []
        : await tx
            .select({
              userId: roleAssignments.userId,
              role: roleAssignments.role,
              departmentId: roleAssignments.departmentId,
            })
            .from(roleAssignments)
            .where(
              and(
                eq(roleAssignments.trustId, actor.trustId),
                inArray(roleAssignments.userId, readerIds),
              ),
            );
    const departmentsOf = (userId: string, role: string): string[] | null => {
      const held = grants.filter((g) => g.userId === userId && g.role === role);
      if (held.length === 0 || held.some((g) => g.departmentId === null)) return null;
      return held.flatMap((g) => (g.departmentId ? [g.departmentId] : []));
    };
    const logged: LoggedAccess[] = recent.map((r) => ({
      id: r.id,
      userId: r.userId,
      role: r.role,
      caseId: r.caseId,
      at: r.at,
      caseDepartmentId: r.caseDepartmentId,
      readerDepartmentIds: departmentsOf(r.userId, r.role),
    }));
    const names = new Map(recent.map((r) => [r.userId, r.userName]));
    const numbers = new Map(recent.map((r) => [r.caseId, r.caseNumber]));
    const unusual = unusualAccess(logged).map((finding) => ({
      finding,
      userName: names.get(finding.userId) ?? '',
      caseNumber: finding.kind === 'manyCases' ? null : (numbers.get(finding.caseId) ?? null),
    }));

    const people = await tx
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(accessLog, eq(accessLog.userId, users.id))
      .where(eq(accessLog.trustId, actor.trustId))
      .orderBy(asc(users.name));

    // Reading the log shows who read which case: itself a read of personal data.
    await tx.insert(accessLog).values({
      trustId: actor.trustId,
      userId: actor.userId,
      role: 'trustAdmin',
      caseId: null,
      action: 'readAccessLog',
      purpose: 'logControl',
      objectId: null,
    });
    return { entries, truncated: found.length > LOG_PAGE_SIZE, unusual, users: people };
  });
}
