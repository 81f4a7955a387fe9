import type { FieldErrors } from '../../cases/domain/application';
import { withCaseNumber, type Phrase, type PhraseKind } from './phrases';

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
  prescriptionNote: string;
  invoicingPhrase: string;
  invoicing: string;
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
 * typed, the chosen conditions before the free-text ones (one per line), and so the reseptmerknad
 * and the invoicing routine (a line each). A phrase id that is not an active phrase of the right
 * kind of the trust is refused. A rejection has no reseptmerknad or invoicing routine: what the
 * form held for them is not asked, so neither read nor checked.
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
  const approval = form.outcome !== 'rejected';
  const prescriptionNote = approval
    ? joinTexts(
        [
          pick(form.prescriptionNotePhrase, 'prescriptionNote', 'prescriptionNote'),
          form.prescriptionNote,
        ],
        '\n',
      )
    : '';
  const invoicing = approval
    ? joinTexts([pick(form.invoicingPhrase, 'invoicing', 'invoicing'), form.invoicing], '\n')
    : '';
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

/** The two terms of an approval, each a phrase pick beside free text. */
export type ApprovalTerm = Extract<PhraseKind, 'prescriptionNote' | 'invoicing'>;

/**
 * What the decision form starts with for an approval's reseptmerknad or invoicing routine, so an
 * approval never starts without one: the current decision's text (a revision), as the trust's
 * phrase when one gives exactly that text; else the trust's first phrase of the kind (its own
 * order), or, when it has none, `offered` written in. A stored reseptmerknad has its løpenummer
 * filled in. `phrases` are the trust's active phrases in their order.
 */
export function initialTerm(
  kind: ApprovalTerm,
  phrases: readonly Phrase[],
  current: string | null,
  caseNumber: string,
  offered: string,
): { phrase: string; text: string } {
  const own = phrases.filter((p) => p.kind === kind);
  if (current) {
    const phrase = own.find((p) => withCaseNumber(p.text, caseNumber) === current);
    return phrase ? { phrase: phrase.id, text: '' } : { phrase: '', text: current };
  }
  const first = own[0];
  return first ? { phrase: first.id, text: '' } : { phrase: '', text: offered };
}
