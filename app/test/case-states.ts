import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.server';
import { caseEvents, cases } from '../db/schema';
import { DEFAULT_MAX_BYTES } from '../features/attachments/domain/kinds';
import { uploadAttachment } from '../features/attachments/attachments.server';
import { databaseStorage } from '../features/attachments/store.server';
import type { Actor } from '../features/auth/domain/roles';
import { endorseCase, recommend } from '../features/assessment/assessment.server';
import {
  createDraft,
  inviteCoAuthor,
  transition,
  type TransitionResult,
} from '../features/cases/cases.server';
import { addDays, dateInNorway } from '../features/cases/domain/dates';
import type { Answers } from '../features/cases/domain/questionnaire';
import type { CaseEvent } from '../features/cases/domain/workflow';
import { requestConsultation } from '../features/consultations/consultations.server';
import { submitDecision } from '../features/decisions/decisions.server';
import { completeAnswers, completeAnswersFor, demoActors } from './actors';
import { minimalPdf } from './files';
import { APPROVAL_TERMS } from './decisions';

/**
 * Cases prepared through the real use cases in one state of the lifecycle, for tests that need a
 * case "as it is when X happens" (the authorization matrix, the row-level security tests).
 */
export const PREPARED_STATES = [
  'draft',
  'submitted',
  'endorsed',
  'underAssessment',
  'recommended',
  'awaitingInformation',
  'inConsultation',
  'decided',
  'followUp',
  'closed',
  // Tilgangsordningen: endorsed (the medical director may forward it), and at the committee.
  'tilgangsordningenEndorsed',
  'atInterregionalCommittee',
] as const;
export type PreparedState = (typeof PREPARED_STATES)[number];

/** A complete Tilgangsordningen application (the interregional committee decides it). */
export const tilgangsordningenAnswers: Answers = completeAnswersFor('tilgangsordningen');
const TILGANGSORDNINGEN_STATES: readonly PreparedState[] = [
  'tilgangsordningenEndorsed',
  'atInterregionalCommittee',
];

export type TrustActors = Awaited<ReturnType<typeof demoActors>>;

export interface PreparedCase {
  caseId: string;
  version: number;
  attachmentId: string;
  /** The open consultation grant (state inConsultation), else ''. */
  consultationId: string;
  /** The latest decision version (decided and later), else 0. */
  decisionVersion: number;
  /** The løpenummer (given at submission; a draft has none: ''). */
  caseNumber: string;
}

export const attachmentSettings = () => ({
  storage: databaseStorage(),
  maxBytes: DEFAULT_MAX_BYTES,
});

/** The steps from a draft to each state, with who takes them. */
const PATH: Record<Exclude<PreparedState, 'draft'>, PreparedState> = {
  submitted: 'draft',
  endorsed: 'submitted',
  underAssessment: 'endorsed',
  awaitingInformation: 'underAssessment',
  inConsultation: 'underAssessment',
  recommended: 'underAssessment',
  // The complete assessment ends in the committee's recommendation before the decision.
  decided: 'recommended',
  followUp: 'decided',
  closed: 'decided',
  tilgangsordningenEndorsed: 'endorsed', // endorsed, with the Tilgangsordningen answers
  atInterregionalCommittee: 'tilgangsordningenEndorsed',
};

/**
 * A case of `home`'s trust in `state`: written by its applicant with the co-author invited and one
 * attachment; consulted (inConsultation) with `consulted`'s trust.
 */
export async function prepareCase(
  db: Db,
  home: TrustActors,
  state: PreparedState,
  consulted?: Actor,
): Promise<PreparedCase> {
  const answers = TILGANGSORDNINGEN_STATES.includes(state)
    ? tilgangsordningenAnswers
    : completeAnswers;
  const prepared = await prepareSteps(db, home, state, answers, consulted);
  const [row] = await db
    .select({ caseNumber: cases.caseNumber })
    .from(cases)
    .where(eq(cases.id, prepared.caseId));
  return { ...prepared, caseNumber: row?.caseNumber ?? '' };
}

async function prepareSteps(
  db: Db,
  home: TrustActors,
  state: PreparedState,
  answers: Answers,
  consulted?: Actor,
): Promise<Omit<PreparedCase, 'caseNumber'>> {
  if (state === 'draft') {
    const draft = await createDraft(db, home.applicant, answers);
    await inviteCoAuthor(db, home.applicant, draft.id, home.coAuthor.userId);
    const file = await uploadAttachment(db, attachmentSettings(), home.applicant, {
      caseId: draft.id,
      fileName: 'epikrise.pdf',
      bytes: minimalPdf(),
    });
    // Inviting and uploading do not change the version.
    return {
      caseId: draft.id,
      version: draft.version,
      attachmentId: file.id,
      consultationId: '',
      decisionVersion: 0,
    };
  }
  const before = await prepareSteps(db, home, PATH[state], answers, consulted);
  const step = async (actor: Actor, event: CaseEvent, reason?: string) => ({
    ...before,
    version: (
      await transition(db, actor, { caseId: before.caseId, version: before.version, event, reason })
    ).version,
  });
  switch (state) {
    case 'submitted':
      return step(home.applicant, 'submit');
    case 'endorsed': {
      await endorseCase(db, home.endorser, {
        caseId: before.caseId,
        version: before.version,
        verdict: 'endorse',
        reason: 'Forankret.',
        ratings: ratings(),
      });
      return { ...before, version: await versionOf(db, before.caseId) };
    }
    case 'underAssessment':
      return step(home.decisionMaker, 'startAssessment');
    case 'awaitingInformation':
      return step(home.assessor, 'requestInformation', 'Hvilken dose er planlagt?');
    case 'inConsultation': {
      if (!consulted) throw new Error('inConsultation needs the consulted trust');
      const grant = await requestConsultation(db, home.decisionMaker, before.caseId, {
        version: before.version,
        consultedTrustId: consulted.trustId,
        question: 'Har dere erfaring med dette?',
        deadline: addDays(dateInNorway(new Date()), 14),
      });
      return { ...before, version: await versionOf(db, before.caseId), consultationId: grant.id };
    }
    case 'recommended': {
      const recommended = await recommend(db, home.assessor, {
        caseId: before.caseId,
        version: before.version,
        outcome: 'approved',
        text: 'Anbefales innvilget.',
      });
      return { ...before, version: recommended.version };
    }
    case 'decided':
      await submitDecision(db, home.decisionMaker, before.caseId, {
        event: 'decide',
        version: before.version,
        outcome: 'approved',
        reasonPhrase: '',
        reason: 'Innvilget.',
        conditionPhrases: [],
        conditions: '',
        evaluationDate: addDays(dateInNorway(new Date()), 180),
        prescriptionNotePhrase: '',
        invoicingPhrase: '',
        ...APPROVAL_TERMS,
        revisionReason: '',
      });
      return { ...before, version: await versionOf(db, before.caseId), decisionVersion: 1 };
    case 'followUp':
      return step(home.decisionMaker, 'beginFollowUp');
    case 'closed':
      return step(home.decisionMaker, 'close');
    case 'tilgangsordningenEndorsed':
      return before;
    case 'atInterregionalCommittee':
      return step(
        home.decisionMaker,
        'forwardToInterregional',
        'Klinisk eksepsjonell; prioriteringskriteriene er oppfylt.',
      );
  }
}

/** The case's current version (read as the owner, as a test fixture may). */
async function versionOf(db: Db, caseId: string): Promise<number> {
  return (await stateOf(db, caseId)).version;
}

/** The case's status and version, read as the owner (past row-level security), as a test may. */
export async function stateOf(
  db: Db,
  caseId: string,
): Promise<{ status: string; version: number }> {
  const [row] = await db
    .select({ status: cases.status, version: cases.version })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) throw new Error(`No case ${caseId}`);
  return row;
}

/** The case's audit trail (its events), oldest first, read as the owner. */
export function trailOf(db: Db, caseId: string) {
  return db
    .select({
      event: caseEvents.event,
      from: caseEvents.fromStatus,
      to: caseEvents.toStatus,
      role: caseEvents.actorRole,
      actor: caseEvents.actorId,
      reason: caseEvents.reason,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id));
}

/**
 * The leader's endorsement (or refusal to endorse) as the endorsement form records it: through
 * `endorseCase`, with a complete rating of the criteria (the generic `transition` refuses both).
 */
export function endorseWithRatings(
  db: Db,
  actor: Actor,
  input: { caseId: string; version: number; reason: string; verdict?: 'endorse' | 'notEndorse' },
): Promise<TransitionResult> {
  return endorseCase(db, actor, { verdict: 'endorse', ...input, ratings: ratings() });
}

/**
 * A case of `home`'s trust written with `answers`, sent by its applicant and endorsed by its leader
 * (no co-author, no attachment, unlike `prepareCase`): its id, number and version now.
 */
export async function sentAndEndorsed(
  db: Db,
  home: TrustActors,
  answers: Answers,
  reason = 'Godt begrunnet.',
): Promise<{ caseId: string; caseNumber: string; version: number }> {
  const draft = await createDraft(db, home.applicant, answers);
  const sent = await transition(db, home.applicant, {
    caseId: draft.id,
    version: draft.version,
    event: 'submit',
  });
  const endorsed = await endorseWithRatings(db, home.endorser, {
    caseId: draft.id,
    version: sent.version,
    reason,
  });
  return { caseId: draft.id, caseNumber: sent.caseNumber ?? '', version: endorsed.version };
}

/** A complete, valid rating of the priority criteria, as form values. */
export function ratings(): Record<string, string> {
  return {
    'severity.level': '3',
    'severity.text': 'Alvorlig tilstand.',
    'benefit.level': '3',
    'benefit.text': 'God dokumentert nytte.',
    'resourceUse.level': '2',
    'resourceUse.text': 'Moderat kostnad.',
  };
}
