import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  caseDecisions,
  caseEvents,
  caseOutcomes,
  cases,
  departments,
  festProducts,
  retrospectiveImports,
  retrospectiveRegistrations,
  users,
} from '../../db/schema';
import { msg } from '../../i18n';
import type { Actor } from '../auth/domain/roles';
import { nextCaseNumber } from '../cases/cases.server';
import { dateInNorway, norwegianDate } from '../cases/domain/dates';
import { CaseError } from '../cases/domain/errors';
import type { Answers } from '../cases/domain/questionnaire';
import type { Status } from '../cases/domain/workflow';
import { diagnosisIndex } from '../diagnoses/diagnoses.server';
import { canRegisterRetrospective, registeringRole } from './domain/access';
import {
  referenceKey,
  validateSheet,
  type RetroCase,
  type RetroContext,
  type RetroErrors,
  type RetroValues,
  type RowReport,
  type SheetRow,
} from './domain/retrospective';

/** How long a previewed file may wait for its confirmation. */
export const IMPORT_TTL_MS = 60 * 60 * 1000;

/** The calendar date as a moment: noon UTC, the same date in Norway all year. */
const atNoon = (date: string) => new Date(`${date}T12:00:00Z`);

function requireRegistrar(actor: Actor) {
  const role = registeringRole(actor);
  if (!role || !canRegisterRetrospective(actor)) throw new CaseError('forbidden');
  return role;
}

interface Setup {
  context: RetroContext;
  departmentIds: Map<string, string>;
  existing: Set<string>;
}

/** What validation needs: the trust's departments, its references in use, the ICD-10 index. */
async function setupIn(tx: Tx, actor: Actor, now: Date): Promise<Setup> {
  const rows = await tx
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.trustId, actor.trustId))
    .orderBy(departments.name);
  const references = await tx
    .select({ reference: retrospectiveRegistrations.reference })
    .from(retrospectiveRegistrations);
  return {
    context: {
      today: dateInNorway(now),
      departments: rows.map((d) => d.name),
      lookup: diagnosisIndex().find,
    },
    departmentIds: new Map(rows.map((d) => [d.name, d.id])),
    existing: new Set(references.flatMap((r) => (r.reference ? [referenceKey(r.reference)] : []))),
  };
}

/**
 * Validates rows against the schema, the trust's references and FEST (a FEST id must exist; with
 * no name given, the product's name becomes the label).
 */
async function checkRows(tx: Tx, setup: Setup, rows: readonly SheetRow[]) {
  const { reports, cases: valid } = validateSheet(rows, setup.context, setup.existing);
  const ids = [...new Set(rows.map((r) => r.values.drugId).filter((id) => id !== ''))];
  const products = ids.length
    ? await tx
        .select({ id: festProducts.id, name: festProducts.name })
        .from(festProducts)
        .where(inArray(festProducts.id, ids))
    : [];
  const names = new Map(products.map((p) => [p.id, p.name]));
  for (const report of reports) {
    const id = report.values.drugId;
    if (id !== '' && !names.has(id) && !report.errors.drugId) report.errors.drugId = 'drugUnknown';
  }
  const ok = reports.every((r) => Object.keys(r.errors).length === 0);
  const cases = valid.map((c) =>
    c.drug.id && c.drug.label === ''
      ? { ...c, drug: { ...c.drug, label: names.get(c.drug.id) ?? '' } }
      : c,
  );
  return { ok, reports, cases };
}

/** Writes one retrospective case with its trail, decision and outcome, in the caller's transaction. */
async function writeCase(
  tx: Tx,
  actor: Actor,
  role: string,
  c: RetroCase,
  departmentId: string,
  importId: string | null,
  now: Date,
): Promise<{ caseId: string; caseNumber: string }> {
  const submittedAt = atNoon(c.submittedDate);
  const decidedAt = atNoon(c.decidedDate);
  const caseNumber = await nextCaseNumber(tx, actor.trustId, submittedAt);
  const status: Status = c.followUp ? 'closed' : 'decided';
  const answers: Answers = {
    scheme: c.scheme,
    patientScope: c.patientScope,
    diagnoses: c.diagnoses,
    drug: c.drug,
  };
  const trailReason = msg.retrospective.eventReason(
    norwegianDate(c.submittedDate),
    norwegianDate(c.decidedDate),
  );
  const trail: { event: string; from: Status | null; to: Status; at: Date; reason: string }[] = [
    { event: 'create', from: null, to: 'draft', at: submittedAt, reason: trailReason },
    { event: 'submit', from: 'draft', to: 'submitted', at: submittedAt, reason: trailReason },
    { event: 'decide', from: 'submitted', to: 'decided', at: decidedAt, reason: trailReason },
  ];
  if (c.followUp) {
    trail.push(
      {
        event: 'beginFollowUp',
        from: 'decided',
        to: 'followUp',
        at: decidedAt,
        reason: trailReason,
      },
      {
        event: 'recordOutcome',
        from: 'followUp',
        to: 'closed',
        at: decidedAt,
        reason: trailReason,
      },
    );
  }
  const [row] = await tx
    .insert(cases)
    .values({
      trustId: actor.trustId,
      departmentId,
      applicantId: actor.userId,
      caseNumber,
      status,
      version: trail.length,
      answers,
      createdAt: submittedAt,
      updatedAt: now,
      submittedAt,
      retrospective: true,
    })
    .returning({ id: cases.id });
  if (!row) throw new Error('Retrospective case insert returned nothing');
  await tx.insert(retrospectiveRegistrations).values({
    caseId: row.id,
    trustId: actor.trustId,
    reference: c.reference,
    registeredBy: actor.userId,
    importId,
    registeredAt: now,
  });
  await tx.insert(caseDecisions).values({
    caseId: row.id,
    trustId: actor.trustId,
    version: 1,
    outcome: c.outcome,
    reason: c.reason,
    conditions: c.conditions,
    decidedBy: actor.userId,
    decidedAt,
  });
  if (c.followUp) {
    await tx.insert(caseOutcomes).values({
      caseId: row.id,
      trustId: actor.trustId,
      effect: msg.retrospective.followUpEffect,
      continued: c.followUp === 'continued',
      stopReason: c.followUp === 'stopped' ? msg.retrospective.followUpEffect : null,
      recordedBy: actor.userId,
      createdAt: decidedAt,
    });
  }
  const event = (e: (typeof trail)[number]) => ({
    caseId: row.id,
    trustId: actor.trustId,
    event: e.event,
    fromStatus: e.from,
    toStatus: e.to,
    actorId: actor.userId,
    actorRole: role,
    reason: e.reason,
    createdAt: e.at,
  });
  await tx.insert(caseEvents).values([
    ...trail.map(event),
    // When and by whom it was registered; no status change, so no stage time.
    event({
      event: 'registerRetrospective',
      from: status,
      to: status,
      at: now,
      reason: msg.retrospective.registeredReason(c.reference),
    }),
  ]);
  return { caseId: row.id, caseNumber };
}

/**
 * The trust's departments, for the form's choice, and today in Norway (YYYY-MM-DD): the last day
 * its date fields offer.
 */
export async function registrationForm(
  db: Db,
  actor: Actor,
  now = new Date(),
): Promise<{ departments: string[]; today: string }> {
  requireRegistrar(actor);
  return inTenant(db, actor, async (tx) => {
    const { context } = await setupIn(tx, actor, now);
    return { departments: context.departments.slice(), today: context.today };
  });
}

export type RegisterResult =
  { ok: true; caseId: string; caseNumber: string } | { ok: false; errors: RetroErrors };

/** Registers one case from the form, in one transaction. */
export async function registerRetrospective(
  db: Db,
  actor: Actor,
  values: RetroValues,
  now = new Date(),
): Promise<RegisterResult> {
  const role = requireRegistrar(actor);
  return inTenant(db, actor, async (tx) => {
    const setup = await setupIn(tx, actor, now);
    const checked = await checkRows(tx, setup, [{ row: 1, values }]);
    const [c] = checked.cases;
    if (!checked.ok || !c) return { ok: false, errors: checked.reports[0]?.errors ?? {} };
    const departmentId = setup.departmentIds.get(c.department);
    if (!departmentId) return { ok: false, errors: { department: 'departmentUnknown' } };
    return { ok: true, ...(await writeCase(tx, actor, role, c, departmentId, null, now)) };
  });
}

export type ImportCheck =
  { ok: true; importId: string; reports: RowReport[] } | { ok: false; reports: RowReport[] };

/**
 * Checks an uploaded file's rows. A file with any bad row is reported and not kept; a good one is
 * kept server-side (`retrospective_imports`) for the preview and its confirmation.
 */
export async function checkImport(
  db: Db,
  actor: Actor,
  fileName: string,
  rows: SheetRow[],
  now = new Date(),
): Promise<ImportCheck> {
  requireRegistrar(actor);
  return inTenant(db, actor, async (tx) => {
    const checked = await checkRows(tx, await setupIn(tx, actor, now), rows);
    if (!checked.ok) return { ok: false, reports: checked.reports };
    // Previews never confirmed are dropped after their time (the trust's, under its policy).
    await deleteExpiredImports(tx, now);
    const [staged] = await tx
      .insert(retrospectiveImports)
      .values({ trustId: actor.trustId, userId: actor.userId, fileName, rows, createdAt: now })
      .returning({ id: retrospectiveImports.id });
    if (!staged) throw new Error('Import staging returned nothing');
    return { ok: true, importId: staged.id, reports: checked.reports };
  });
}

/**
 * Deletes the previews older than their time (IMPORT_TTL_MS) in every trust: an uploaded file's
 * rows hold patients' identities, and a preview no one confirms would otherwise wait for the
 * trust's next upload. Run nightly by the retention job, as the table owner (every trust), and at
 * each upload in the uploader's trust. How many.
 */
export async function deleteExpiredImports(db: Db | Tx, now: Date): Promise<number> {
  const gone = await db
    .delete(retrospectiveImports)
    .where(lt(retrospectiveImports.createdAt, new Date(now.getTime() - IMPORT_TTL_MS)))
    .returning({ id: retrospectiveImports.id });
  return gone.length;
}

const isImportId = (importId: string) => /^[0-9a-f-]{36}$/i.test(importId);

/**
 * The user's kept file, unless expired. `lock`: under its row lock, so two confirmations of one
 * file (a double click, two tabs) take turns, and the second finds it gone.
 */
async function stagedImport(tx: Tx, actor: Actor, importId: string, now: Date, lock = false) {
  if (!isImportId(importId)) return null;
  const query = tx
    .select()
    .from(retrospectiveImports)
    .where(
      and(eq(retrospectiveImports.id, importId), eq(retrospectiveImports.userId, actor.userId)),
    );
  const [staged] = lock ? await query.for('update') : await query;
  if (!staged || staged.createdAt.getTime() < now.getTime() - IMPORT_TTL_MS) return null;
  return staged;
}

export interface ImportPreview {
  fileName: string;
  ok: boolean;
  reports: RowReport[];
}

/** The preview of a kept file, validated again now; null when it is gone, expired or not the user's. */
export async function previewImport(
  db: Db,
  actor: Actor,
  importId: string,
  now = new Date(),
): Promise<ImportPreview | null> {
  requireRegistrar(actor);
  return inTenant(db, actor, async (tx) => {
    const staged = await stagedImport(tx, actor, importId, now);
    if (!staged) return null;
    const checked = await checkRows(tx, await setupIn(tx, actor, now), staged.rows);
    return { fileName: staged.fileName, ok: checked.ok, reports: checked.reports };
  });
}

export type ImportResult =
  | { ok: true; count: number }
  | { ok: false; expired: true }
  | { ok: false; expired: false; reports: RowReport[] };

/** How many cases the user's confirmed import `importId` registered (0: none, or not theirs). */
async function importedCount(tx: Tx, actor: Actor, importId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(retrospectiveRegistrations)
    .where(
      and(
        eq(retrospectiveRegistrations.importId, importId),
        eq(retrospectiveRegistrations.registeredBy, actor.userId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Imports every row of a kept file in ONE transaction, after validating them again (the browser is
 * never trusted): all rows, or none. The kept file is deleted with the import. A file confirmed
 * already (a second click, a second tab, the back button) answers with what it imported then and
 * imports nothing more.
 */
export async function confirmImport(
  db: Db,
  actor: Actor,
  importId: string,
  now = new Date(),
): Promise<ImportResult> {
  const role = requireRegistrar(actor);
  return inTenant(db, actor, async (tx) => {
    const staged = await stagedImport(tx, actor, importId, now, true);
    if (!staged) {
      const count = isImportId(importId) ? await importedCount(tx, actor, importId) : 0;
      return count > 0 ? { ok: true, count } : { ok: false, expired: true };
    }
    const setup = await setupIn(tx, actor, now);
    const checked = await checkRows(tx, setup, staged.rows);
    if (!checked.ok) return { ok: false, expired: false, reports: checked.reports };
    for (const c of checked.cases) {
      const departmentId = setup.departmentIds.get(c.department);
      if (!departmentId) throw new Error(`Department vanished: ${c.department}`);
      await writeCase(tx, actor, role, c, departmentId, staged.id, now);
    }
    await tx.delete(retrospectiveImports).where(eq(retrospectiveImports.id, staged.id));
    return { ok: true, count: checked.cases.length };
  });
}

export interface RetrospectiveListItem {
  id: string;
  caseNumber: string | null;
  reference: string | null;
  department: string;
  submittedAt: Date | null;
  outcome: string;
  registeredAt: Date;
}

/** The trust's retrospective cases, newest registrations first (no patient data). */
export async function listRetrospective(
  db: Db,
  actor: Actor,
  limit = 200,
): Promise<RetrospectiveListItem[]> {
  requireRegistrar(actor);
  return inTenant(db, actor, (tx) =>
    tx
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        reference: retrospectiveRegistrations.reference,
        department: departments.name,
        submittedAt: cases.submittedAt,
        outcome: caseDecisions.outcome,
        registeredAt: retrospectiveRegistrations.registeredAt,
      })
      .from(retrospectiveRegistrations)
      .innerJoin(cases, eq(cases.id, retrospectiveRegistrations.caseId))
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .innerJoin(
        caseDecisions,
        and(
          eq(caseDecisions.caseId, cases.id),
          sql`${caseDecisions.version} = (select max(d.version) from case_decisions d where d.case_id = ${cases.id})`,
        ),
      )
      .orderBy(desc(retrospectiveRegistrations.registeredAt), desc(cases.caseNumber))
      .limit(limit),
  );
}

export interface RetrospectiveNote {
  registeredAt: Date;
  registeredBy: string;
  reference: string | null;
}

/**
 * When and by whom a case was registered after the fact, or null for an ordinary case, in the
 * caller's transaction (the case page reads all its sections in one), for a case already loaded
 * (its visibility checked): only a case marked `retrospective` has a registration (both are
 * written together by `registerRetrospective`), so an ordinary case costs no read.
 */
export function retrospectiveNoteIn(
  tx: Tx,
  loaded: { id: string; retrospective: boolean },
): Promise<RetrospectiveNote | null> {
  return loaded.retrospective ? readNote(tx, loaded.id) : Promise.resolve(null);
}

async function readNote(tx: Tx, caseId: string): Promise<RetrospectiveNote | null> {
  const [note] = await tx
    .select({
      registeredAt: retrospectiveRegistrations.registeredAt,
      registeredBy: users.name,
      reference: retrospectiveRegistrations.reference,
    })
    .from(retrospectiveRegistrations)
    .innerJoin(users, eq(users.id, retrospectiveRegistrations.registeredBy))
    .where(eq(retrospectiveRegistrations.caseId, caseId));
  return note ?? null;
}
