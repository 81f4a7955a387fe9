import type { FieldChanges } from '../domain/merge';
import { sameAnswer } from '../domain/merge';
import {
  normaliseAnswer,
  QUESTION_IDS,
  QUESTIONS,
  setAnswer,
  type Answers,
  type AnswerValue,
  type Question,
  type QuestionId,
} from '../domain/questionnaire';

/** The form field name of a question; a drug posts its FEST id here and its text in `…Label`. */
export const fieldName = (id: QuestionId) => `q.${id}`;
export const drugLabelField = (id: QuestionId) => `q.${id}Label`;
export const fieldAnchor = (id: QuestionId) => `q-${id}`;
export const BASE_FIELD = '__base';

/** The answer a form holds for one question, normalised as it would be stored. */
export function answerFromForm(form: FormData, question: Question): AnswerValue | null {
  const name = fieldName(question.id);
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === 'string' ? v : '';
  };
  switch (question.type) {
    case 'diagnoses':
      return normaliseAnswer(
        question,
        form.getAll(name).flatMap((v) => (typeof v === 'string' ? v.split(/[\s,;]+/) : [])),
      );
    case 'drug':
      return normaliseAnswer(question, {
        id: text(name),
        label: text(drugLabelField(question.id)),
      });
    default:
      return normaliseAnswer(question, text(name));
  }
}

/** Marks that a question's field was rendered (an unticked checkbox or empty list posts nothing). */
export const presentField = (id: QuestionId) => `${fieldName(id)}.present`;

/** Which questions a form carries. */
export function questionsInForm(form: FormData): Question[] {
  return QUESTION_IDS.filter((id) => form.has(presentField(id)))
    .map((id) => QUESTIONS.get(id))
    .filter((q): q is Question => q !== undefined);
}

/** The fields this editor changed compared with what they loaded (`base`). */
export function changesFromForm(form: FormData, base: Answers): FieldChanges {
  const changes: FieldChanges = {};
  for (const question of questionsInForm(form)) {
    const value = answerFromForm(form, question);
    const was = base[question.id] ?? null;
    if (!sameAnswer(value, was)) changes[question.id] = { base: was, value };
  }
  return changes;
}

/** The answers as the form shows them (stored answers overlaid with what is in the form). */
export function answersFromForm(form: FormData, stored: Answers): Answers {
  let out: Answers = { ...stored };
  for (const question of questionsInForm(form)) {
    out = setAnswer(out, question.id, answerFromForm(form, question));
  }
  return out;
}
