import { and, asc, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { inTenant, type Db, type TenantScope, type Tx } from '../../db/database.server';
import { caseSummaries, trusts } from '../../db/schema';
import type { Actor } from '../auth/domain/roles';
import { isStatus, type Status } from '../cases/domain/workflow';
import { diagnosisIndex } from '../diagnoses/diagnoses.server';
import {
  likePrefix,
  NATIONAL_PAGE_SIZE,
  type Cursor,
  type NationalFilter,
  type NationalSort,
} from './domain/overview';

/**
 * The national overview's query layer (BRIEF §4.9, §7). It reads ONLY `case_summaries` (joined to
 * `trusts` for the name) and ONLY the whitelisted columns below: there is no path from a request
 * to `cases`, answers or patient ids. Filters and sort keys are the parsed `NationalFilter`
 * (domain/overview.ts), never raw column names. Pagination is keyset on (sort key, case_id) with
 * an index per sort (migration `national`), so a page costs the same at row 50 and at row 1 000 000.
 *
 * Free text is a prefix match, index-backed (btree `text_pattern_ops`), on the løpenummer, the
 * ATC code, and the lower-cased drug name and substance: «L01», «Keytruda», «pembro», «HBE-2025».
 */
export const NATIONAL_COLUMNS = {
  caseId: caseSummaries.caseId,
  caseNumber: caseSummaries.caseNumber,
  status: caseSummaries.status,
  trustCode: trusts.code,
  trustName: trusts.name,
  scheme: caseSummaries.scheme,
  patientScope: caseSummaries.patientScope,
  drugLabel: caseSummaries.drugLabel,
  substance: caseSummaries.substance,
  atcCode: caseSummaries.atcCode,
  primaryDiagnosis: caseSummaries.primaryDiagnosis,
  submittedAt: caseSummaries.submittedAt,
  decidedAt: caseSummaries.decidedAt,
  outcome: caseSummaries.outcome,
  processingSeconds: caseSummaries.processingSeconds,
  continued: caseSummaries.continued,
  retrospective: caseSummaries.retrospective,
};

/** The sort column of each sort; decided and processing time list decided cases only. */
const SORT_COLUMN: Record<NationalSort, AnyPgColumn> = {
  innsendt: caseSummaries.submittedAt,
  vedtatt: caseSummaries.decidedAt,
  behandlingstid: caseSummaries.processingSeconds,
  lopenummer: caseSummaries.caseNumber,
};
const SORT_CAST: Record<NationalSort, SQL> = {
  innsendt: sql.raw('timestamptz'),
  vedtatt: sql.raw('timestamptz'),
  behandlingstid: sql.raw('bigint'),
  lopenummer: sql.raw('text'),
};

export interface NationalRow {
  caseNumber: string;
  /** Where the case is now (the summary's copy of the case's status): decided, withdrawn, … */
  status: Status;
  trustCode: string;
  trustName: string;
  scheme: string | null;
  patientScope: string | null;
  drugLabel: string | null;
  substance: string | null;
  atcCode: string | null;
  /** ICD-10 code as written (`C50.9`) and its Norwegian name. */
  diagnosisCode: string | null;
  diagnosisName: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  outcome: string | null;
  processingSeconds: number | null;
  continued: boolean | null;
  retrospective: boolean;
}

export interface NationalPage {
  rows: NationalRow[];
  /** Where the next page starts, or null on the last page. */
  next: Cursor | null;
}

/**
 * The page's conditions, each with a letter of its own: the letters of the conditions present,
 * with the sort and direction, name the statement (`nationalPageIn`), so that one name always
 * stands for one text (each condition's text depends only on its letter and the sort).
 */
function conditions(filter: NationalFilter, cursor: Cursor | null): [string, SQL][] {
  const s = caseSummaries;
  const where: [string, SQL][] = [];
  // The trust as its id (an init plan), so the (trust_id, submitted_at, case_id) index serves it.
  if (filter.trust) {
    where.push([
      't',
      sql`${s.trustId} = (select ${trusts.id} from ${trusts} where ${trusts.code} = ${filter.trust})`,
    ]);
  }
  if (filter.scheme) where.push(['s', eq(s.scheme, filter.scheme)]);
  if (filter.scope) where.push(['p', eq(s.patientScope, filter.scope)]);
  if (filter.outcome === 'ingen') where.push(['n', isNull(s.outcome)]);
  else if (filter.outcome) where.push(['o', eq(s.outcome, filter.outcome)]);
  if (filter.atc) where.push(['a', sql`${s.atcCode} like ${likePrefix(filter.atc)}`]);
  if (filter.icd) where.push(['i', sql`${s.primaryDiagnosis} like ${likePrefix(filter.icd)}`]);
  if (filter.from) {
    where.push([
      'f',
      sql`${s.submittedAt} >= (${filter.from}::date)::timestamp at time zone 'Europe/Oslo'`,
    ]);
  }
  if (filter.to) {
    where.push([
      'u',
      sql`${s.submittedAt} < (${filter.to}::date + 1)::timestamp at time zone 'Europe/Oslo'`,
    ]);
  }
  if (filter.retrospective !== undefined) {
    where.push(['r', eq(s.retrospective, filter.retrospective)]);
  }
  if (filter.freeText) {
    const upper = likePrefix(filter.freeText.toUpperCase());
    const lower = likePrefix(filter.freeText.toLowerCase());
    const text = or(
      sql`${s.caseNumber} like ${upper}`,
      sql`${s.atcCode} like ${upper}`,
      sql`lower(${s.drugLabel}) like ${lower}`,
      sql`lower(${s.substance}) like ${lower}`,
    );
    if (text) where.push(['x', text]);
  }
  const column = SORT_COLUMN[filter.sort];
  if (filter.sort === 'vedtatt' || filter.sort === 'behandlingstid') {
    where.push(['d', isNotNull(column)]);
  }
  if (cursor) {
    const key = sql`${cursor.key}::${SORT_CAST[filter.sort]}`;
    where.push([
      'c',
      filter.direction === 'synkende'
        ? sql`(${column}, ${s.caseId}) < (${key}, ${cursor.id}::uuid)`
        : sql`(${column}, ${s.caseId}) > (${key}, ${cursor.id}::uuid)`,
    ]);
  }
  return where;
}

/** One page of the overview: up to `limit` rows after `cursor`, in the filter's order. */
export async function nationalPage(
  db: Db,
  actor: TenantScope,
  filter: NationalFilter,
  cursor: Cursor | null,
  limit = NATIONAL_PAGE_SIZE,
): Promise<NationalPage> {
  return inTenant(db, actor, (tx) => nationalPageIn(tx, filter, cursor, limit), {
    customPlans: true,
  });
}

/** `nationalPage` in the caller's tenant transaction (the page reads its trusts in the same). */
export async function nationalPageIn(
  tx: Tx,
  filter: NationalFilter,
  cursor: Cursor | null,
  limit = NATIONAL_PAGE_SIZE,
): Promise<NationalPage> {
  const column = SORT_COLUMN[filter.sort];
  const order = filter.direction === 'synkende' ? desc : asc;
  const where = conditions(filter, cursor);
  // Named per text (see `conditions`), planned for its values (`customPlans`, readNationalPage).
  const name = `sp_national_${filter.sort}_${filter.direction}_${where.map(([k]) => k).join('')}`;
  const found = await tx
    .select({ ...NATIONAL_COLUMNS, sortKey: sql<string>`${column}::text` })
    .from(caseSummaries)
    .innerJoin(trusts, eq(trusts.id, caseSummaries.trustId))
    .where(and(...where.map(([, condition]) => condition)))
    .orderBy(order(column), order(caseSummaries.caseId))
    .limit(limit + 1)
    .prepare(name)
    .execute();
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const next =
    found.length > limit && last
      ? { sort: `${filter.sort}:${filter.direction}`, key: last.sortKey, id: last.caseId }
      : null;
  return { rows: page.map(toRow), next };
}

/** Every row of the filtered set, fetched in keyset batches (never all in memory). */
export async function* nationalRows(
  db: Db,
  actor: TenantScope,
  filter: NationalFilter,
  batchSize = 1000,
): AsyncGenerator<NationalRow> {
  let cursor: Cursor | null = null;
  do {
    const page: NationalPage = await nationalPage(db, actor, filter, cursor, batchSize);
    yield* page.rows;
    cursor = page.next;
  } while (cursor);
}

type Selected = Omit<NationalRow, 'status' | 'diagnosisCode' | 'diagnosisName'> & {
  status: string;
  primaryDiagnosis: string | null;
};

function toRow(row: Selected): NationalRow {
  const [system, code] = (row.primaryDiagnosis ?? '').split(':');
  const diagnosis = system === 'ICD10' && code ? diagnosisIndex().find('ICD10', code) : undefined;
  if (!isStatus(row.status)) throw new Error(`Unknown status in a summary: ${row.status}`);
  return {
    caseNumber: row.caseNumber,
    status: row.status,
    trustCode: row.trustCode,
    trustName: row.trustName,
    scheme: row.scheme,
    patientScope: row.patientScope,
    drugLabel: row.drugLabel,
    substance: row.substance,
    atcCode: row.atcCode,
    diagnosisCode: code ?? null,
    diagnosisName: diagnosis?.text ?? null,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    outcome: row.outcome,
    processingSeconds: row.processingSeconds,
    continued: row.continued,
    retrospective: row.retrospective,
  };
}

/** The trusts for the trust filter (reference data). */
export function nationalTrusts(db: Db, actor: Actor) {
  return inTenant(db, actor, nationalTrustsIn);
}

/** `nationalTrusts` in the caller's transaction. */
export function nationalTrustsIn(tx: Tx) {
  return tx
    .select({ code: trusts.code, name: trusts.name })
    .from(trusts)
    .where(eq(trusts.kind, 'HF'))
    .orderBy(asc(trusts.name))
    .prepare('sp_national_trusts')
    .execute();
}
