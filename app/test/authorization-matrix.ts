import { ANSWER_INTENTS, REMOVE_FIELD } from '../features/attachments/domain/answer-form';
import { ROLES, type Role } from '../features/auth/domain/roles';
import { RETRO_COLUMNS } from '../features/retrospective/domain/retrospective';
import { msg } from '../i18n';
import { completeAnswers } from './actors';
import { APPROVAL_TERMS } from './decisions';
import { retrospectiveValues } from './retrospective';
import { ratings, type PreparedState } from './case-states';

/**
 * The authorization matrix (issue #6): for every route of app/routes.ts and every method and
 * action variant it has, who is let through, per role and per trust relation. The driver is
 * e2e/authorization-matrix.e2e.test.ts; it fails for a route or method without a row here.
 *
 * Relations: `own` — the subject belongs to the actor's trust; `other` — to another trust, with no
 * grant; `consulted` — another trust's case on which the actor's trust holds an open consultation
 * grant (the case is then in `inConsultation`). Rows about no trust's data (`subject: 'none'`) have
 * only the `own` column; `anonymous` (no session) is one more column of every row.
 *
 * Allow = the handler did the work (2xx, or a redirect that is not a refusal), or answered a
 * validation problem (400/422) after its permission check (each row sends valid input where it
 * can, so a 400 is rare). Deny = 401, 403, 404, a redirect to /logg-inn, a redirect back to the bare
 * case page (`/saker/:id`: a page or action the user may not use sends them there), a refused
 * attachment (`?vedleggfeil=`), a redirect the row names as its refusal (`refused`), or 409: the
 * workflow refused the action in the case's state, so nothing changed. Every row prepares the
 * state its action needs, so for a permitted actor a 409 cannot happen and would fail the test.
 */

export type Who = Role | 'anonymous';
export type Relation = 'own' | 'other' | 'consulted';
export const RELATIONS: readonly Relation[] = ['own', 'other', 'consulted'];
export const WHO: readonly Who[] = [...ROLES, 'anonymous'];

/** What a row's request may refer to; filled from a prepared case (and phrase). */
export interface Subject {
  caseId: string;
  version: number;
  attachmentId: string;
  consultationId: string;
  decisionVersion: number;
  phraseId: string;
  /** Ids of demo people a form may name (a leader to add, a committee member to assign, …). */
  people: { endorser2: string; assessor2: string; applicant: string };
  /** The trust a consultation is asked of. */
  consultedTrustId: string;
  /** The case's løpenummer ('' for a draft). */
  caseNumber: string;
  /** A retrospective import id that names no kept import (the preview's `:importId`). */
  importId: string;
  /** `trust` rows: an empty department of the home trust, a person with one role there. */
  departmentId: string;
  personId: string;
  /** The person's role assignment (what a revocation names). */
  assignmentId: string;
  /**
   * An inquiry about the case, asked by the other trust's (OUS's) national reader; prepared only
   * for rows whose path names `:inquiryId` (see `needsInquiry`), else ''.
   */
  inquiryId: string;
}

/** Whether a row's subject needs an inquiry about its case (its path names one). */
export const needsInquiry = (row: { path: string }) => row.path.includes(':inquiryId');

/**
 * A file upload sends a minimal PDF, or the given CSV text; `multipart` is a multipart form with
 * these text fields and, if given, a minimal PDF (the case page's answer form).
 */
export type Body =
  | { form: Record<string, string> }
  | { json: unknown }
  | { file: { name: string; bytes: 'pdf' } | { name: string; csv: string } }
  | { multipart: Record<string, string>; pdf?: string };

export interface MatrixRow {
  /** The path exactly as in app/routes.ts, with a leading slash ('/' for the index). */
  path: string;
  method: 'GET' | 'POST';
  /** The action variant (intent / event) this row exercises; '' for the only one. */
  variant?: string;
  /** A query string (without `?`) appended to the path. */
  query?: string;
  /**
   * `case`: a case of the home trust in `state`; `trust`: a phrase, an empty department and a
   * person with a role, of the home trust; `none`.
   */
  subject: 'none' | 'trust' | 'case';
  state?: PreparedState;
  /** Who is let through, per relation; everyone else must be refused. */
  allow: { own: readonly Who[]; other?: readonly Who[]; consulted?: readonly Who[] };
  body?: (s: Subject) => Body;
  /** A redirect to a location matching this is a refusal (besides /logg-inn). */
  refused?: RegExp;
  /**
   * The request ends the session it is sent with (log out; log in, which replaces it): each cell
   * gets a new session.
   */
  endsSession?: boolean;
}

const SIGNED_IN: readonly Who[] = ROLES;
const EVERYONE: readonly Who[] = WHO;
/** Everyone who works a submitted case of their own trust (the co-author was invited). */
const CASE_PEOPLE: readonly Who[] = [
  'applicant',
  'coAuthor',
  'endorser',
  'decisionMaker',
  'assessor',
];
const WRITERS: readonly Who[] = ['applicant', 'coAuthor'];
const CONSULTANTS: readonly Who[] = ['decisionMaker', 'assessor'];
/** Who asks another trust about a case of the national overview (features/inquiries). */
const INQUIRY_ASKERS: readonly Who[] = ['decisionMaker', 'assessor', 'nationalReader'];

const form = (fields: Record<string, string>) => (): Body => ({ form: fields });
const event = (s: Subject, name: string, reason = '') => ({
  form: { event: name, version: String(s.version), reason },
});
/** The answer form's text fields (features/attachments/ui/AnswerForm.tsx). */
const answerFields = (s: Subject) => ({
  version: String(s.version),
  reason: 'Laboratoriesvaret ligger ved.',
});

/** One valid retrospective registration (etterregistrering) of the home trust, as form values. */
const RETRO_CASE = retrospectiveValues();
/** The same registration as the import template's CSV (header row of column names, `;`). */
const retroCsv = () =>
  [RETRO_COLUMNS.map((c) => msg.retrospective.columns[c]), RETRO_COLUMNS.map((c) => RETRO_CASE[c])]
    .map((cells) => cells.join(';'))
    .join('\n') + '\n';
/** Who registers their own trust's earlier decisions (features/retrospective/domain/access.ts). */
const REGISTRARS: readonly Who[] = ['decisionMaker', 'trustAdmin'];

export const AUTHORIZATION_MATRIX: readonly MatrixRow[] = [
  // Start page, login, logout.
  { path: '/', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  { path: '/logg-inn', method: 'GET', subject: 'none', allow: { own: EVERYONE } },
  {
    path: '/logg-inn',
    method: 'POST',
    subject: 'none',
    allow: { own: EVERYONE },
    body: (s) => ({ form: { userId: s.people.applicant } }),
    // A login ends the session the request carries (session fixation, features/auth).
    endsSession: true,
  },
  { path: '/logg-ut', method: 'GET', subject: 'none', allow: { own: EVERYONE } },
  {
    path: '/logg-ut',
    method: 'POST',
    subject: 'none',
    allow: { own: EVERYONE },
    refused: /^$/,
    endsSession: true,
  },

  // The trust chooser (ADR 0026): everyone signed in sees the trusts they hold roles in; a choice
  // of a trust without a role there (the consulted trust's) is refused for everyone.
  { path: '/velg-helseforetak', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  {
    path: '/velg-helseforetak',
    method: 'POST',
    subject: 'none',
    allow: { own: [] },
    body: (s) => ({ form: { trustId: s.consultedTrustId } }),
  },

  // A new application.
  { path: '/saker/ny', method: 'GET', subject: 'none', allow: { own: ['applicant'] } },
  {
    path: '/saker/ny',
    method: 'POST',
    variant: 'start',
    subject: 'none',
    allow: { own: ['applicant'] },
    body: form({ intent: 'start', scheme: 'offLabel', patientScope: 'single' }),
  },
  {
    path: '/saker/ny',
    method: 'POST',
    variant: 'route',
    subject: 'none',
    allow: { own: ['applicant'] },
    body: form({ intent: 'route', approved: 'no' }),
  },

  // The case page and its actions.
  {
    path: '/saker/:caseId',
    method: 'GET',
    variant: 'draft',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=endorsement',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['endorser'] },
    body: (s) => ({
      form: {
        intent: 'endorsement',
        verdict: 'endorse',
        reason: 'Forankret.',
        version: String(s.version),
        ...ratings(),
      },
    }),
  },
  {
    // The department's leader, or the medical director (a case no leader of the department may
    // endorse, ADR 0024).
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=delegate',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['endorser', 'decisionMaker'] },
    body: (s) => ({ form: { intent: 'delegate', userId: s.people.endorser2 } }),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=invite',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['endorser'] },
    body: (s) => ({ form: { intent: 'invite', userId: s.people.endorser2 } }),
  },
  {
    // Names a leader who does not collaborate on the prepared case: the endorser's removal changes
    // nothing; anyone else is refused first.
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=removeCollaborator',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['endorser'] },
    body: (s) => ({ form: { intent: 'removeCollaborator', userId: s.people.endorser2 } }),
  },
  {
    // Only a department leader whose endorsement is delegated, or the medical director, takes it
    // back (ADR 0024): the prepared case is not delegated, so no one may (they are told it is not
    // delegated, 409).
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=takeBack',
    subject: 'case',
    state: 'submitted',
    allow: { own: [] },
    body: form({ intent: 'takeBack' }),
  },
  {
    // Only an invited collaborator gives input; no demo role is one on the prepared case.
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'intent=leaderInput',
    subject: 'case',
    state: 'submitted',
    allow: { own: [] },
    body: form({ intent: 'leaderInput', body: 'Innspill til forankringen.' }),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=withdraw',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['applicant'] },
    body: (s) => event(s, 'withdraw', 'Pasienten ønsker ikke behandlingen.'),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=startAssessment',
    subject: 'case',
    state: 'endorsed',
    allow: { own: CONSULTANTS },
    body: (s) => event(s, 'startAssessment'),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=returnToApplicant',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['decisionMaker'] },
    body: (s) => event(s, 'returnToApplicant', 'Mangler dose.'),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=requestInformation',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
    body: (s) => event(s, 'requestInformation', 'Hvilken dose?'),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=forwardToInterregional',
    subject: 'case',
    state: 'tilgangsordningenEndorsed',
    allow: { own: ['decisionMaker'] },
    body: (s) =>
      event(
        s,
        'forwardToInterregional',
        'Klinisk eksepsjonell; prioriteringskriteriene er oppfylt.',
      ),
  },
  {
    // The medical director sends a recommended case back to the committee.
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=reopenAssessment',
    subject: 'case',
    state: 'recommended',
    allow: { own: ['decisionMaker'] },
    body: (s) => event(s, 'reopenAssessment', 'Vurder dosen på nytt.'),
  },
  {
    // The recommendation has its own form (the assessment page): never a bare event.
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=recommend',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: [] },
    body: (s) => event(s, 'recommend', 'Anbefales innvilget.'),
  },
  {
    // The answer has its own form (below, with its files' compare-and-set): never a bare event.
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=provideInformation',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: [] },
    body: (s) => event(s, 'provideInformation', '1000 mg.'),
  },
  // The answer form (multipart, features/attachments): its writers add files to the answer; only
  // the applicant sends it; an attachment that came with the application stays.
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'answer form: upload',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: WRITERS },
    body: (s) => ({
      multipart: { ...answerFields(s), intent: ANSWER_INTENTS.upload },
      pdf: 'laboratoriesvar.pdf',
    }),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'answer form: send with a file',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: ['applicant'] },
    body: (s) => ({
      multipart: { ...answerFields(s), intent: ANSWER_INTENTS.send },
      pdf: 'laboratoriesvar.pdf',
    }),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'answer form: remove an attachment of the application',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: [] },
    body: (s) => ({ multipart: { ...answerFields(s), [REMOVE_FIELD]: s.attachmentId } }),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=beginFollowUp',
    subject: 'case',
    state: 'decided',
    allow: { own: ['decisionMaker'] },
    body: (s) => event(s, 'beginFollowUp'),
  },
  {
    path: '/saker/:caseId',
    method: 'POST',
    variant: 'event=close',
    subject: 'case',
    state: 'decided',
    allow: { own: ['decisionMaker'] },
    body: (s) => event(s, 'close'),
  },

  // Writing the application.
  {
    path: '/saker/:caseId/rediger',
    method: 'GET',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
  },
  {
    path: '/saker/:caseId/rediger',
    method: 'POST',
    variant: 'save',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
    body: form({ indication: 'Endret indikasjon' }),
  },
  {
    path: '/saker/:caseId/rediger',
    method: 'POST',
    variant: 'intent=invite',
    subject: 'case',
    state: 'draft',
    allow: { own: ['applicant'] },
    body: (s) => ({ form: { intent: 'invite', userId: s.people.endorser2 } }),
  },
  {
    // Names someone who is not a co-author: the applicant's removal changes nothing (and the
    // prepared case keeps its co-author for the other rows); anyone else is refused first.
    path: '/saker/:caseId/rediger',
    method: 'POST',
    variant: 'intent=removeCoAuthor',
    subject: 'case',
    state: 'draft',
    allow: { own: ['applicant'] },
    body: (s) => ({ form: { intent: 'removeCoAuthor', userId: s.people.endorser2 } }),
  },
  {
    path: '/saker/:caseId/lagre',
    method: 'POST',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
    body: () => ({
      json: {
        changes: { indication: { base: completeAnswers.indication, value: 'Autolagret' } },
      },
    }),
  },
  {
    path: '/saker/:caseId/oppsummering',
    method: 'GET',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
  },
  {
    path: '/saker/:caseId/oppsummering',
    method: 'POST',
    subject: 'case',
    state: 'draft',
    allow: { own: ['applicant'] },
    body: (s) => ({ form: { event: 'submit', version: String(s.version) } }),
  },
  // The export carries the full patient id: the treating trust's alone, never a consulted trust
  // (BRIEF §7; `seesPatientIdentity`, cases/domain/access.ts).
  {
    path: '/saker/:caseId/eksport',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: [] },
  },
  {
    // The FHIR R4 export: exactly who may export the JSON (it holds the patient's identity, so
    // never a consulted trust).
    path: '/saker/:caseId/fhir',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: [] },
  },

  // Attachments.
  {
    path: '/saker/:caseId/vedlegg',
    method: 'POST',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
    body: () => ({ file: { name: 'notat.pdf', bytes: 'pdf' } }),
  },
  {
    path: '/saker/:caseId/vedlegg/:attachmentId',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/vedlegg/:attachmentId/slett',
    method: 'POST',
    subject: 'case',
    state: 'draft',
    allow: { own: WRITERS },
  },
  // While the case awaits information, files go to the answer through the case page's answer
  // form; the edit page's upload and removal (the application's) are refused.
  {
    path: '/saker/:caseId/vedlegg',
    method: 'POST',
    variant: 'awaitingInformation',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: [] },
    body: () => ({ file: { name: 'notat.pdf', bytes: 'pdf' } }),
  },
  {
    path: '/saker/:caseId/vedlegg/:attachmentId/slett',
    method: 'POST',
    variant: 'awaitingInformation',
    subject: 'case',
    state: 'awaitingInformation',
    allow: { own: [] },
  },

  // The complete assessment.
  {
    path: '/saker/:caseId/vurdering',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/vurdering',
    method: 'POST',
    variant: 'intent=comment',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
    body: form({ intent: 'comment', sectionId: 'basis', body: 'Godt begrunnet.' }),
  },
  {
    path: '/saker/:caseId/vurdering',
    method: 'POST',
    variant: 'intent=worksheet',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
    body: form({ intent: 'worksheet', version: '0', ...ratings() }),
  },
  {
    path: '/saker/:caseId/vurdering',
    method: 'POST',
    variant: 'intent=preparation',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
    body: form({ intent: 'preparation', notes: 'Forberedt.', version: '0' }),
  },
  {
    path: '/saker/:caseId/vurdering',
    method: 'POST',
    variant: 'intent=assign',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['decisionMaker'] },
    body: (s) => ({ form: { intent: 'assign', userId: s.people.assessor2 } }),
  },
  {
    path: '/saker/:caseId/vurdering',
    method: 'POST',
    variant: 'intent=recommend',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CONSULTANTS },
    body: (s) => ({
      form: {
        intent: 'recommend',
        version: String(s.version),
        outcome: 'approved',
        text: 'Anbefales innvilget.',
      },
    }),
  },

  // The decision.
  {
    path: '/saker/:caseId/vedtak',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/vedtak',
    method: 'POST',
    variant: 'event=decide',
    subject: 'case',
    // The complete flow decides once the committee has recommended.
    state: 'recommended',
    allow: { own: ['decisionMaker'] },
    body: (s) => ({
      form: {
        event: 'decide',
        version: String(s.version),
        outcome: 'approved',
        reason: 'Innvilget.',
        evaluationDate: '2099-06-30',
        ...APPROVAL_TERMS,
      },
    }),
  },
  {
    path: '/saker/:caseId/vedtak',
    method: 'POST',
    variant: 'event=decide (Tilgangsordningen, the interregional committee)',
    subject: 'case',
    state: 'atInterregionalCommittee',
    allow: { own: ['decisionMaker'] },
    body: (s) => ({
      form: {
        event: 'decide',
        version: String(s.version),
        outcome: 'approved',
        reason: 'Det interregionale fagdirektørmøtet innvilget søknaden.',
        evaluationDate: '2099-06-30',
        ...APPROVAL_TERMS,
      },
    }),
  },
  {
    path: '/saker/:caseId/vedtak/:version/brev.pdf',
    method: 'GET',
    subject: 'case',
    state: 'decided',
    allow: { own: CASE_PEOPLE },
  },

  // Administration.
  {
    path: '/admin',
    method: 'GET',
    subject: 'none',
    allow: { own: ['decisionMaker', 'trustAdmin'] },
  },
  {
    path: '/admin/vedtakstekster',
    method: 'GET',
    subject: 'none',
    allow: { own: ['decisionMaker', 'trustAdmin'] },
  },
  {
    path: '/admin/vedtakstekster',
    method: 'POST',
    variant: 'create',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({ kind: 'reason', title: 'Ny begrunnelse', text: 'Tekst.', sortOrder: '5' }),
  },
  {
    path: '/admin/vedtakstekster',
    method: 'POST',
    variant: 'intent=deactivate',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    body: (s) => ({ form: { intent: 'deactivate', id: s.phraseId } }),
  },
  {
    path: '/admin/vedtakstekster/:phraseId',
    method: 'GET',
    subject: 'trust',
    allow: { own: ['decisionMaker', 'trustAdmin'] },
  },
  {
    path: '/admin/vedtakstekster/:phraseId',
    method: 'POST',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    // The row's phrase is new (version 1): the edit is made from it.
    body: form({
      kind: 'reason',
      title: 'Endret',
      text: 'Endret tekst.',
      sortOrder: '1',
      version: '1',
    }),
  },
  // The trust's own guidance: its administrator only (a decision maker does not read it here).
  { path: '/admin/veiledning', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },
  {
    path: '/admin/veiledning/:place',
    method: 'GET',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
  },
  {
    path: '/admin/veiledning/:place',
    method: 'POST',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({ text: 'Ring sykehusapoteket før du søker.', version: '0' }),
  },
  { path: '/admin/frister', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },
  {
    path: '/admin/frister',
    method: 'POST',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({}),
  },

  // The administrator's people, roles and departments (only the trust's own administrator; another
  // trust's administrator finds neither the person nor the department: 404).
  { path: '/admin/brukere', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },
  {
    path: '/admin/brukere',
    method: 'POST',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({
      name: 'Matrise Ny',
      title: '',
      email: 'matrise.ny@example.test',
      idNumber: '7654321',
      role: 'nationalReader',
      departmentId: '',
    }),
  },
  {
    path: '/admin/brukere/:userId',
    method: 'GET',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
  },
  {
    path: '/admin/brukere/:userId',
    method: 'POST',
    variant: 'intent=grant',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    body: form({ intent: 'grant', role: 'decisionMaker', departmentId: '' }),
  },
  {
    path: '/admin/brukere/:userId',
    method: 'POST',
    variant: 'intent=revoke',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    body: (s) => ({ form: { intent: 'revoke', assignmentId: s.assignmentId } }),
  },
  { path: '/admin/avdelinger', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },
  {
    path: '/admin/avdelinger',
    method: 'POST',
    variant: 'intent=create',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({ intent: 'create', name: 'Matriseavdelingen' }),
  },
  {
    path: '/admin/avdelinger',
    method: 'POST',
    variant: 'intent=rename',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    body: (s) => ({
      form: { intent: 'rename', id: s.departmentId, name: 'Omdøpt avdeling', version: '1' },
    }),
  },
  {
    path: '/admin/avdelinger',
    method: 'POST',
    variant: 'intent=remove',
    subject: 'trust',
    allow: { own: ['trustAdmin'] },
    body: (s) => ({ form: { intent: 'remove', id: s.departmentId, version: '1' } }),
  },

  // Dialog and notifications.
  {
    path: '/saker/:caseId/meldinger',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    // The consulted trust opens the page but reads no message: case_messages has no consulted
    // policy (see app/db/rls.int.test.ts).
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/meldinger',
    method: 'POST',
    variant: 'visibility=case',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE },
    body: form({ body: 'Et spørsmål.', visibility: 'case' }),
  },
  {
    path: '/saker/:caseId/meldinger',
    method: 'POST',
    variant: 'visibility=internal',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['endorser', 'decisionMaker', 'assessor'] },
    body: form({ body: 'Internt notat.', visibility: 'internal' }),
  },
  { path: '/varsler', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  {
    path: '/varsler',
    method: 'POST',
    variant: 'intent=readAll',
    subject: 'none',
    allow: { own: SIGNED_IN },
    body: form({ intent: 'readAll' }),
  },
  {
    path: '/varsler',
    method: 'POST',
    variant: 'one',
    subject: 'none',
    allow: { own: SIGNED_IN },
    body: form({ id: '1' }),
  },
  // The development mailbox exists only without SMTP outside production; the matrix runs as
  // production does (no mailbox): nobody reaches it.
  { path: '/utvikling/epost', method: 'GET', subject: 'none', allow: { own: [] } },

  // Consultation of another trust.
  {
    path: '/saker/:caseId/konsultasjon',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['decisionMaker'] },
  },
  {
    path: '/saker/:caseId/konsultasjon',
    method: 'POST',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['decisionMaker'] },
    body: (s) => ({
      form: {
        version: String(s.version),
        consultedTrustId: s.consultedTrustId,
        question: 'Erfaringer?',
        deadline: '2099-01-01',
      },
    }),
  },
  {
    path: '/saker/:caseId/konsultasjon/:consultationId/trekk-tilbake',
    method: 'POST',
    subject: 'case',
    state: 'inConsultation',
    allow: { own: ['decisionMaker'] },
    body: (s) => ({ form: { version: String(s.version) } }),
    refused: /konsultasjon=refused/,
  },
  {
    path: '/saker/:caseId/konsultasjon/:consultationId/svar',
    method: 'GET',
    subject: 'case',
    state: 'inConsultation',
    allow: { own: [], consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/konsultasjon/:consultationId/svar',
    method: 'POST',
    subject: 'case',
    state: 'inConsultation',
    allow: { own: [], consulted: CONSULTANTS },
    body: (s) => ({ form: { version: String(s.version), answer: 'Vi har god erfaring.' } }),
  },

  // Urgency, outcome and re-application.
  {
    path: '/saker/:caseId/haster',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/haster',
    method: 'POST',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: ['endorser', 'decisionMaker'] },
    body: form({ urgent: 'yes', reason: 'Rask forverring.' }),
  },
  {
    path: '/saker/:caseId/utfall',
    method: 'GET',
    subject: 'case',
    state: 'followUp',
    allow: { own: CASE_PEOPLE, consulted: CONSULTANTS },
  },
  {
    path: '/saker/:caseId/utfall',
    method: 'POST',
    subject: 'case',
    state: 'followUp',
    allow: { own: ['applicant'] },
    body: (s) => ({
      form: {
        version: String(s.version),
        effect: 'good',
        sideEffects: '',
        continuation: 'continued',
        stopReason: '',
      },
    }),
  },
  {
    path: '/saker/:caseId/ny-soknad',
    method: 'POST',
    subject: 'case',
    state: 'decided',
    allow: { own: ['applicant'] },
    refused: /[?&]nysoknad=/,
  },

  // Look-ups while writing.
  { path: '/api/legemidler', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  { path: '/api/diagnoser', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },

  // Sign-in with HelseID. The matrix runs without HelseID configured (devLogin only): starting it
  // and its return answer 404, the GET sends everyone to /logg-inn, so nobody is let through.
  { path: '/logg-inn/helseid', method: 'GET', subject: 'none', allow: { own: [] } },
  { path: '/logg-inn/helseid', method: 'POST', subject: 'none', allow: { own: [] } },
  { path: '/logg-inn/helseid/retur', method: 'GET', subject: 'none', allow: { own: [] } },

  // The full patient id on demand (logged). The GET only says to ask (any signed-in user, any
  // case id: it reads nothing); the POST reveals it to whoever works the case in the treating
  // trust, never to a consulted trust (403 with the reason, nothing logged; BRIEF §7).
  {
    path: '/saker/:caseId/vis-fodselsnummer',
    method: 'GET',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: SIGNED_IN, other: SIGNED_IN, consulted: SIGNED_IN },
  },
  {
    path: '/saker/:caseId/vis-fodselsnummer',
    method: 'POST',
    subject: 'case',
    state: 'underAssessment',
    allow: { own: CASE_PEOPLE, consulted: [] },
  },

  // The trust's access log, for its log controller.
  { path: '/admin/tilgangslogg', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },

  // The national overview and exports (no personal data) and the local registers.
  { path: '/nasjonalt', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  { path: '/nasjonalt/eksport.csv', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  { path: '/nasjonalt/eksport.xlsx', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  { path: '/register', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  {
    path: '/register',
    method: 'GET',
    variant: 'fane=avdeling',
    query: 'fane=avdeling',
    subject: 'none',
    allow: { own: ['endorser'] },
  },
  {
    path: '/register',
    method: 'GET',
    variant: 'fane=foretak',
    query: 'fane=foretak',
    subject: 'none',
    allow: { own: CONSULTANTS },
  },

  // Precedents: national case summaries (every trust's, no personal data), variation, cohorts.
  {
    path: '/nasjonalt/saker/:caseNumber',
    method: 'GET',
    subject: 'case',
    state: 'submitted',
    allow: { own: SIGNED_IN, other: SIGNED_IN, consulted: SIGNED_IN },
  },
  // Inquiries about a case of the national overview (features/inquiries): someone of another
  // trust who asks (any trust but the case's, the consulted one too) asks its trust; the case's
  // director answers; the asker (OUS's national reader) reads the answer; no one else sees it.
  {
    path: '/nasjonalt/saker/:caseNumber',
    method: 'POST',
    subject: 'case',
    state: 'submitted',
    allow: { own: [], other: INQUIRY_ASKERS, consulted: INQUIRY_ASKERS },
    body: form({ question: 'Hvilken dose ble innvilget?' }),
  },
  { path: '/henvendelser', method: 'GET', subject: 'none', allow: { own: INQUIRY_ASKERS } },
  {
    path: '/henvendelser/:inquiryId',
    method: 'GET',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['decisionMaker'], other: ['nationalReader'] },
  },
  {
    path: '/henvendelser/:inquiryId',
    method: 'POST',
    subject: 'case',
    state: 'submitted',
    allow: { own: ['decisionMaker'] },
    body: form({ version: '1', answer: 'Standarddose etter preparatomtalen.' }),
  },
  {
    path: '/nasjonalt/variasjon',
    method: 'GET',
    query: 'atc=L01FA01&diagnose=ICD10:C83.3',
    subject: 'none',
    allow: { own: SIGNED_IN },
  },
  {
    path: '/api/presedenser',
    method: 'GET',
    query: 'atc=L01FA01&diagnose=ICD10:C83.3',
    subject: 'none',
    allow: { own: SIGNED_IN },
  },
  { path: '/admin/kohort', method: 'GET', subject: 'none', allow: { own: ['trustAdmin'] } },
  {
    path: '/admin/kohort',
    method: 'POST',
    subject: 'none',
    allow: { own: ['trustAdmin'] },
    body: form({ threshold: '3', windowDays: '90' }),
  },
  // Only a decision maker who also holds the applicant role may start a group application; no
  // demo person holds both, so every cell is refused (403) — the role check, not the cohort.
  {
    path: '/saker/:caseId/gruppesoknad',
    method: 'POST',
    subject: 'case',
    state: 'submitted',
    allow: { own: [] },
  },

  // Statistics (suppressed small counts, no personal data).
  { path: '/statistikk', method: 'GET', subject: 'none', allow: { own: SIGNED_IN } },
  {
    path: '/statistikk/eksport',
    method: 'GET',
    variant: 'format=csv',
    query: 'seksjon=time&format=csv',
    subject: 'none',
    allow: { own: SIGNED_IN },
  },
  {
    path: '/statistikk/eksport',
    method: 'GET',
    variant: 'format=xlsx',
    query: 'seksjon=decisions&format=xlsx',
    subject: 'none',
    allow: { own: SIGNED_IN },
  },

  // Retrospective registration of the trust's earlier decisions.
  { path: '/etterregistrering', method: 'GET', subject: 'none', allow: { own: REGISTRARS } },
  { path: '/etterregistrering/ny', method: 'GET', subject: 'none', allow: { own: REGISTRARS } },
  {
    path: '/etterregistrering/ny',
    method: 'POST',
    subject: 'none',
    allow: { own: REGISTRARS },
    body: () => {
      const { drugName, ...rest } = RETRO_CASE;
      return { form: { ...rest, drugIdLabel: drugName } };
    },
  },
  { path: '/etterregistrering/import', method: 'GET', subject: 'none', allow: { own: REGISTRARS } },
  {
    path: '/etterregistrering/import',
    method: 'POST',
    subject: 'none',
    allow: { own: REGISTRARS },
    body: () => ({ file: { name: 'etterregistrering.csv', csv: retroCsv() } }),
  },
  // No kept import: a registrar is sent on to upload again (`?utlopt`), anyone else refused (403)
  // before the import is looked up. The import is also looked up only among the actor's own.
  {
    path: '/etterregistrering/import/:importId',
    method: 'GET',
    subject: 'none',
    allow: { own: REGISTRARS },
  },
  {
    path: '/etterregistrering/import/:importId',
    method: 'POST',
    subject: 'none',
    allow: { own: REGISTRARS },
  },
  {
    path: '/etterregistrering/mal.xlsx',
    method: 'GET',
    subject: 'none',
    allow: { own: REGISTRARS },
  },
  {
    path: '/etterregistrering/mal.csv',
    method: 'GET',
    subject: 'none',
    allow: { own: REGISTRARS },
  },
];

/** The relations a row has cells for. */
export function relationsOf(row: MatrixRow): readonly Relation[] {
  if (row.subject === 'case') return RELATIONS;
  if (row.subject === 'trust') return ['own', 'other'];
  return ['own'];
}

/** The expected outcome of one cell. */
export function expected(row: MatrixRow, relation: Relation, who: Who): 'allow' | 'deny' {
  return (row.allow[relation] ?? []).includes(who) ? 'allow' : 'deny';
}

/** A row's name in reports: method, path and variant. */
export const rowName = (row: MatrixRow) =>
  `${row.method} ${row.path}${row.variant ? ` [${row.variant}]` : ''}`;
