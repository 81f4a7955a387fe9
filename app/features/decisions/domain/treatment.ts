import { drugAnswer, type Answers, type AnswerValue } from '../../cases/domain/questionnaire';
import { sentDrug, type FestSnapshot } from '../../fest/domain/snapshot';

/**
 * The treatment a decision is about, as the application asked for it: the drug, its dose, route
 * and duration. An approval approves exactly this; a rejection refuses it.
 */
export interface Treatment {
  drug: string | null;
  dose: string | null;
  route: string | null;
  duration: string | null;
}

const textOf = (value: AnswerValue | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * The treatment applied for. The drug is named as FEST named it when the application was sent
 * (its snapshot, ADR 0027) while the answer is still that product, else as the answer says it (a
 * drug typed by name, or a case sent before snapshots).
 */
export function treatmentOf(answers: Answers, sent: FestSnapshot | null): Treatment {
  const drug = drugAnswer(answers);
  return {
    drug: sentDrug(sent, drug?.id)?.name ?? textOf(drug?.label),
    dose: textOf(answers.dose),
    route: textOf(answers.route),
    duration: textOf(answers.duration),
  };
}

/** The treatment's parts that are known, in the order a decision states them. */
export function treatmentLines(
  treatment: Treatment,
  labels: Record<keyof Treatment, string>,
): { label: string; value: string }[] {
  return (['drug', 'dose', 'route', 'duration'] as const).flatMap((part) => {
    const value = treatment[part];
    return value === null ? [] : [{ label: labels[part], value }];
  });
}
