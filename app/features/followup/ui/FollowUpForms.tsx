import {
  Button,
  Fieldset,
  Heading,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { ChoiceField, TextField } from '../../../ui/fields';
import { actionToSummary } from '../../../lib/form';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import type { UnsavedText } from '../../../ui/ProblemAlert';
import { CONTINUATIONS, EFFECTS, type FollowUpFieldErrors } from '../domain/followup';

/** What a refused form post sends back: the values typed, and a message per field. */
export interface FollowUpFormState<V extends string> {
  errors: FollowUpFieldErrors;
  values: Record<V, string>;
}

const errorText = (errors: FollowUpFieldErrors, field: string) => {
  const code = errors[field];
  return code ? msg.clocks.followUpErrors[code] : undefined;
};

export type UrgencyField = 'urgent' | 'reason';

/** Marks the case urgent (with a justification) or takes the mark away; works without JavaScript. */
export function UrgencyForm({
  caseId,
  urgent,
  state,
}: {
  caseId: string;
  urgent: boolean;
  state: FollowUpFormState<UrgencyField> | null;
}) {
  return (
    <Form
      method="post"
      action={`/saker/${caseId}/haster`}
      className="sp-stack"
      aria-label={urgent ? msg.clocks.unmarkUrgent : msg.clocks.markUrgent}
      noValidate
    >
      <input type="hidden" name="urgent" value={urgent ? 'no' : 'yes'} />
      {!urgent && (
        <TextField
          id="urgency-reason"
          name="reason"
          label={msg.clocks.urgencyReason}
          description={msg.clocks.urgencyIntro}
          multiline
          rows={3}
          defaultValue={state?.values.reason ?? ''}
          error={state ? errorText(state.errors, 'reason') : undefined}
        />
      )}
      <div>
        {/* Secondary either way: marking urgency is never the page's main action. */}
        <Button type="submit" variant="secondary">
          {urgent ? msg.clocks.unmarkUrgent : msg.clocks.markUrgent}
        </Button>
      </div>
    </Form>
  );
}

export type OutcomeField = 'version' | 'effect' | 'sideEffects' | 'continuation' | 'stopReason';

/** The outcome form's error summary, where a refused post lands (`actionToSummary`). */
const OUTCOME_SUMMARY = 'outcome-errors';

/** The outcome form's fields in the summary: label and the id of the first control. */
const OUTCOME_SUMMARY_FIELDS = [
  ['effect', msg.clocks.effect, `outcome-effect-${EFFECTS[0]}`],
  ['sideEffects', msg.clocks.sideEffects, 'outcome-side-effects'],
  ['continuation', msg.clocks.continuation, `outcome-continuation-${CONTINUATIONS[0]}`],
  ['stopReason', msg.clocks.stopReason, 'outcome-stop-reason'],
] as const;

/** What a refused outcome had typed, for «Dette skrev du» when the form is gone. */
export function unsavedOutcome(values: Readonly<Record<OutcomeField, string>>): UnsavedText[] {
  const c = msg.clocks;
  const effect = EFFECTS.find((e) => e === values.effect);
  const continuation = CONTINUATIONS.find((k) => k === values.continuation);
  return [
    { label: c.effect, text: effect ? c.effects[effect] : '' },
    { label: c.sideEffects, text: values.sideEffects },
    { label: c.continuation, text: continuation ? c.continuations[continuation] : '' },
    { label: c.stopReason, text: values.stopReason },
  ];
}

/** The applicant's outcome of the treatment at follow-up; closes the case. */
export function OutcomeForm({
  caseId,
  version,
  state,
  headingLevel,
}: {
  caseId: string;
  version: number;
  state: FollowUpFormState<OutcomeField> | null;
  headingLevel: 2 | 3;
}) {
  const errors = state?.errors ?? {};
  const effectError = errorText(errors, 'effect');
  const continuationError = errorText(errors, 'continuation');
  return (
    <Form
      method="post"
      action={actionToSummary(`/saker/${caseId}/utfall`, OUTCOME_SUMMARY)}
      className="sp-stack"
      aria-labelledby="outcome-form-title"
      noValidate
    >
      <Heading level={headingLevel} data-size="sm" id="outcome-form-title">
        {msg.clocks.outcomeFormTitle}
      </Heading>
      <ErrorSummaryList
        id={OUTCOME_SUMMARY}
        errors={OUTCOME_SUMMARY_FIELDS.flatMap(([field, label, anchor]) => {
          const text = errorText(errors, field);
          return text ? [{ anchor, label, text }] : [];
        })}
      />
      <Paragraph>{msg.clocks.outcomeIntro}</Paragraph>
      <input type="hidden" name="version" value={version} />
      <Fieldset>
        <Fieldset.Legend>{msg.clocks.effect}</Fieldset.Legend>
        {EFFECTS.map((effect) => (
          <ChoiceField
            key={effect}
            type="radio"
            id={`outcome-effect-${effect}`}
            name="effect"
            value={effect}
            label={msg.clocks.effects[effect]}
            defaultChecked={state?.values.effect === effect}
            errorId={effectError ? 'outcome-effect-error' : undefined}
          />
        ))}
        {effectError && (
          <ValidationMessage id="outcome-effect-error">{effectError}</ValidationMessage>
        )}
      </Fieldset>
      <TextField
        id="outcome-side-effects"
        name="sideEffects"
        label={msg.clocks.sideEffects}
        description={msg.clocks.sideEffectsHelp}
        multiline
        rows={3}
        defaultValue={state?.values.sideEffects ?? ''}
        error={errorText(errors, 'sideEffects')}
      />
      <Fieldset>
        <Fieldset.Legend>{msg.clocks.continuation}</Fieldset.Legend>
        {CONTINUATIONS.map((c) => (
          <ChoiceField
            key={c}
            type="radio"
            id={`outcome-continuation-${c}`}
            name="continuation"
            value={c}
            label={msg.clocks.continuations[c]}
            defaultChecked={state?.values.continuation === c}
            errorId={continuationError ? 'outcome-continuation-error' : undefined}
          />
        ))}
        {continuationError && (
          <ValidationMessage id="outcome-continuation-error">{continuationError}</ValidationMessage>
        )}
      </Fieldset>
      <TextField
        id="outcome-stop-reason"
        name="stopReason"
        label={msg.clocks.stopReason}
        multiline
        rows={3}
        defaultValue={state?.values.stopReason ?? ''}
        error={errorText(errors, 'stopReason')}
      />
      <div>
        <Button type="submit">{msg.clocks.recordOutcome}</Button>
      </div>
    </Form>
  );
}
