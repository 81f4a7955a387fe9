import {
  and,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import { inApp, inTenant, type Db, type Tx } from '../../db/database.server';
import { caseSummaries, cohortSettings, festProducts, trusts } from '../../db/schema';
import { hasRole, type Actor } from '../auth/domain/roles';
import { createDraft, loadVisibleCase } from '../cases/cases.server';
import { SCHEMES } from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';
import { drugAnswer, type Answers } from '../cases/domain/questionnaire';
import { diagnosisIndex } from '../diagnoses/diagnoses.server';
import { sentDrug, type FestSnapshot } from '../fest/domain/snapshot';
import { parseDiagnosis } from '../diagnoses/domain/diagnosis';
import {
  COHORT_DEFAULTS,
  COHORT_LINKS,
  cohortOf,
  cohortPage,
  formCohorts,
  type Cohort,
  type CohortSettings,
} from './domain/cohort';
import {
  atcGroup,
  diagnosisCategory,
  PRECEDENT_LIMIT,
  rankPrecedents,
  type MatchLevel,
  type PrecedentTarget,
} from './domain/matching';
import { isApproval, practiceWarning, type NationalPractice } from './domain/practice';
import { shownCount } from './domain/suppression';
import { variationTable, type VariationRow } from './domain/variation';

/** The Norwegian name of a compact diagnosis code (`ICD10:C50.9`), or null when unknown. */
export function diagnosisText(code: string | null): string | null {
  if (!code) return null;
  return parseDiagnosis(code, diagnosisIndex().find)?.text ?? null;
}

/** Everything the national summary of one case shows: no personal data. */
export type NationalSummary = typeof caseSummaries.$inferSelect & {
  trustName: string;
  trustCode: string;
  diagnosisNames: Record<string, string | null>;
};

/**
 * The national summary of one case by løpenummer, for every signed-in user (it holds no personal
 * data; read from case_summaries only). Unknown number: notFound.
 */
export function getNationalSummary(
  db: Db,
  actor: Actor,
  caseNumber: string,
): Promise<NationalSummary> {
  return inTenant(db, actor, (tx) => getNationalSummaryIn(tx, caseNumber));
}

/** `getNationalSummary` in the caller's transaction (the page reads its inquiries in the same). */
export async function getNationalSummaryIn(tx: Tx, caseNumber: string): Promise<NationalSummary> {
  const [row] = await tx
    .select({ summary: caseSummaries, trustName: trusts.name, trustCode: trusts.code })
    .from(caseSummaries)
    .innerJoin(trusts, eq(trusts.id, caseSummaries.trustId))
    .where(eq(caseSummaries.caseNumber, caseNumber));
  if (!row) throw new CaseError('notFound');
  return {
    ...row.summary,
    trustName: row.trustName,
    trustCode: row.trustCode,
    diagnosisNames: Object.fromEntries(
      row.summary.diagnosisCodes.map((code) => [code, diagnosisText(code)]),
    ),
  };
}

/** One earlier decision shown as a precedent. */
export interface Precedent {
  caseNumber: string;
  trustName: string;
  drugLabel: string | null;
  atcCode: string | null;
  primaryDiagnosis: string | null;
  outcome: string;
  conditions: string | null;
  decidedAt: string;
  match: MatchLevel;
}

export interface PrecedentResult {
  target: PrecedentTarget;
  diagnosisName: string | null;
  precedents: Precedent[];
  /** All matching decisions (never suppressed: the list shows them anyway). */
  total: number;
  /** Per outcome; null: under 5. */
  outcomes: Record<'approved' | 'approvedWithConditions' | 'rejected', number | null>;
}

/**
 * Earlier decisions across all trusts on the same drug and main indication (domain/matching.ts),
 * most relevant and recent first, at most PRECEDENT_LIMIT, with the count of all matches and
 * the outcome totals. Reads case_summaries only. `excludeCaseId`: the case being decided.
 */
export async function findPrecedentsIn(
  tx: Tx,
  target: PrecedentTarget,
  excludeCaseId: string | null,
): Promise<PrecedentResult> {
  const atc = (target.atc ?? '').toUpperCase();
  const group = atcGroup(atc);
  const substance = (target.substance ?? '').trim().toLowerCase();
  const drugFilters = [
    group ? sql`left(upper(${caseSummaries.atcCode}), 5) = ${group}` : undefined,
    substance !== '' ? sql`lower(${caseSummaries.substance}) = ${substance}` : undefined,
  ].filter((f) => f !== undefined);
  const empty: PrecedentResult = {
    target,
    diagnosisName: diagnosisText(target.diagnosis),
    precedents: [],
    total: 0,
    outcomes: { approved: null, approvedWithConditions: null, rejected: null },
  };
  if (drugFilters.length === 0 || target.diagnosis === '') return empty;
  const category = diagnosisCategory(target.diagnosis);
  const rows = await tx
    .select({
      caseNumber: caseSummaries.caseNumber,
      trustName: trusts.name,
      drugLabel: caseSummaries.drugLabel,
      atcCode: caseSummaries.atcCode,
      substance: caseSummaries.substance,
      primaryDiagnosis: caseSummaries.primaryDiagnosis,
      outcome: caseSummaries.outcome,
      conditions: caseSummaries.conditions,
      decidedAt: caseSummaries.decidedAt,
    })
    .from(caseSummaries)
    .innerJoin(trusts, eq(trusts.id, caseSummaries.trustId))
    .where(
      and(
        isNotNull(caseSummaries.outcome),
        isNotNull(caseSummaries.decidedAt),
        excludeCaseId ? ne(caseSummaries.caseId, excludeCaseId) : undefined,
        or(...drugFilters),
        or(
          eq(caseSummaries.primaryDiagnosis, target.diagnosis),
          sql`split_part(${caseSummaries.primaryDiagnosis}, '.', 1) = ${category}`,
        ),
      ),
    )
    .orderBy(desc(caseSummaries.decidedAt));
  const ranked = rankPrecedents(
    target,
    rows.flatMap((r) =>
      r.outcome && r.decidedAt ? [{ ...r, outcome: r.outcome, decidedAt: r.decidedAt }] : [],
    ),
  );
  const count = (o: string) => shownCount(ranked.filter((r) => r.outcome === o).length);
  return {
    ...empty,
    precedents: ranked.slice(0, PRECEDENT_LIMIT).map((r) => ({
      caseNumber: r.caseNumber,
      trustName: r.trustName,
      drugLabel: r.drugLabel,
      atcCode: r.atcCode,
      primaryDiagnosis: r.primaryDiagnosis,
      outcome: r.outcome,
      conditions: r.conditions,
      decidedAt: r.decidedAt.toISOString(),
      match: r.match,
    })),
    total: ranked.length,
    outcomes: {
      approved: count('approved'),
      approvedWithConditions: count('approvedWithConditions'),
      rejected: count('rejected'),
    },
  };
}

export const findPrecedents = (db: Db, actor: Actor, target: PrecedentTarget) =>
  inTenant(db, actor, (tx) => findPrecedentsIn(tx, target, null));

/** A drug (FEST product id first, else ATC code or substance) and a main indication. */
interface TargetInput {
  productId: string | null;
  atc: string | null;
  substance: string | null;
  diagnosis: string;
}

/** The drug facts to match on: the FEST product's ATC code and substances win. */
async function targetIn(tx: Tx, input: TargetInput): Promise<PrecedentTarget | null> {
  if (!input.productId) return targetFrom(null, input);
  const [product] = await tx
    .select({ atcCode: festProducts.atcCode, substances: festProducts.substances })
    .from(festProducts)
    .where(eq(festProducts.id, input.productId));
  const names = product?.substances.flatMap((s) => (s.name !== '' ? [s.name] : [])) ?? [];
  return targetFrom(
    product
      ? { atc: product.atcCode, substance: names.length > 0 ? names.join(' + ') : null }
      : null,
    input,
  );
}

/** The target from a product's facts (today's or as sent), the input filling in what they lack. */
function targetFrom(
  facts: { atc: string | null; substance: string | null } | null,
  input: TargetInput,
): PrecedentTarget | null {
  const atc = facts?.atc ?? input.atc;
  const substance = facts?.substance ?? input.substance;
  if ((!atc && !substance) || input.diagnosis === '') return null;
  return { atc, substance, diagnosis: input.diagnosis };
}

/** For the API: FEST is national reference data, read outside any trust. */
export const resolvePrecedentTarget = (db: Db, input: TargetInput) =>
  inApp(db, (tx) => targetIn(tx, input));

/**
 * The drug and main indication of a case: the drug as it was sent (its FEST snapshot, ADR 0027)
 * while the drug answer still names that product, as the national summaries hold it; otherwise
 * (a draft, a drug changed since) today's FEST; the drug answer's own ATC code and substance fill
 * in what either lacks.
 */
function targetOf(
  tx: Tx,
  answers: Answers,
  snapshot: FestSnapshot | null,
): Promise<PrecedentTarget | null> {
  const drug = drugAnswer(answers);
  const diagnoses = Array.isArray(answers.diagnoses) ? answers.diagnoses : [];
  if (!drug) return Promise.resolve(null);
  const input = {
    productId: drug.id,
    atc: drug.atc ?? null,
    substance: drug.substance ?? null,
    diagnosis: diagnoses[0] ?? '',
  };
  const sent = sentDrug(snapshot, drug.id);
  return sent ? Promise.resolve(targetFrom(sent, input)) : targetIn(tx, input);
}

/** The precedents and national practice for one case (applying, assessing or deciding). */
export interface CasePrecedents {
  result: PrecedentResult | null;
  practice: NationalPractice | null;
}

/**
 * Precedents for a case the actor may see (another trust's: notFound), and national practice for
 * its exact ATC and main indication (for the warning on the decision page).
 */
export function casePrecedents(db: Db, actor: Actor, caseId: string): Promise<CasePrecedents> {
  return inTenant(db, actor, async (tx) => {
    const { row } = await loadVisibleCase(tx, actor, caseId);
    return precedentsOfCaseIn(tx, row);
  });
}

/**
 * `casePrecedents` of a case the caller has already read and checked, in its transaction (the
 * assessment page reads all it shows in one, the case once).
 */
export async function precedentsOfCaseIn(
  tx: Tx,
  c: { id: string; answers: Answers; festSnapshot: FestSnapshot | null },
): Promise<CasePrecedents> {
  const target = await targetOf(tx, c.answers, c.festSnapshot);
  if (!target) return { result: null, practice: null };
  return {
    result: await findPrecedentsIn(tx, target, c.id),
    practice: target.atc ? await practiceIn(tx, target.atc, target.diagnosis, c.id) : null,
  };
}

/** National decisions on exactly this ATC and main indication, by outcome. */
async function practiceIn(
  tx: Tx,
  atc: string,
  diagnosis: string,
  excludeCaseId: string | null,
): Promise<NationalPractice> {
  const rows = await tx
    .select({ outcome: caseSummaries.outcome, n: sql<number>`count(*)::int` })
    .from(caseSummaries)
    .where(
      and(
        isNotNull(caseSummaries.outcome),
        eq(caseSummaries.atcCode, atc),
        eq(caseSummaries.primaryDiagnosis, diagnosis),
        excludeCaseId ? ne(caseSummaries.caseId, excludeCaseId) : undefined,
      ),
    )
    .groupBy(caseSummaries.outcome);
  const total = rows.reduce((s, r) => s + r.n, 0);
  const approved = rows
    .filter((r) => r.outcome && isApproval(r.outcome))
    .reduce((s, r) => s + r.n, 0);
  const rejected = rows.find((r) => r.outcome === 'rejected')?.n ?? 0;
  return { total, approved, rejected };
}

/** The warning for a chosen outcome on a case, or null (no practice, or in line with it). */
export async function decisionWarning(db: Db, actor: Actor, caseId: string, outcome: string) {
  const { practice } = await casePrecedents(db, actor, caseId);
  return practice ? practiceWarning(outcome, practice) : null;
}

/** The variation view: per trust and national, decided cases on exactly this ATC and indication. */
export async function getVariation(
  db: Db,
  actor: Actor,
  atc: string,
  diagnosis: string,
): Promise<{ trusts: VariationRow[]; national: VariationRow; drugLabel: string | null }> {
  const rows = await inTenant(db, actor, (tx) =>
    tx
      .select({
        trustId: caseSummaries.trustId,
        trustName: trusts.name,
        outcome: caseSummaries.outcome,
        processingSeconds: caseSummaries.processingSeconds,
        drugLabel: caseSummaries.drugLabel,
      })
      .from(caseSummaries)
      .innerJoin(trusts, eq(trusts.id, caseSummaries.trustId))
      .where(
        and(
          isNotNull(caseSummaries.outcome),
          eq(caseSummaries.atcCode, atc),
          eq(caseSummaries.primaryDiagnosis, diagnosis),
        ),
      ),
  );
  const table = variationTable(
    rows.flatMap((r) => (r.outcome ? [{ ...r, outcome: r.outcome }] : [])),
  );
  return { ...table, drugLabel: rows[0]?.drugLabel ?? null };
}

// --- Cohort signal -------------------------------------------------------------------------

async function settingsIn(tx: Tx): Promise<CohortSettings> {
  const [row] = await tx.select().from(cohortSettings);
  return row ? { threshold: row.threshold, windowDays: row.windowDays } : { ...COHORT_DEFAULTS };
}

/** The trust's cohort settings (trust administrators). */
export async function getCohortSettings(db: Db, actor: Actor): Promise<CohortSettings> {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
  return inTenant(db, actor, settingsIn);
}

export async function saveCohortSettings(db: Db, actor: Actor, settings: CohortSettings) {
  if (!hasRole(actor, 'trustAdmin')) throw new CaseError('forbidden');
  const values = {
    ...settings,
    trustId: actor.trustId,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await inTenant(db, actor, (tx) =>
    tx
      .insert(cohortSettings)
      .values(values)
      .onConflictDoUpdate({ target: cohortSettings.trustId, set: values }),
  );
}

/**
 * A cohort with the indication's Norwegian name, as shown: `count` applications, of which the
 * newest few are in `applications`.
 */
export type CohortSignal = Cohort & { diagnosisName: string | null };

/**
 * The cohorts and the window they were found in, for the home page and a case page: `cohorts` is
 * one page of `total`, starting at index `first`, with `more` after it.
 */
export interface CohortView {
  cohorts: CohortSignal[];
  total: number;
  first: number;
  more: boolean;
  windowDays: number;
  canStartGroup: boolean;
}

const NO_COHORTS: CohortView = {
  cohorts: [],
  total: 0,
  first: 0,
  more: false,
  windowDays: COHORT_DEFAULTS.windowDays,
  canStartGroup: false,
};

/**
 * The trust's cohorts now (decision makers only; others get none): similar single-patient
 * applications submitted within the window (domain/cohort.ts), from the trust's summaries; the
 * page `page` (from 0) of them, largest first.
 */
export async function cohortSignal(db: Db, actor: Actor, now: Date, page = 0): Promise<CohortView> {
  if (!hasRole(actor, 'decisionMaker')) return NO_COHORTS;
  return inTenant(db, actor, (tx) => cohortSignalIn(tx, actor, now, undefined, page));
}

/**
 * `cohortSignal` in the caller's transaction. With `caseId`, only the cohort that case belongs to
 * (its page): only applications with the case's own main indication are read, so the read does
 * not grow with the trust's history.
 */
export async function cohortSignalIn(
  tx: Tx,
  actor: Actor,
  now: Date,
  caseId?: string,
  page = 0,
): Promise<CohortView> {
  if (!hasRole(actor, 'decisionMaker')) return NO_COHORTS;
  const s = caseSummaries;
  // The trust's single-patient applications in the window (inclusive, none after now).
  const inWindow = (since: Date | SQL) =>
    and(
      eq(s.trustId, actor.trustId),
      sql`${s.patientScope} = 'single'`,
      gte(s.submittedAt, since),
      lte(s.submittedAt, now),
    );
  // The trust's settings (the defaults without a row) and the groups of its window, in one
  // statement: the groups come from the `case_summaries_cohorts` index alone, without reading a
  // summary. The window starts `window_days` × 24 hours before now, as `since` below.
  const own = alias(caseSummaries, 'own');
  const groupsIn = tx
    .select({
      atcCode: s.atcCode,
      substance: s.substance,
      primaryDiagnosis: s.primaryDiagnosis,
      count: sql<number>`count(*)::int`.as('count'),
      hasCase: (caseId === undefined
        ? sql<boolean>`false`
        : sql<boolean>`bool_or(${s.caseId} = ${caseId})`
      ).as('has_case'),
    })
    .from(s)
    .where(
      and(
        inWindow(sql`${now}::timestamptz - make_interval(hours => 24 * settings.window_days)`),
        caseId === undefined
          ? undefined
          : inArray(
              s.primaryDiagnosis,
              tx
                .select({ diagnosis: own.primaryDiagnosis })
                .from(own)
                .where(eq(own.caseId, caseId)),
            ),
      ),
    )
    .groupBy(s.atcCode, s.substance, s.primaryDiagnosis);
  const settingsRow = tx
    .select({
      threshold:
        sql<number>`coalesce(max(${cohortSettings.threshold}), ${COHORT_DEFAULTS.threshold})::int`.as(
          'threshold',
        ),
      windowDays:
        sql<number>`coalesce(max(${cohortSettings.windowDays}), ${COHORT_DEFAULTS.windowDays})::int`.as(
          'window_days',
        ),
    })
    .from(cohortSettings)
    .as('settings');
  const groupsRows = groupsIn.as('groups');
  const read = await tx
    .select({
      threshold: settingsRow.threshold,
      windowDays: settingsRow.windowDays,
      atcCode: groupsRows.atcCode,
      substance: groupsRows.substance,
      primaryDiagnosis: groupsRows.primaryDiagnosis,
      // Null when the window has no group (the left join's one row of settings alone).
      count: sql<number | null>`${groupsRows.count}`,
      hasCase: sql<boolean | null>`${groupsRows.hasCase}`,
    })
    .from(settingsRow)
    .leftJoinLateral(groupsRows, sql`true`)
    .prepare(caseId === undefined ? 'sp_cohort_groups' : 'sp_cohort_groups_of_case')
    .execute();
  const settings = read[0] ?? COHORT_DEFAULTS;
  const since = new Date(now.getTime() - settings.windowDays * 24 * 60 * 60 * 1000);
  const groups = read.flatMap((g) =>
    g.count === null ? [] : [{ ...g, count: g.count, hasCase: g.hasCase === true }],
  );
  const found = formCohorts(groups, settings.threshold).filter(
    (c) => caseId === undefined || c.hasCase,
  );
  const shown = cohortPage(found, page);
  // The newest applications of the page's cohorts, in one statement.
  const newest = shown.cohorts.map((c, i) =>
    tx
      .select({
        cohort: sql<number>`${i}::int`.mapWith(Number),
        caseId: s.caseId,
        caseNumber: s.caseNumber,
        scheme: s.scheme,
        drugLabel: s.drugLabel,
        festProductId: s.festProductId,
        atcCode: s.atcCode,
        substance: s.substance,
      })
      .from(s)
      .where(
        and(
          inWindow(since),
          eq(s.primaryDiagnosis, c.diagnosis),
          c.drug.by === 'atc'
            ? inArray(s.atcCode, c.drug.values)
            : and(or(isNull(s.atcCode), eq(s.atcCode, '')), inArray(s.substance, c.drug.values)),
        ),
      )
      .orderBy(desc(s.submittedAt), desc(s.caseId))
      .limit(COHORT_LINKS),
  );
  const [first, second, ...rest] = newest;
  const rows = first ? await (second ? unionAll(first, second, ...rest) : first) : [];
  return {
    ...shown,
    cohorts: shown.cohorts.map((c, i) => ({
      ...cohortOf(
        c,
        rows.filter((r) => r.cohort === i),
      ),
      diagnosisName: diagnosisText(c.diagnosis),
    })),
    windowDays: settings.windowDays,
    canStartGroup: canStartGroup(actor),
  };
}

/** The cohort a case belongs to, for its page (decision makers only). */
export async function caseCohort(
  db: Db,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<CohortSignal | null> {
  if (!hasRole(actor, 'decisionMaker')) return null;
  const view = await inTenant(db, actor, (tx) => cohortSignalIn(tx, actor, now, caseId));
  return view.cohorts[0] ?? null;
}

/**
 * The decision route's confirmation step: the warning for the posted outcome unless the director
 * has confirmed it (the form's «Bekreft vedtaket likevel»).
 */
export async function unconfirmedWarning(
  db: Db,
  actor: Actor,
  caseId: string,
  outcome: string,
  confirmed: boolean,
) {
  return confirmed ? null : decisionWarning(db, actor, caseId, outcome);
}

/** Whether the actor may start the group application themselves (they also apply). */
export const canStartGroup = (actor: Actor) =>
  hasRole(actor, 'decisionMaker') && hasRole(actor, 'applicant');

/**
 * «Start en gruppesøknad»: a new draft group application in the trust, prefilled from the cohort
 * the case belongs to (scheme, drug, main indication, patient group). Only for a decision maker
 * who also holds the applicant role (createDraft makes them the applicant); others hand the
 * details over to an applicant. A case in no cohort: notFound.
 */
export async function startGroupApplication(db: Db, actor: Actor, caseId: string, now: Date) {
  if (!canStartGroup(actor)) throw new CaseError('forbidden');
  const cohort = await caseCohort(db, actor, caseId, now);
  if (!cohort) throw new CaseError('notFound');
  const scheme = SCHEMES.find((s) => s === cohort.scheme);
  return createDraft(db, actor, {
    ...(scheme ? { scheme } : {}),
    patientScope: 'group',
    diagnoses: [cohort.diagnosis],
    drug: {
      id: cohort.festProductId,
      label: cohort.drugLabel ?? cohort.substance ?? cohort.atcCode ?? '',
      ...(cohort.atcCode ? { atc: cohort.atcCode } : {}),
      ...(cohort.substance ? { substance: cohort.substance } : {}),
    },
  });
}
