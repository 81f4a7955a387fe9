import type { FieldErrors } from '../../cases/domain/application';
import type { Phrase, PhraseKind } from './phrases';

/** The workflow events the decision module handles (the case page leaves them to it). */
export const DECISION_EVENTS = ['decide', 'reviseDecision'] as const;
export type DecisionEvent = (typeof DECISION_EVENTS)[number];
export const isDecisionEvent = (value: string): value is DecisionEvent =>
  (DECISION_EVENTS as readonly string[]).includes(value);

/** The decision form as posted: phrase choices by id beside the free text. */
export interface DecisionForm {
  outcome: string;
  reasonPhrase: string;
  reason: string;
  conditionPhrases: string[];
  conditions: string;
  evaluationDate: string;
  prescriptionNotePhrase: string;
  invoicingPhrase: string;
}

/** The decision in the words the case workflow takes (see TransitionInput). */
export interface DecisionFields {
  outcome: string;
  reason: string;
  conditions: string;
  evaluationDate: string;
  prescriptionNote: string;
  invoicing: string;
}

const joinTexts = (texts: string[], separator: string) =>
  texts
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .join(separator);

/**
 * Replaces the chosen phrases by their texts: the justification phrase comes before what was
 * typed, the chosen conditions before the free-text ones (one per line). A phrase id that is not
 * an active phrase of the right kind of the trust is refused.
 */
export function resolveDecisionForm(
  form: DecisionForm,
  phrases: readonly Phrase[],
): { ok: true; fields: DecisionFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const pick = (id: string, kind: PhraseKind, field: string): string => {
    if (id === '') return '';
    const phrase = phrases.find((p) => p.id === id && p.kind === kind && p.active);
    if (!phrase) errors[field] = 'phraseUnknown';
    return phrase?.text ?? '';
  };
  const reason = joinTexts([pick(form.reasonPhrase, 'reason', 'reason'), form.reason], '\n\n');
  const conditions = joinTexts(
    [...form.conditionPhrases.map((id) => pick(id, 'condition', 'conditions')), form.conditions],
    '\n',
  );
  const prescriptionNote = pick(
    form.prescriptionNotePhrase,
    'prescriptionNote',
    'prescriptionNote',
  );
  const invoicing = pick(form.invoicingPhrase, 'invoicing', 'invoicing');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      outcome: form.outcome,
      reason,
      conditions,
      evaluationDate: form.evaluationDate.trim(),
      prescriptionNote,
      invoicing,
    },
  };
}
