import {
  checkPatientId,
  isSinglePatientScheme,
  LIMITS,
  normalisePatientId,
  PATIENT_SCOPES,
  SCHEMES,
  type PatientScope,
  type Scheme,
  type SinglePatientScheme,
  type ValidationError,
} from './application';
import { parseAmount } from './cost';

/**
 * The application questionnaire as data: one definition drives the form, validation, the summary,
 * the read view used by assessors, and exports. Texts (label, help) live in the message catalogue
 * under the same ids, so every question must have a help text.
 */

/** A chosen drug: the FEST product id when picked from FEST, and the text shown. */
export interface DrugAnswer {
  id: string | null;
  label: string;
  /**
   * ATC code and active substance when the drug is not a FEST product (etterregistrering by ATC
   * code). Never taken from the form: the answer normaliser keeps only `id` and `label`.
   */
  atc?: string;
  substance?: string;
}

/** What an answer can hold: text, a list (diagnosis codes, references), or a drug. */
export type AnswerValue = string | string[] | DrugAnswer;
export type Answers = Partial<Record<QuestionId, AnswerValue>>;

/** The drug answer, or null when there is none (an answer of another shape is none). */
export function drugAnswer(answers: Answers): DrugAnswer | null {
  const drug = answers.drug;
  return drug && typeof drug === 'object' && !Array.isArray(drug) ? drug : null;
}

export type QuestionType =
  | 'choice' // one of `options`
  | 'text'
  | 'longText'
  | 'number' // a non-negative number, stored as the typed text
  | 'patientId'
  | 'confirm' // a checkbox that must be ticked
  | 'drug'
  | 'diagnoses'; // list of compact codes, e.g. ICD10:C50.9

/** When a question or section applies. Omitted means always. */
export interface Condition {
  schemes?: readonly Scheme[];
  scopes?: readonly PatientScope[];
  /** Another question's answer is one of `is` (a follow-up question, e.g. «why not needed»). */
  answer?: { question: QuestionId; is: readonly string[] };
}

/**
 * A checked format for a text answer: stored in capitals when `capitals` says so, it must match
 * `pattern` before submission, else the question gets `error`. A draft keeps what was typed, so
 * the error shows at the field once saved (`valueError`).
 */
export const ANSWER_FORMATS = {
  /** A method's id in Nye Metoder (nyemetoder.no), e.g. ID2023_045: «ID», the year, _, 3 digits. */
  nyeMetoderId: { pattern: /^ID20\d{2}_\d{3}$/, error: 'nyeMetoderIdFormat', capitals: true },
} as const satisfies Record<string, { pattern: RegExp; error: ValidationError; capitals: boolean }>;
export type AnswerFormat = keyof typeof ANSWER_FORMATS;

export interface Question {
  id: QuestionId;
  type: QuestionType;
  /** Needed before submission; with `requiredWhen`, only where that condition holds too. */
  required: boolean;
  /** Where a required question is needed; elsewhere it is optional (resolved by applicableSections). */
  requiredWhen?: Condition;
  options?: readonly string[];
  when?: Condition;
  max?: number;
  format?: AnswerFormat;
}

export interface Section {
  id: SectionId;
  when?: Condition;
  questions: readonly Question[];
}

export const SECTION_IDS = [
  'basis',
  'indication',
  'drug',
  'offLabel',
  'noMarketingAuthorisation',
  'alternatives',
  'benefit',
  'group',
  'nyeMetoder',
  'unntaksordningen',
  'tilgangsordningen',
  'cost',
  'evidence',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const QUESTION_IDS = [
  'scheme',
  'patientScope',
  'patientId',
  'consent',
  'diagnoses',
  'indication',
  'severity',
  'drug',
  'dose',
  'route',
  'duration',
  'approvedIndication',
  'deviationFromApproval',
  'exemptionApplication',
  'exemptionNotNeededReason',
  'approvedAbroad',
  'norwegianAlternativesUnsuitable',
  'alternativesTried',
  'alternativesInsufficient',
  'expectedBenefit',
  'evaluationPlan',
  'population',
  'expectedPatients',
  'inclusionCriteria',
  'exclusionCriteria',
  'nyeMetoderId',
  'beslutningsforumDecision',
  'differenceFromAssessedGroup',
  'clinicalExceptionality',
  'packagesPerMonth',
  'treatmentMonths',
  'costEstimate',
  'evidence',
  'references',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

const q = (
  id: QuestionId,
  type: QuestionType,
  required: boolean,
  extra: Partial<Pick<Question, 'options' | 'when' | 'max' | 'format' | 'requiredWhen'>> = {},
): Question => ({ id, type, required, ...extra });

const single = { scopes: ['single'] } as const;
const group = { scopes: ['group'] } as const;

/** Whether a godkjenningsfritak from DMP has been applied for (drug without Norwegian MT). */
export const EXEMPTION_APPLICATIONS = ['sent', 'willBeSent', 'notNeeded'] as const;
export type ExemptionApplication = (typeof EXEMPTION_APPLICATIONS)[number];

export const QUESTIONNAIRE: readonly Section[] = [
  {
    id: 'basis',
    questions: [
      q('scheme', 'choice', true, { options: SCHEMES }),
      q('patientScope', 'choice', true, { options: PATIENT_SCOPES }),
      q('patientId', 'patientId', true, { when: single }),
      q('consent', 'confirm', true, { when: single }),
    ],
  },
  {
    id: 'indication',
    questions: [
      q('diagnoses', 'diagnoses', true),
      q('indication', 'longText', true),
      q('severity', 'longText', true),
    ],
  },
  {
    id: 'drug',
    questions: [
      q('drug', 'drug', true),
      q('dose', 'text', true),
      q('route', 'text', true),
      q('duration', 'text', true),
    ],
  },
  {
    // Nye Metoder's «Rammeverk for legemiddelbehandling utenfor godkjent indikasjon»: what the
    // drug is approved for, and how this use departs from it.
    id: 'offLabel',
    when: { schemes: ['offLabel'] },
    questions: [
      q('approvedIndication', 'longText', true, { max: LIMITS.medium }),
      q('deviationFromApproval', 'longText', true),
    ],
  },
  {
    // Without Norwegian MT the pharmacy needs a godkjenningsfritak from DMP (legemiddelforskriften
    // § 2-5), unless a Norwegian pharmacy makes the preparation.
    id: 'noMarketingAuthorisation',
    when: { schemes: ['noMarketingAuthorisation'] },
    questions: [
      q('exemptionApplication', 'choice', true, { options: EXEMPTION_APPLICATIONS }),
      q('exemptionNotNeededReason', 'text', true, {
        max: LIMITS.medium,
        when: { answer: { question: 'exemptionApplication', is: ['notNeeded'] } },
      }),
      q('approvedAbroad', 'text', true, { max: LIMITS.medium }),
      q('norwegianAlternativesUnsuitable', 'longText', true),
    ],
  },
  {
    id: 'alternatives',
    questions: [
      q('alternativesTried', 'longText', true),
      q('alternativesInsufficient', 'longText', true),
    ],
  },
  {
    id: 'benefit',
    questions: [q('expectedBenefit', 'longText', true), q('evaluationPlan', 'longText', true)],
  },
  {
    id: 'group',
    when: group,
    questions: [
      q('population', 'longText', true),
      q('expectedPatients', 'number', true),
      q('inclusionCriteria', 'longText', true),
      q('exclusionCriteria', 'longText', true),
    ],
  },
  {
    // The method in Nye Metoder the exception is from: under assessment (Unntaksordningen, maybe
    // without a decision yet) or rejected by Beslutningsforum (Tilgangsordningen).
    id: 'nyeMetoder',
    when: { schemes: ['unntaksordningen', 'tilgangsordningen'] },
    questions: [
      q('nyeMetoderId', 'text', false, { format: 'nyeMetoderId' }),
      q('beslutningsforumDecision', 'longText', true, {
        max: LIMITS.medium,
        requiredWhen: { schemes: ['tilgangsordningen'] },
      }),
    ],
  },
  {
    id: 'unntaksordningen',
    when: { schemes: ['unntaksordningen'] },
    questions: [q('differenceFromAssessedGroup', 'longText', true)],
  },
  {
    id: 'tilgangsordningen',
    when: { schemes: ['tilgangsordningen'] },
    questions: [q('clinicalExceptionality', 'longText', true)],
  },
  {
    id: 'cost',
    questions: [
      q('packagesPerMonth', 'number', false),
      q('treatmentMonths', 'number', false),
      q('costEstimate', 'number', true),
    ],
  },
  {
    id: 'evidence',
    questions: [q('evidence', 'longText', true), q('references', 'longText', false)],
  },
];

/** The answers with one answer set, or removed when `value` is null. */
export function setAnswer(answers: Answers, id: QuestionId, value: AnswerValue | null): Answers {
  const { [id]: _previous, ...rest } = answers;
  return value === null ? rest : { ...rest, [id]: value };
}

/** The situation that decides which sections and questions apply. */
export interface QuestionnaireContext {
  scheme: Scheme | null;
  patientScope: PatientScope | null;
}

const isScheme = (v: unknown): v is Scheme => (SCHEMES as readonly unknown[]).includes(v);
const isScope = (v: unknown): v is PatientScope =>
  (PATIENT_SCOPES as readonly unknown[]).includes(v);

export function contextOf(answers: Answers): QuestionnaireContext {
  return {
    scheme: isScheme(answers.scheme) ? answers.scheme : null,
    patientScope: isScope(answers.patientScope) ? answers.patientScope : null,
  };
}

/** A condition holds when every part of it matches; an unknown situation shows nothing extra. */
export function applies(when: Condition | undefined, answers: Answers): boolean {
  if (!when) return true;
  const ctx = contextOf(answers);
  if (when.schemes && !(ctx.scheme && when.schemes.includes(ctx.scheme))) return false;
  if (when.scopes && !(ctx.patientScope && when.scopes.includes(ctx.patientScope))) return false;
  if (when.answer) {
    const value = answers[when.answer.question];
    if (typeof value !== 'string' || !when.answer.is.includes(value)) return false;
  }
  return true;
}

/**
 * The sections, each with only its applicable questions, for the given answers; a question
 * required only somewhere (`requiredWhen`) is required here or not.
 */
export function applicableSections(answers: Answers): Section[] {
  return QUESTIONNAIRE.filter((s) => applies(s.when, answers)).map((s) => ({
    ...s,
    questions: s.questions
      .filter((question) => applies(question.when, answers))
      .map(({ requiredWhen, ...question }) =>
        requiredWhen
          ? { ...question, required: question.required && applies(requiredWhen, answers) }
          : question,
      ),
  }));
}

export const QUESTIONS: ReadonlyMap<QuestionId, Question> = new Map(
  QUESTIONNAIRE.flatMap((s) => s.questions.map((question) => [question.id, question] as const)),
);

export function sectionOf(id: QuestionId): SectionId {
  const section = QUESTIONNAIRE.find((s) => s.questions.some((question) => question.id === id));
  if (!section) throw new Error(`Question without section: ${id}`);
  return section.id;
}

const DIAGNOSIS_CODE = /^(ICD10|ICPC2):[A-Z0-9.+-]{1,10}$/;

/** Turns posted or stored raw input into the answer stored for a question; null clears it. */
export function normaliseAnswer(question: Question, raw: unknown): AnswerValue | null {
  switch (question.type) {
    case 'diagnoses': {
      const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,;]+/) : [];
      const codes = list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      const unique = [...new Set(codes.map((c) => c.trim()))];
      return unique.length > 0 ? unique : null;
    }
    case 'drug': {
      if (raw && typeof raw === 'object' && 'label' in raw) {
        const { id, label } = raw as { id?: unknown; label?: unknown };
        const text = typeof label === 'string' ? label.trim() : '';
        if (text === '') return null;
        return { id: typeof id === 'string' && id !== '' ? id : null, label: text };
      }
      return typeof raw === 'string' && raw.trim() !== '' ? { id: null, label: raw.trim() } : null;
    }
    case 'patientId':
      return typeof raw === 'string' && raw.trim() !== '' ? normalisePatientId(raw) : null;
    case 'confirm':
      return raw === 'yes' || raw === true || raw === 'on' ? 'yes' : null;
    default: {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (text === '') return null;
      // An id written in small letters is the same id (id2023_045 is ID2023_045).
      return question.format ? text.toUpperCase() : text;
    }
  }
}

/** The most diagnoses one answer may list. */
export const MAX_DIAGNOSES = 20;

/** The most characters a text answer to this question may have. */
export const maxLength = (question: Question) =>
  question.max ?? (question.type === 'longText' ? LIMITS.long : LIMITS.short);

/**
 * Errors that make an answer unstorable even in a draft (too long, not an option). A draft keeps
 * everything else as typed, so nothing is ever lost.
 */
export function draftError(question: Question, value: AnswerValue | null): ValidationError | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    if (value.length > maxLength(question)) return 'tooLong';
    if (question.type === 'choice' && !question.options?.includes(value)) return 'invalidValue';
    return null;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_DIAGNOSES) return 'tooLong';
    return value.every((code) => DIAGNOSIS_CODE.test(code)) ? null : 'diagnosisFormat';
  }
  return value.label.length > LIMITS.short ? 'tooLong' : null;
}

/** What must hold for one applicable question before submission. */
export function submitError(question: Question, value: AnswerValue | null): ValidationError | null {
  const early = draftError(question, value);
  if (early) return early;
  if (value === null) return question.required ? 'answerRequired' : null;
  if (question.type === 'patientId' && typeof value === 'string') return checkPatientId(value);
  if (question.type === 'number') return parseAmount(value) === null ? 'numberInvalid' : null;
  if (question.format && typeof value === 'string') {
    const format = ANSWER_FORMATS[question.format];
    return format.pattern.test(value) ? null : format.error;
  }
  return null;
}

/**
 * What is wrong with an answer that is there (a malformed fødselsnummer, a number that is not
 * one, a text too long): shown at the field as soon as it is saved. A missing answer is not an
 * error until submission.
 */
export function valueError(question: Question, value: AnswerValue | null): ValidationError | null {
  const error = submitError(question, value);
  return error === 'answerRequired' ? null : error;
}

const GROUP_ERRORS = {
  unntaksordningen: 'groupNotUnntaksordningen',
  tilgangsordningen: 'groupNotTilgangsordningen',
} as const satisfies Record<SinglePatientScheme, ValidationError>;

/**
 * What is wrong with the scheme and the patient scope together: a patient group under a scheme for
 * one patient (see SINGLE_PATIENT_SCHEMES). Null when they fit or either is not chosen yet.
 */
export function scopeError(answers: Answers): ValidationError | null {
  const { scheme, patientScope } = contextOf(answers);
  if (patientScope !== 'group' || !scheme || !isSinglePatientScheme(scheme)) return null;
  return GROUP_ERRORS[scheme];
}

/** What must hold for one applicable question, given all the answers, before submission. */
function answerError(question: Question, answers: Answers): ValidationError | null {
  const error = submitError(question, answers[question.id] ?? null);
  if (error || question.id !== 'patientScope') return error;
  return scopeError(answers);
}

/**
 * A draft save that changes the scheme or the scope (`changed`) and leaves them at odds in
 * `merged` (the answers it would store) is refused for those two: each gets the error. Answers
 * stored at odds before the rule existed are left as they are until one of the two changes.
 */
export function scopeChangeErrors(
  merged: Answers,
  changed: readonly QuestionId[],
): Partial<Record<QuestionId, ValidationError>> {
  const error = scopeError(merged);
  if (!error) return {};
  const ids = (['scheme', 'patientScope'] as const).filter((id) => changed.includes(id));
  return Object.fromEntries(ids.map((id) => [id, error]));
}

export interface MissingAnswer {
  section: SectionId;
  question: QuestionId;
  error: ValidationError;
}

/** Everything that stops submission, in questionnaire order (for the summary and the form). */
export function validateForSubmission(answers: Answers): MissingAnswer[] {
  const out: MissingAnswer[] = [];
  for (const section of applicableSections(answers)) {
    for (const question of section.questions) {
      const error = answerError(question, answers);
      if (error) out.push({ section: section.id, question: question.id, error });
    }
  }
  return out;
}

/** Answers to questions that no longer apply (e.g. a patient id after switching to a group). */
export function inapplicableAnswers(answers: Answers): QuestionId[] {
  const applicable = new Set(
    applicableSections(answers).flatMap((s) => s.questions.map((x) => x.id)),
  );
  return QUESTION_IDS.filter((id) => answers[id] !== undefined && !applicable.has(id));
}

/** Missing or invalid answers as field errors keyed by question id. */
export function submissionErrors(answers: Answers): Partial<Record<QuestionId, ValidationError>> {
  return Object.fromEntries(validateForSubmission(answers).map((m) => [m.question, m.error]));
}

/** What a new application must state before it is created: it decides the rest of the form. */
export const START_QUESTIONS: readonly QuestionId[] = ['scheme', 'patientScope'];

/** Errors in the answers a new application starts with (start questions required). */
export function startErrors(answers: Answers): Partial<Record<QuestionId, ValidationError>> {
  const errors: Partial<Record<QuestionId, ValidationError>> = {};
  for (const [id, question] of QUESTIONS) {
    const error = START_QUESTIONS.includes(id)
      ? answerError(question, answers)
      : draftError(question, answers[id] ?? null);
    if (error) errors[id] = error;
  }
  return errors;
}
