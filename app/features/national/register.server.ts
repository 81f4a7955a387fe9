import { and, asc, desc, eq, exists, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  caseCollaborators,
  caseLeaders,
  caseSummaries,
  cases,
  departments,
  users,
} from '../../db/schema';
import { hasRole, type Actor } from '../auth/domain/roles';
import { mainDiagnosis } from '../diagnoses/diagnoses.server';
import { isStatus, type Status } from '../cases/domain/workflow';
import { likePrefix, type Cursor } from './domain/overview';
import {
  REGISTER_PAGE_SIZE,
  registerTabs,
  type RegisterFilter,
  type RegisterTab,
} from './domain/register';

/**
 * The local registers (BRIEF §4.9): lists of the actor's own trust's cases that the actor may
 * open, one query per tab whose conditions are those of `caseRoles` (cases/domain/access.ts):
 * «mine» = applicant (with the applicant role) or co-author, drafts included; «avdeling» =
 * submitted cases of the departments the actor leads, or where they were added as leader;
 * «foretak» = every submitted case, for the director and the committee. Only the own trust's
 * cases (a consulted case of another trust is read through the consultation, not listed here).
 * A list is not a read of personal data: it selects no answers beyond the drug's name and the
 * main diagnosis code, and never the patient id. A tab can be narrowed to one of the trust's
 * departments (`avdeling`): the `(department_id, created_at, id)` index (migration 0052) pages it.
 */

export interface RegisterRow {
  id: string;
  caseNumber: string | null;
  status: Status;
  drug: string | null;
  diagnosisCode: string | null;
  diagnosisName: string | null;
  /** Null for a case registered after the fact: the portal does not know who applied. */
  applicantName: string | null;
  departmentName: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  outcome: string | null;
}

/** A department of the actor's trust, for the department filter. */
export interface RegisterDepartment {
  id: string;
  name: string;
}

/**
 * One page of a register tab with the trust's departments (the filter's choices), or, when the
 * filter names a department that is not the actor's trust's, the departments and the refusal.
 */
export type RegisterResult =
  | { ok: true; departments: RegisterDepartment[]; rows: RegisterRow[]; next: Cursor | null }
  | { ok: false; departments: RegisterDepartment[]; errors: { avdeling: 'department' } };

export function tabsFor(actor: Actor): RegisterTab[] {
  return registerTabs({
    endorser: hasRole(actor, 'endorser'),
    decisionMaker: hasRole(actor, 'decisionMaker'),
    assessor: hasRole(actor, 'assessor'),
  });
}

function tabCondition(actor: Actor, tab: RegisterTab): SQL | undefined {
  const coAuthor = exists(
    sql`(select 1 from ${caseCollaborators} where ${caseCollaborators.caseId} = ${cases.id} and ${caseCollaborators.userId} = ${actor.userId})`,
  );
  if (tab === 'mine') {
    return hasRole(actor, 'applicant')
      ? or(eq(cases.applicantId, actor.userId), coAuthor)
      : coAuthor;
  }
  if (tab === 'foretak') return ne(cases.status, 'draft');
  const grants = actor.grants.filter((g) => g.role === 'endorser' && g.trustId === actor.trustId);
  const mine: SQL[] = [
    exists(
      sql`(select 1 from ${caseLeaders} where ${caseLeaders.caseId} = ${cases.id} and ${caseLeaders.userId} = ${actor.userId} and ${caseLeaders.revokedAt} is null)`,
    ),
  ];
  if (grants.some((g) => g.departmentId === null)) mine.push(sql`true`);
  const departmentIds = grants.flatMap((g) => (g.departmentId ? [g.departmentId] : []));
  if (departmentIds.length > 0) mine.push(inArray(cases.departmentId, departmentIds));
  return and(ne(cases.status, 'draft'), or(...mine));
}

/**
 * The actor's trust's departments, by name. `departments` has no tenant policy (every trust reads
 * every trust's, migration 0030): the trust condition here is what keeps the others' out.
 */
function trustDepartments(tx: Tx, actor: Actor): Promise<RegisterDepartment[]> {
  return tx
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.trustId, actor.trustId))
    .orderBy(asc(departments.name), asc(departments.id));
}

/** The department filter's choices, for a page whose query was refused. */
export function registerDepartments(db: Db, actor: Actor): Promise<RegisterDepartment[]> {
  return inTenant(db, actor, (tx) => trustDepartments(tx, actor));
}

/**
 * One page of a register tab and the trust's departments, in one transaction; a tab the actor
 * does not have is refused by the caller, a department not of the actor's trust here.
 */
export async function registerPage(
  db: Db,
  actor: Actor,
  filter: RegisterFilter,
  cursor: Cursor | null,
  limit = REGISTER_PAGE_SIZE,
): Promise<RegisterResult> {
  return inTenant(db, actor, async (tx) => {
    const choices = await trustDepartments(tx, actor);
    if (filter.department && !choices.some((d) => d.id === filter.department)) {
      return { ok: false, departments: choices, errors: { avdeling: 'department' } };
    }
    return { ok: true, departments: choices, ...(await pageIn(tx, actor, filter, cursor, limit)) };
  });
}

async function pageIn(
  tx: Tx,
  actor: Actor,
  filter: RegisterFilter,
  cursor: Cursor | null,
  limit: number,
): Promise<{ rows: RegisterRow[]; next: Cursor | null }> {
  const where: (SQL | undefined)[] = [
    eq(cases.trustId, actor.trustId),
    tabCondition(actor, filter.tab),
  ];
  if (filter.status) where.push(eq(cases.status, filter.status));
  if (filter.department) where.push(eq(cases.departmentId, filter.department));
  if (filter.from) {
    where.push(
      sql`${cases.submittedAt} >= (${filter.from}::date)::timestamp at time zone 'Europe/Oslo'`,
    );
  }
  if (filter.to) {
    where.push(
      sql`${cases.submittedAt} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Oslo'`,
    );
  }
  if (filter.freeText) {
    where.push(
      or(
        sql`${cases.caseNumber} like ${likePrefix(filter.freeText.toUpperCase())}`,
        sql`lower(${cases.answers}->'drug'->>'label') like ${`%${likePrefix(filter.freeText.toLowerCase())}`}`,
      ),
    );
  }
  if (cursor) {
    where.push(
      sql`(${cases.createdAt}, ${cases.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const found = await tx
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      status: cases.status,
      drug: sql<string | null>`${cases.answers}->'drug'->>'label'`,
      diagnosis: sql<string | null>`${cases.answers}->'diagnoses'->>0`,
      applicantName: sql<
        string | null
      >`case when ${cases.retrospective} then null else ${users.name} end`,
      departmentName: departments.name,
      submittedAt: cases.submittedAt,
      decidedAt: caseSummaries.decidedAt,
      outcome: caseSummaries.outcome,
      createdKey: sql<string>`${cases.createdAt}::text`,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.applicantId))
    .innerJoin(departments, eq(departments.id, cases.departmentId))
    .leftJoin(caseSummaries, eq(caseSummaries.caseId, cases.id))
    .where(and(...where))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => {
      if (!isStatus(r.status)) throw new Error(`Unknown status in database: ${r.status}`);
      const diagnosis = mainDiagnosis(r.diagnosis);
      return {
        id: r.id,
        caseNumber: r.caseNumber,
        status: r.status,
        drug: r.drug,
        diagnosisCode: diagnosis.code,
        diagnosisName: diagnosis.name,
        applicantName: r.applicantName,
        departmentName: r.departmentName,
        submittedAt: r.submittedAt,
        decidedAt: r.decidedAt,
        outcome: r.outcome,
      };
    }),
    next:
      found.length > limit && last
        ? { sort: `register:${filter.tab}`, key: last.createdKey, id: last.id }
        : null,
  };
}
