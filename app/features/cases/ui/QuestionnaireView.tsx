import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { msg } from '../../../i18n';
import type { FieldErrors, ValidationError } from '../domain/application';
import { parseAmount } from '../domain/cost';
import { optionLabel } from '../domain/option-labels';
import {
  applicableSections,
  maxLength,
  MAX_DIAGNOSES,
  type Answers,
  type AnswerValue,
  type Question,
  type QuestionId,
  type SectionId,
} from '../domain/questionnaire';
import type { Diagnosis } from '../../diagnoses/domain/diagnosis';
import { fieldAnchor } from './questionnaire-form';
import { RouteLink } from '../../../ui/RouteLink';

/**
 * A question's error as text: a text too long says how long it may be, a list of diagnoses with
 * codes not found names them (`unknownDiagnoses`, as typed).
 */
export function questionErrorText(
  question: Question,
  error: ValidationError,
  unknownDiagnoses: readonly string[] = [],
): string {
  if (question.type === 'diagnoses') {
    if (error === 'tooLong') return msg.diagnoses.tooMany(MAX_DIAGNOSES);
    if (error === 'diagnosisFormat' && unknownDiagnoses.length > 0) {
      return msg.diagnoses.unknownCodes(unknownDiagnoses);
    }
  }
  return error === 'tooLong' ? msg.questionnaire.tooLong(maxLength(question)) : msg.errors[error];
}

/** An answer as text for reading (choices by their label, numbers and amounts formatted). */
export function answerDisplay(
  question: Question,
  value: AnswerValue | undefined,
  diagnoses: Partial<Record<string, Diagnosis>> = {},
): string {
  if (value === undefined) return msg.questionnaire.notAnswered;
  if (typeof value === 'string') {
    if (question.type === 'choice') return optionLabel(question, value);
    if (question.type === 'confirm') return msg.questionnaire.yes;
    const amount = question.type === 'number' ? parseAmount(value) : null;
    if (amount !== null) {
      return question.id === 'costEstimate'
        ? msg.questionnaire.amount(amount)
        : msg.questionnaire.number(amount);
    }
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((code) => {
        const d = diagnoses[code];
        return d ? `${d.code} ${d.text} (${msg.diagnoses.systems[d.system]})` : code;
      })
      .join('; ');
  }
  return value.label;
}

/**
 * The application read section by section through the questionnaire definition: the summary
 * before submission (with links to edit each section) and the read view for everyone working
 * the case.
 */
export function QuestionnaireView({
  answers,
  missing = {},
  editUrl,
  headingLevel = 2,
  diagnoses = {},
  help,
  afterSection,
  answeredOnly = false,
}: {
  /**
   * Only the questions answered, and only sections with one: for a case registered after the fact
   * (etterregistrering), whose application was never written here.
   */
  answeredOnly?: boolean;
  /**
   * Each question's help text, shown under it (for assessors reading section by section: pass
   * `msg.questionHelp.questions`; a page that does not show it does not load it).
   */
  help?: Record<QuestionId, string>;
  /** Extra content at the end of each section (the assessment's internal comments). */
  afterSection?: (sectionId: SectionId) => ReactNode;
  answers: Answers;
  diagnoses?: Partial<Record<string, Diagnosis>>;
  missing?: FieldErrors;
  editUrl?: string;
  headingLevel?: 2 | 3;
}) {
  return (
    <div className="sp-stack">
      {applicableSections(answers).map((section) => {
        const questions = answeredOnly
          ? section.questions.filter((q) => answers[q.id] !== undefined)
          : section.questions;
        if (questions.length === 0) return null;
        const title = msg.questionnaire.sections[section.id].title;
        const headingId = `view-${section.id}`;
        return (
          <section key={section.id} aria-labelledby={headingId} className="sp-stack sp-section">
            <div className="sp-row">
              <Heading level={headingLevel} data-size="sm" id={headingId}>
                {title}
              </Heading>
              {editUrl && (
                <RouteLink to={`${editUrl}#section-${section.id}`}>
                  {msg.summary.editSection(title)}
                </RouteLink>
              )}
            </div>
            <dl className="sp-dl sp-dl--aligned">
              {questions.map((question) => {
                const error = missing[question.id];
                return (
                  <div key={question.id} className="sp-dl__row">
                    <dt>
                      {msg.questionnaire.questions[question.id].label}
                      {help && (
                        <Paragraph data-size="xs" className="sp-help">
                          {help[question.id]}
                        </Paragraph>
                      )}
                    </dt>
                    <dd>
                      {answerDisplay(question, answers[question.id], diagnoses)}{' '}
                      {error && editUrl && (
                        <RouteLink to={`${editUrl}#${fieldAnchor(question.id)}`}>
                          <Tag data-color="danger">{questionErrorText(question, error)}</Tag>
                        </RouteLink>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
            {afterSection?.(section.id)}
          </section>
        );
      })}
    </div>
  );
}
