import { msg } from '../../../i18n';
import {
  takeSnapshot,
  type FestChange,
  type FestImportRef,
  type FestSnapshot,
  type ShownDrugFacts,
} from '../../fest/domain/snapshot';
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

/** The chosen FEST drug in the export: as sent when the case has a snapshot (ADR 0027). */
export interface ExportedDrug {
  /** True: the facts are the snapshot taken when the application was sent; false: today's FEST. */
  asSent: boolean;
  /** When the snapshot was taken (the last submission), ISO; null for today's facts. */
  takenAt: string | null;
  /** The FEST import the facts come from (for today's facts: not recorded, null). */
  festImport: FestImportRef | null;
  facts: ShownDrugFacts;
  /** What FEST has changed since the snapshot (`festChanges`), empty for today's facts. */
  changes: FestChange[];
}

/**
 * The drug's FEST facts for the export: the snapshot when there is one, else today's facts (a
 * case sent before snapshots were kept, or a draft), else null (no FEST product chosen).
 */
export function exportDrug(view: {
  festSnapshot: FestSnapshot | null;
  festChanges: FestChange[];
  drugFacts: ShownDrugFacts | null;
}): ExportedDrug | null {
  const sent = view.festSnapshot;
  if (sent) {
    return {
      asSent: true,
      takenAt: sent.takenAt,
      festImport: sent.festImport,
      facts: sent.facts,
      changes: view.festChanges,
    };
  }
  if (!view.drugFacts) return null;
  const today = takeSnapshot(view.drugFacts, null, new Date());
  return { asSent: false, takenAt: null, festImport: null, facts: today.facts, changes: [] };
}
