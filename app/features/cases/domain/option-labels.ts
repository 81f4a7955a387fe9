import { msg } from '../../../i18n';
import type { Question, QuestionId } from './questionnaire';

/** The catalogue's labels of each choice question's options. */
const OPTION_LABELS: Partial<Record<QuestionId, Readonly<Record<string, string>>>> = {
  scheme: msg.schemes,
  patientScope: msg.patientScopes,
  exemptionApplication: msg.questionnaire.exemptionApplications,
};

/**
 * A choice's option as its label (the form's radio, the read view, the FHIR answer's `display`);
 * one without a label as stored.
 */
export function optionLabel(question: Question, option: string): string {
  const labels = OPTION_LABELS[question.id];
  return labels && Object.hasOwn(labels, option) ? (labels[option] ?? option) : option;
}
