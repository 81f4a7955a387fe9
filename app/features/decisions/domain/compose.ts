import type { DecisionInput, DecisionOutcome } from '../../cases/domain/application';
import { norwegianDate } from '../../cases/domain/dates';
import { withCaseNumber } from './phrases';

/** The headings the composed text uses (from the message catalogue, so the domain stays pure). */
export interface DecisionTextLabels {
  outcomes: Record<DecisionOutcome, string>;
  decision: string;
  /** The line saying the interregional committee took the decision (Tilgangsordningen). */
  interregionalCommittee: string;
  reason: string;
  conditions: string;
  evaluationDate: string;
  prescriptionNote: string;
  invoicing: string;
}

/** What is stored for a decision: the parts, and the whole text composed from them. */
export interface ComposedDecision {
  outcome: DecisionOutcome;
  reason: string;
  conditions: string | null;
  evaluationDate: string | null;
  prescriptionNote: string | null;
  invoicing: string | null;
  /** Tilgangsordningen: the interregional committee's decision, recorded by the trust. */
  interregionalCommittee: boolean;
  text: string;
}

/** The conditions as separate lines (the stored form: one condition per line). */
export function conditionLines(conditions: string | null): string[] {
  return (conditions ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Builds the decision text from a validated decision: the outcome, the justification, the
 * conditions as a list, the evaluation date, and the reseptmerknad (with the løpenummer filled in)
 * and invoicing routine, each under its heading; parts not given are left out. A decision of the
 * interregional committee (Tilgangsordningen) says so right under the outcome.
 */
export function composeDecision(
  input: DecisionInput,
  caseNumber: string,
  labels: DecisionTextLabels,
  interregionalCommittee = false,
): ComposedDecision {
  const prescriptionNote = input.prescriptionNote
    ? withCaseNumber(input.prescriptionNote, caseNumber)
    : null;
  const conditions = conditionLines(input.conditions);
  const parts = [
    `${labels.decision}: ${labels.outcomes[input.outcome]}`,
    interregionalCommittee ? labels.interregionalCommittee : null,
    `${labels.reason}:\n${input.reason}`,
    conditions.length > 0
      ? `${labels.conditions}:\n${conditions.map((c) => `– ${c}`).join('\n')}`
      : null,
    input.evaluationDate
      ? `${labels.evaluationDate}: ${norwegianDate(input.evaluationDate)}`
      : null,
    prescriptionNote ? `${labels.prescriptionNote}:\n${prescriptionNote}` : null,
    input.invoicing ? `${labels.invoicing}:\n${input.invoicing}` : null,
  ];
  return {
    outcome: input.outcome,
    reason: input.reason,
    conditions: conditions.length > 0 ? conditions.join('\n') : null,
    evaluationDate: input.evaluationDate || null,
    prescriptionNote,
    invoicing: input.invoicing || null,
    interregionalCommittee,
    text: parts.filter((p): p is string => p !== null).join('\n\n'),
  };
}
