import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { formVersion } from '../../lib/form';
import {
  decisionPhrases,
  decisionPhraseVersions,
  departments,
  phraseVersionOf,
  trusts,
  users,
} from '../../db/schema';
import {
  endorsementsOf,
  recommendationsOf,
  type EndorsementView,
  type RecommendationView,
} from '../assessment/assessment.server';
import { hasRole, type Actor } from '../auth/domain/roles';
import {
  caseDecisionsIn,
  diagnosisNames,
  loadVisibleCase,
  logAccess,
  schemeOf,
  statusOf,
  transition,
} from '../cases/cases.server';
import {
  SCHEMES,
  type DecisionOutcome,
  type PatientScope,
  type Scheme,
} from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';
import { contextOf, drugAnswer, type Answers } from '../cases/domain/questionnaire';
import { availableEvents } from '../cases/domain/workflow';
import { accessRole, seesPatientIdentity } from '../cases/domain/access';
import type { Diagnosis } from '../diagnoses/domain/diagnosis';
import type { LocalGuidance } from '../guidance/domain/guidance';
import { localGuidanceIn } from '../guidance/guidance.server';
import {
  isDecisionEvent,
  resolveDecisionForm,
  type DecisionEvent,
  type DecisionForm,
} from './domain/form';
import { parsePhrase, type Phrase, type PhraseFieldErrors } from './domain/phrases';
import { treatmentOf, type Treatment } from './domain/treatment';

const canReadPhrases = (actor: Actor) =>
  hasRole(actor, 'trustAdmin') || hasRole(actor, 'decisionMaker');
const canEditPhrases = (actor: Actor) => hasRole(actor, 'trustAdmin');

async function phrasesOf(tx: Tx, activeOnly: boolean): Promise<Phrase[]> {
  const rows = await tx
    .select()
    .from(decisionPhrases)
    .where(activeOnly ? eq(decisionPhrases.active, true) : undefined)
    .orderBy(asc(decisionPhrases.kind), asc(decisionPhrases.sortOrder), asc(decisionPhrases.title))
    .prepare(activeOnly ? 'sp_phrases_active' : 'sp_phrases')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    text: r.text,
    sortOrder: r.sortOrder,
    active: r.active,
    version: r.version,
  }));
}

/** The trust's phrases for the admin screen (administrators edit, decision makers read). */
export async function listPhrases(
  db: Db,
  actor: Actor,
): Promise<{ phrases: Phrase[]; canEdit: boolean }> {
  if (!canReadPhrases(actor)) throw new CaseError('forbidden');
  const phrases = await inTenant(db, actor, (tx) => phrasesOf(tx, false));
  return { phrases, canEdit: canEditPhrases(actor) };
}

/** A saved version of a phrase, for its history on the edit page (newest first). */
export interface PhraseVersion {
  version: number;
  title: string;
  active: boolean;
  /** Null for a phrase that came with the installation (seeded). */
  changedByName: string | null;
  at: Date;
}

/** Who last changed a phrase, and when: what a stale edit is told. */
export interface PhraseChange {
  phrase: Phrase;
  changedByName: string | null;
  at: Date;
}

async function versionsOf(tx: Tx, phraseId: string): Promise<PhraseVersion[]> {
  return tx
    .select({
      version: decisionPhraseVersions.version,
      title: decisionPhraseVersions.title,
      active: decisionPhraseVersions.active,
      changedByName: users.name,
      at: decisionPhraseVersions.createdAt,
    })
    .from(decisionPhraseVersions)
    .leftJoin(users, eq(users.id, decisionPhraseVersions.changedBy))
    .where(eq(decisionPhraseVersions.phraseId, phraseId))
    .orderBy(desc(decisionPhraseVersions.version))
    .limit(20);
}

/** One phrase of the actor's trust with its latest versions (another trust's is not found: RLS hides it). */
export async function getPhrase(
  db: Db,
  actor: Actor,
  phraseId: string,
): Promise<{ phrase: Phrase; versions: PhraseVersion[] }> {
  if (!canReadPhrases(actor)) throw new CaseError('forbidden');
  if (!z.uuid().safeParse(phraseId).success) throw new CaseError('notFound');
  return inTenant(db, actor, async (tx) => {
    const phrase = (await phrasesOf(tx, false)).find((p) => p.id === phraseId);
    if (!phrase) throw new CaseError('notFound');
    return { phrase, versions: await versionsOf(tx, phraseId) };
  });
}

export type PhraseFormValues = Record<'kind' | 'title' | 'text' | 'sortOrder', string>;
export type PhraseCreateResult =
  { ok: true; id: string } | { ok: false; errors: PhraseFieldErrors };
export type PhraseSaveResult =
  | PhraseCreateResult
  /** The phrase was changed since the form was loaded: nothing saved; what is stored now. */
  | { ok: false; conflict: PhraseChange };

/** Adds a phrase (administrators only), as its version 1. */
export async function createPhrase(
  db: Db,
  actor: Actor,
  values: PhraseFormValues,
): Promise<PhraseCreateResult> {
  if (!canEditPhrases(actor)) throw new CaseError('forbidden');
  const parsed = parsePhrase(values);
  if (!parsed.ok) return parsed;
  return inTenant(db, actor, async (tx): Promise<PhraseCreateResult> => {
    const [created] = await tx
      .insert(decisionPhrases)
      .values({ ...parsed.phrase, trustId: actor.trustId, updatedBy: actor.userId })
      .returning();
    if (!created) throw new Error('Insert returned no row');
    await tx.insert(decisionPhraseVersions).values(phraseVersionOf(created, actor.userId));
    return { ok: true, id: created.id };
  });
}

/**
 * Changes a phrase (administrators only): a compare-and-set on the version the form was loaded
 * with, and the new version in the history, in one transaction. A stale version changes nothing
 * and answers with the phrase as it is now and who changed it. Decisions already made keep their
 * own copy.
 */
export async function updatePhrase(
  db: Db,
  actor: Actor,
  phraseId: string,
  values: PhraseFormValues & { version: string },
): Promise<PhraseSaveResult> {
  if (!canEditPhrases(actor)) throw new CaseError('forbidden');
  if (!z.uuid().safeParse(phraseId).success) throw new CaseError('notFound');
  const parsed = parsePhrase(values);
  if (!parsed.ok) return parsed;
  return inTenant(db, actor, async (tx): Promise<PhraseSaveResult> => {
    const [updated] = await tx
      .update(decisionPhrases)
      .set({
        ...parsed.phrase,
        updatedBy: actor.userId,
        updatedAt: new Date(),
        version: sql`${decisionPhrases.version} + 1`,
      })
      .where(
        and(
          eq(decisionPhrases.id, phraseId),
          // A version that is no number matches none (versions start at 1).
          eq(decisionPhrases.version, formVersion(values.version) ?? 0),
        ),
      )
      .returning();
    if (updated) {
      await tx.insert(decisionPhraseVersions).values(phraseVersionOf(updated, actor.userId));
      return { ok: true, id: updated.id };
    }
    const phrase = (await phrasesOf(tx, false)).find((p) => p.id === phraseId);
    if (!phrase) throw new CaseError('notFound');
    const [last] = await versionsOf(tx, phraseId);
    return {
      ok: false,
      conflict: { phrase, changedByName: last?.changedByName ?? null, at: last?.at ?? new Date() },
    };
  });
}

/**
 * Deactivates a phrase (it can no longer be chosen) or makes it active again, as a new version.
 * The button says which; pressed twice, the second changes nothing.
 */
export async function setPhraseActive(
  db: Db,
  actor: Actor,
  phraseId: string,
  active: boolean,
): Promise<void> {
  if (!canEditPhrases(actor)) throw new CaseError('forbidden');
  if (!z.uuid().safeParse(phraseId).success) throw new CaseError('notFound');
  await inTenant(db, actor, async (tx) => {
    const [updated] = await tx
      .update(decisionPhrases)
      .set({
        active,
        updatedBy: actor.userId,
        updatedAt: new Date(),
        version: sql`${decisionPhrases.version} + 1`,
      })
      .where(and(eq(decisionPhrases.id, phraseId), ne(decisionPhrases.active, active)))
      .returning();
    if (updated) {
      await tx.insert(decisionPhraseVersions).values(phraseVersionOf(updated, actor.userId));
      return;
    }
    const [exists] = await tx
      .select({ id: decisionPhrases.id })
      .from(decisionPhrases)
      .where(eq(decisionPhrases.id, phraseId));
    if (!exists) throw new CaseError('notFound');
  });
}

/** One frozen version of a case's decision. */
export interface DecisionVersion {
  version: number;
  outcome: DecisionOutcome;
  reason: string;
  conditions: string | null;
  evaluationDate: string | null;
  prescriptionNote: string | null;
  invoicing: string | null;
  /** Tilgangsordningen: the interregional committee's decision, recorded by the trust. */
  interregionalCommittee: boolean;
  text: string | null;
  decidedByName: string;
  decidedByTitle: string;
  decidedAt: Date;
  /** The version that replaced this one, if any. */
  supersededBy: number | null;
  /**
   * Registered after the fact (etterregistrering, the first version of such a case): decided
   * outside the portal by someone it does not name; `decidedByName` is who registered it.
   */
  registered: boolean;
}

/** A case's decisions, newest first; `retrospective`: the case was registered after the fact. */
async function decisionsOf(
  tx: Tx,
  caseId: string,
  retrospective: boolean,
): Promise<DecisionVersion[]> {
  const rows = await caseDecisionsIn(tx, caseId);
  return rows.map((r, i) => ({
    ...r,
    outcome: r.outcome as DecisionOutcome,
    supersededBy: i === 0 ? null : (rows[i - 1]?.version ?? null),
    registered: retrospective && r.version === 1,
  }));
}

/** What the case page's decision section needs. */
export interface DecisionPanel {
  caseId: string;
  caseNumber: string | null;
  version: number;
  /** Newest first. */
  decisions: DecisionVersion[];
  /** The treatment applied for: what an approval approves. */
  treatment: Treatment;
  /** The decision events the actor may fire now. */
  events: DecisionEvent[];
  /** Tilgangsordningen: `decide` records the interregional committee's decision. */
  atInterregionalCommittee: boolean;
  /** The committee's newest recommendation, beside the form of a director who decides on it. */
  recommendation: RecommendationView | null;
  /** The trust's active phrases, when the actor may decide. */
  phrases: Phrase[];
  /** The actor may download the decision letter (it names the patient: not a consulted trust). */
  letter: boolean;
  /** The treating trust's own guidance under the regulations, when the actor may decide. */
  guidance: LocalGuidance | null;
  /** What the application is about, on the decision page (null in the case page's panel). */
  summary: DecisionCaseSummary | null;
}

/** The essentials of the application beside the decision form: the director decides on them. */
export interface DecisionCaseSummary {
  scheme: Scheme | null;
  patientScope: PatientScope | null;
  drug: string | null;
  /** Each chosen diagnosis as its code and Norwegian name. */
  diagnoses: string[];
  indication: string | null;
}

function decisionCaseSummary(answers: Answers): DecisionCaseSummary {
  return {
    ...contextOf(answers),
    drug: drugAnswer(answers)?.label ?? null,
    diagnoses: Object.values(diagnosisNames(answers)).flatMap((d) =>
      d ? [`${d.code} ${d.text}`] : [],
    ),
    indication: typeof answers.indication === 'string' ? answers.indication : null,
  };
}

/**
 * The decisions of a case (every version) and, for a decision maker, the phrases to decide with.
 * `logAs` names the access-log action; the case page passes null because it logs the view itself.
 */
export async function getDecisionPanel(
  db: Db,
  actor: Actor,
  caseId: string,
  logAs: 'decision' | null,
): Promise<DecisionPanel> {
  return inTenant(db, actor, (tx) => getDecisionPanelIn(tx, actor, caseId, logAs));
}

/** `getDecisionPanel` in the caller's transaction (the case page reads all its sections in one). */
export async function getDecisionPanelIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
  logAs: 'decision' | null,
): Promise<DecisionPanel> {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  const events = availableEvents(statusOf(row), roles, schemeOf(row)).filter(isDecisionEvent);
  const role = accessRole(roles, statusOf(row));
  if (logAs && role) await logAccess(tx, actor, role, row.id, logAs);
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    version: row.version,
    decisions: await decisionsOf(tx, row.id, row.retrospective),
    treatment: treatmentOf(row.answers, row.festSnapshot),
    events,
    atInterregionalCommittee: statusOf(row) === 'atInterregionalCommittee',
    recommendation:
      statusOf(row) === 'recommended' && events.includes('decide')
        ? ((await recommendationsOf(tx, row.id, 1))[0] ?? null)
        : null,
    phrases: events.length > 0 ? await phrasesOf(tx, true) : [],
    letter: seesPatientIdentity(roles),
    guidance: events.length > 0 ? await localGuidanceIn(tx, row.trustId, 'decision') : null,
    summary: logAs === 'decision' ? decisionCaseSummary(row.answers) : null,
  };
}

export interface DecisionSubmission extends DecisionForm {
  event: DecisionEvent;
  version: number;
  revisionReason: string;
}

/**
 * Decides (or revises the decision of) a case from the decision form: the chosen phrases become
 * text, then the case workflow validates, composes and stores the frozen decision version.
 */
export async function submitDecision(
  db: Db,
  actor: Actor,
  caseId: string,
  form: DecisionSubmission,
): Promise<void> {
  const phrases = await inTenant(db, actor, async (tx) => {
    await loadVisibleCase(tx, actor, caseId);
    return phrasesOf(tx, true);
  });
  const resolved = resolveDecisionForm(form, phrases);
  if (!resolved.ok) throw new CaseError('invalid', resolved.errors);
  await transition(db, actor, {
    caseId,
    version: form.version,
    event: form.event,
    ...resolved.fields,
    revisionReason: form.revisionReason,
  });
}

/** Everything the decision letter shows. */
export interface DecisionLetter {
  caseNumber: string;
  trustName: string;
  departmentName: string;
  /** The applying doctor; null for a case registered after the fact, whose applicant it does not know. */
  applicantName: string | null;
  answers: Answers;
  scheme: Scheme | null;
  diagnoses: Diagnosis[];
  /** The treatment applied for: what an approval approves. */
  treatment: Treatment;
  /** The leader's endorsement the decision was made on (none for a registered old decision). */
  endorsement: EndorsementView | null;
  decision: DecisionVersion;
}

/**
 * The data of a decision letter, for anyone working the case in the treating trust (not a consulted
 * trust: `patientIdentityHidden`); reading it is logged (action 'decisionLetter'). Another trust's case, or a version that does not exist: notFound.
 * It names the leader's endorsement the decision stands on: its verdict and justification are the
 * endorsement event's, which the case's history shows everyone working the case.
 */
export async function getDecisionLetter(
  db: Db,
  actor: Actor,
  caseId: string,
  version: number,
): Promise<DecisionLetter> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    // The letter names the patient: the treating trust's alone (BRIEF §7).
    if (!seesPatientIdentity(roles)) throw new CaseError('patientIdentityHidden');
    const decision = (await decisionsOf(tx, row.id, row.retrospective)).find(
      (d) => d.version === version,
    );
    const role = accessRole(roles, statusOf(row));
    if (!decision || !role || !row.caseNumber) throw new CaseError('notFound');
    const [names] = await tx
      .select({ trust: trusts.name, department: departments.name, applicant: users.name })
      .from(trusts)
      .innerJoin(departments, eq(departments.id, row.departmentId))
      .innerJoin(users, eq(users.id, row.applicantId))
      .where(eq(trusts.id, row.trustId));
    await logAccess(tx, actor, role, row.id, 'decisionLetter');
    const scheme = row.answers.scheme;
    return {
      caseNumber: row.caseNumber,
      trustName: names?.trust ?? '',
      departmentName: names?.department ?? '',
      applicantName: row.retrospective ? null : (names?.applicant ?? ''),
      answers: row.answers,
      scheme: SCHEMES.find((s) => s === scheme) ?? null,
      diagnoses: Object.values(diagnosisNames(row.answers)).filter(
        (d): d is Diagnosis => d !== undefined,
      ),
      treatment: treatmentOf(row.answers, row.festSnapshot),
      // Newest first: the one standing when this version was decided.
      endorsement:
        (await endorsementsOf(tx, row.id)).find((e) => e.at <= decision.decidedAt) ?? null,
      decision,
    };
  });
}
