import type { DecisionInput, DecisionOutcome } from '../../cases/domain/application';
import { norwegianDate } from '../../cases/domain/dates';
import { withCaseNumber } from './phrases';
import { treatmentLines, type Treatment } from './treatment';

/** The headings the composed text uses (from the message catalogue, so the domain stays pure). */
export interface DecisionTextLabels {
  outcomes: Record<DecisionOutcome, string>;
  decision: string;
  /** The line saying the interregional committee took the decision (Tilgangsordningen). */
  interregionalCommittee: string;
  /** The heading of the treatment: approved (an approval), or applied for (a rejection). */
  treatmentApproved: string;
  treatmentApplied: string;
  treatment: Record<keyof Treatment, string>;
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

/** What a decision is composed with besides the decision maker's input. */
export interface DecisionContext {
  caseNumber: string;
  /** The treatment applied for (`treatmentOf`). */
  treatment: Treatment;
  /** Tilgangsordningen: the interregional committee's decision, recorded by the trust. */
  interregionalCommittee: boolean;
}

/** The heading over the treatment: what an approval approves, or what a rejection refuses. */
export const treatmentHeading = (
  outcome: DecisionOutcome,
  labels: Pick<DecisionTextLabels, 'treatmentApproved' | 'treatmentApplied'>,
) => (outcome === 'rejected' ? labels.treatmentApplied : labels.treatmentApproved);

/**
 * Builds the decision text from a validated decision: the outcome, the treatment it approves (or
 * refuses: the drug, dose, route and duration applied for), the justification, the conditions as
 * a list, the evaluation date, and the reseptmerknad (with the løpenummer filled in) and invoicing
 * routine, each under its heading; parts not given are left out. A decision of the interregional
 * committee (Tilgangsordningen) says so right under the outcome.
 */
export function composeDecision(
  input: DecisionInput,
  labels: DecisionTextLabels,
  context: DecisionContext,
): ComposedDecision {
  const prescriptionNote = input.prescriptionNote
    ? withCaseNumber(input.prescriptionNote, context.caseNumber)
    : null;
  const conditions = conditionLines(input.conditions);
  const treatment = treatmentLines(context.treatment, labels.treatment);
  const parts = [
    `${labels.decision}: ${labels.outcomes[input.outcome]}`,
    context.interregionalCommittee ? labels.interregionalCommittee : null,
    treatment.length > 0
      ? `${treatmentHeading(input.outcome, labels)}:\n${treatment.map((t) => `${t.label}: ${t.value}`).join('\n')}`
      : null,
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
    interregionalCommittee: context.interregionalCommittee,
    text: parts.filter((p): p is string => p !== null).join('\n\n'),
  };
}
