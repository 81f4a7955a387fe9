import { msg } from '../../../i18n';
import { applicableSections, type Answers } from '../domain/questionnaire';
import { answerDisplay } from './QuestionnaireView';

export interface ExportedAnswer {
  questionId: string;
  question: string;
  value: string | null;
  /** The stored value itself (codes, FEST ids), for machines. */
  raw: unknown;
}

export interface ExportedSection {
  sectionId: string;
  title: string;
  answers: ExportedAnswer[];
}

/** The application as structured data, section by section, from the questionnaire definition. */
export function exportApplication(answers: Answers): ExportedSection[] {
  return applicableSections(answers).map((section) => ({
    sectionId: section.id,
    title: msg.questionnaire.sections[section.id].title,
    answers: section.questions.map((question) => ({
      questionId: question.id,
      question: msg.questionnaire.questions[question.id].label,
      value: question.id in answers ? answerDisplay(question, answers[question.id]) : null,
      raw: answers[question.id] ?? null,
    })),
  }));
}
