import { createHash } from 'node:crypto';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { inTenant, type Db } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  accessLog,
  cases,
  roleAssignmentEvents,
  roleAssignments,
  trusts,
  users,
} from '../../db/schema';
import { hasRole, isRole, type Actor } from '../auth/domain/roles';
import { CaseError } from '../cases/domain/errors';
import { formatAnchor, GENESIS, hashInput, type Anchor } from './domain/chain';
import { LOG_PAGE_SIZE, type ReaderTrustFilter } from './domain/filter';
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

/** Why an anchor (a head recorded outside the database) does not hold. */
export type AnchorProblem =
  /** No trust has the anchor's code. */
  | 'unknownTrust'
  /** The trust's chain has no row at the anchor's seq: it was cut off or deleted. */
  | 'rowMissing'
  /** The row at the anchor's seq has another hash: the chain was rewritten up to there. */
  | 'hashDiffers';

export interface AnchorCheck {
  anchor: Anchor;
  problem: AnchorProblem | null;
  /** The stored hash at the anchor's seq, when it differs. */
  foundHash?: string;
}

export interface VerifyReport {
  ok: boolean;
  trusts: TrustChainReport[];
  anchors: AnchorCheck[];
}

const chainRow = z.object({
  id: z.coerce.number(),
  trust_id: z.string(),
  code: z.string(),
  seq: z.coerce.number(),
  prev_hash: z.string(),
  hash: z.string(),
  user_id: z.string(),
  role: z.string(),
  case_id: z.string().nullable(),
  purpose: z.string(),
  action: z.string(),
  object_id: z.string().nullable(),
  reader_trust_id: z.string().nullable(),
  created: z.string(),
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Rows read per statement by `verifyAccessLog`: its memory does not grow with the log. */
const VERIFY_BATCH = 10_000;

/**
 * Recomputes every trust's chain, each hash in TypeScript (`domain/chain.ts`), independent of the
 * database's own `access_log_hash()`: an owner who redefined that function would not fool it.
 * Then checks each anchor (a head recorded outside the database) against the stored row at its
 * seq. Reads the log in keyset batches of `batchSize` rows in chain order and keeps only each
 * trust's running head and the anchored rows' hashes, so a log of any length fits in memory. Must
 * run as the table owner (no row-level security), e.g. the connection of
 * `openPglite`/`openPostgres` itself, never inside inTenant.
 */
export async function verifyAccessLog(
  db: Db,
  anchors: readonly Anchor[] = [],
  { batchSize = VERIFY_BATCH }: { batchSize?: number } = {},
): Promise<VerifyReport> {
  const reports = new Map<string, TrustChainReport>();
  /** The anchored positions (trust code and seq) and, once read, their stored hashes. */
  const wanted = new Set(anchors.map((a) => `${a.trustCode}:${a.seq}`));
  const stored = new Map<string, string>();
  let after: { trustId: string; seq: number; id: number } | null = null;
  for (;;) {
    const keyset: SQL = after
      ? sql`where (a.trust_id, a.seq, a.id) > (${after.trustId}::uuid, ${after.seq}, ${after.id})`
      : sql``;
    const rows = rowsOf(
      await db.execute(sql`
        select a.id, a.trust_id, t.code, a.seq, a.prev_hash, a.hash, a.user_id, a.role, a.case_id,
               a.purpose, a.action, a.object_id, a.reader_trust_id,
               to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created
        from access_log a join trusts t on t.id = a.trust_id
        ${keyset}
        order by a.trust_id, a.seq, a.id
        limit ${batchSize}`),
      chainRow,
    );
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
        const expected = sha256(
          hashInput(row.prev_hash, {
            id: row.id,
            seq: row.seq,
            trustId: row.trust_id,
            userId: row.user_id,
            role: row.role,
            caseId: row.case_id,
            purpose: row.purpose,
            action: row.action,
            objectId: row.object_id,
            createdAt: row.created,
            readerTrustId: row.reader_trust_id,
          }),
        );
        const problem: ChainProblem | null =
          row.seq !== expectedSeq
            ? 'gap'
            : row.prev_hash !== previousHash
              ? 'brokenLink'
              : row.hash !== expected
                ? 'rowChanged'
                : null;
        if (problem) report.firstBreak = { id: row.id, seq: row.seq, problem, expectedSeq };
      }
      report.head = { seq: row.seq, hash: row.hash };
      const position = `${row.code}:${row.seq}`;
      if (wanted.has(position)) stored.set(position, row.hash);
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    after = { trustId: last.trust_id, seq: last.seq, id: last.id };
  }
  const trustsReported = [...reports.values()].sort((a, b) =>
    a.trustCode.localeCompare(b.trustCode),
  );
  const codes = new Set(
    rowsOf(await db.execute(sql`select code from trusts`), z.object({ code: z.string() })).map(
      (t) => t.code,
    ),
  );
  const anchorChecks = anchors.map((anchor): AnchorCheck => {
    if (!codes.has(anchor.trustCode)) return { anchor, problem: 'unknownTrust' };
    const found = stored.get(`${anchor.trustCode}:${anchor.seq}`);
    if (found === undefined) return { anchor, problem: 'rowMissing' };
    if (found !== anchor.hash) return { anchor, problem: 'hashDiffers', foundHash: found };
    return { anchor, problem: null };
  });
  return {
    ok:
      trustsReported.every((r) => r.firstBreak === null) &&
      anchorChecks.every((a) => a.problem === null),
    trusts: trustsReported,
    anchors: anchorChecks,
  };
}

const PROBLEM_TEXT: Record<ChainProblem, string> = {
  rowChanged: 'the row was changed after it was written (its hash does not match)',
  brokenLink: 'the row does not follow the row before it (a row was deleted or inserted before it)',
  gap: 'a position in the chain is missing or repeated (rows deleted, inserted or re-ordered)',
};

function anchorLine(check: AnchorCheck): string {
  const { anchor } = check;
  const name = `anchor ${formatAnchor(anchor)}`;
  switch (check.problem) {
    case null:
      return `OK      ${name}: the row at seq ${anchor.seq} has the anchored hash`;
    case 'unknownTrust':
      return `FAILED  ${name}: no trust has the code ${anchor.trustCode}`;
    case 'rowMissing':
      return (
        `FAILED  ${name}: ${anchor.trustCode} has no row at seq ${anchor.seq} ` +
        '(the chain was cut off or rewritten shorter after the anchor was recorded)'
      );
    case 'hashDiffers':
      return (
        `FAILED  ${name}: the row at seq ${anchor.seq} has hash ${check.foundHash ?? ''} ` +
        '(the chain was rewritten up to or past this row after the anchor was recorded)'
      );
  }
}

/** The verify command's report, one line per trust, then one per anchor. */
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
  lines.push(...report.anchors.map(anchorLine));
  const chainsIntact = report.trusts.every((t) => t.firstBreak === null);
  lines.push(
    report.ok
      ? `Access log verified: every chain is intact${report.anchors.length > 0 ? ' and every anchor holds' : ''}.`
      : chainsIntact
        ? 'Access log NOT intact: an anchor does not hold.'
        : 'Access log NOT intact.',
  );
  return lines.join('\n');
}

/** Every trust's chain head now, as the owner across trusts (for the hourly anchor line). */
export async function chainHeads(db: Db): Promise<(Anchor & { trustId: string })[]> {
  const result = await db.execute(sql`
    select distinct on (a.trust_id) a.trust_id, t.code, a.seq, a.hash
    from access_log a join trusts t on t.id = a.trust_id
    order by a.trust_id, a.seq desc`);
  return rowsOf(
    result,
    z.object({ trust_id: z.string(), code: z.string(), seq: z.coerce.number(), hash: z.string() }),
  )
    .map((r) => ({ trustId: r.trust_id, trustCode: r.code, seq: r.seq, hash: r.hash }))
    .sort((a, b) => a.trustCode.localeCompare(b.trustCode));
}

// ---------------------------------------------------------------------------------------------
// The log controller's view (/admin/tilgangslogg): the trust administrator
// ---------------------------------------------------------------------------------------------

export interface AccessLogFilter {
  userId?: string;
  readerTrust?: ReaderTrustFilter;
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
  /** The reader's HPR number, if they have one. */
  userHpr: string | null;
  /** The reader's trust when it is not this trust's: a consulted trust's read (ADR 0025). */
  readerTrustName: string | null;
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
  /** Everyone in the log; `trustName` for another trust's reader. */
  users: { id: string; name: string; trustName: string | null }[];
  /** The other trusts whose people are in the log (consulted trusts), for the filter. */
  readerTrusts: { id: string; name: string }[];
  /**
   * The trust's chain head: the row recording this very reading of the log. The log controller
   * may note it; `npm run audit:verify -- --anchor` checks the chain against it later.
   */
  head: { trustCode: string; seq: number; hash: string };
}

/** The trust of a reader from another trust (`access_log.reader_trust_id`). */
const readerTrust = alias(trusts, 'reader_trust');

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
    if (filter.readerTrust)
      where.push(
        filter.readerTrust.own
          ? isNull(accessLog.readerTrustId)
          : eq(accessLog.readerTrustId, filter.readerTrust.trustId),
      );
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
        userHpr: users.hprNumber,
        readerTrustName: readerTrust.name,
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
      .leftJoin(readerTrust, eq(readerTrust.id, accessLog.readerTrustId))
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
    // Roles administrators gave themselves in the same days (the grant history).
    const selfGranted = await tx
      .select({
        id: roleAssignmentEvents.id,
        userId: roleAssignmentEvents.userId,
        userName: users.name,
        actorId: roleAssignmentEvents.actorId,
        action: roleAssignmentEvents.action,
        role: roleAssignmentEvents.role,
        at: roleAssignmentEvents.createdAt,
      })
      .from(roleAssignmentEvents)
      .innerJoin(users, eq(users.id, roleAssignmentEvents.userId))
      .where(
        and(
          eq(roleAssignmentEvents.trustId, actor.trustId),
          eq(roleAssignmentEvents.action, 'granted'),
          eq(roleAssignmentEvents.userId, roleAssignmentEvents.actorId),
          gte(roleAssignmentEvents.createdAt, since),
        ),
      );
    const grantEvents = selfGranted.flatMap(({ role, ...g }) =>
      isRole(role) ? [{ ...g, role }] : [],
    );
    const names = new Map([...recent, ...selfGranted].map((r) => [r.userId, r.userName]));
    const numbers = new Map(recent.map((r) => [r.caseId, r.caseNumber]));
    const unusual = unusualAccess(logged, grantEvents).map((finding) => ({
      finding,
      userName: names.get(finding.userId) ?? '',
      caseNumber:
        finding.kind === 'manyCases' || finding.kind === 'selfGranted'
          ? null
          : (numbers.get(finding.caseId) ?? null),
    }));

    const readers = await tx
      .selectDistinct({ id: users.id, name: users.name, trustName: readerTrust.name })
      .from(users)
      .innerJoin(accessLog, eq(accessLog.userId, users.id))
      .leftJoin(readerTrust, eq(readerTrust.id, accessLog.readerTrustId))
      .where(eq(accessLog.trustId, actor.trustId))
      .orderBy(asc(users.name), sql`${readerTrust.name} nulls first`);
    // Once each; someone who also read as this trust's own is named as one of its own.
    const people = readers.filter((r, i) => readers.findIndex((o) => o.id === r.id) === i);
    const readerTrusts = await tx
      .selectDistinct({ id: readerTrust.id, name: readerTrust.name })
      .from(accessLog)
      .innerJoin(readerTrust, eq(readerTrust.id, accessLog.readerTrustId))
      .where(eq(accessLog.trustId, actor.trustId))
      .orderBy(asc(readerTrust.name));

    // Reading the log shows who read which case: itself a read of personal data. Its row is the
    // chain's head as of this reading.
    const [head] = await tx
      .insert(accessLog)
      .values({
        trustId: actor.trustId,
        userId: actor.userId,
        role: 'trustAdmin',
        caseId: null,
        action: 'readAccessLog',
        purpose: 'logControl',
        objectId: null,
      })
      .returning({ seq: accessLog.seq, hash: accessLog.hash });
    const [trust] = await tx
      .select({ code: trusts.code })
      .from(trusts)
      .where(eq(trusts.id, actor.trustId));
    if (!head || !trust) throw new Error('The access log or the trust returned no row');
    return {
      entries,
      truncated: found.length > LOG_PAGE_SIZE,
      unusual,
      users: people,
      readerTrusts,
      head: { trustCode: trust.code, ...head },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Chain anchors outside the database (the hourly pg-boss job `access-log-anchors`, ADR 0025)
// ---------------------------------------------------------------------------------------------

/** One anchor line: JSON, one line, for the server's log (outside the database). */
export interface AnchorLine {
  event: 'accessLogAnchor';
  trust: string;
  seq: number;
  hash: string;
  time: string;
  /** The same head as `npm run audit:verify -- --anchor` takes it. */
  anchor: string;
}

/**
 * Writes every trust's chain head as one JSON line each to `write` (the server's stdout, which
 * the log platform keeps): a later rewrite of the chain up to or past it no longer matches.
 */
export async function writeChainAnchors(
  db: Db,
  now: Date,
  write: (line: string) => void,
): Promise<AnchorLine[]> {
  const lines = (await chainHeads(db)).map((head): AnchorLine => ({
    event: 'accessLogAnchor',
    trust: head.trustCode,
    seq: head.seq,
    hash: head.hash,
    time: now.toISOString(),
    anchor: formatAnchor(head),
  }));
  for (const line of lines) write(JSON.stringify(line));
  return lines;
}
