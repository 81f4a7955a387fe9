import {
  Button,
  Card,
  Fieldset,
  Heading,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { ChoiceField, DateField, TextField } from '../../../ui/fields';
import { DECISION_OUTCOMES, type FieldErrors } from '../../cases/domain/application';
import { conditionLines } from '../domain/compose';
import { withCaseNumber, type Phrase, type PhraseKind } from '../domain/phrases';
import type { DecisionVersion } from '../decisions.server';
import { initialTerm, type ApprovalTerm, type DecisionEvent } from '../domain/form';
import { FormErrorSummary } from '../../cases/ui/FormErrorSummary';
import type { LocalGuidance } from '../../guidance/domain/guidance';
import { RegulationGuide } from './RegulationGuide';
import type { UnsavedText } from '../../../ui/ProblemAlert';
import { actionToSummary } from '../../../lib/form';

export const DECISION_TEXT_FIELDS = [
  'event',
  'version',
  'outcome',
  'reasonPhrase',
  'reason',
  'conditions',
  'evaluationDate',
  'prescriptionNotePhrase',
  'prescriptionNote',
  'invoicingPhrase',
  'invoicing',
  'revisionReason',
] as const;
export type DecisionFormValues = Record<(typeof DECISION_TEXT_FIELDS)[number], string> & {
  conditionPhrases: string[];
};

/** What came back from a refused decision: the values given, so nothing is lost. */
export interface SubmittedDecision {
  fieldErrors: FieldErrors;
  values: DecisionFormValues;
}

/**
 * What a refused decision had given, as texts for «Dette skrev du» when its form is gone (someone
 * else decided first): the chosen phrases by their text, the outcome by its name.
 */
export function unsavedDecision(
  values: DecisionFormValues,
  phrases: readonly Phrase[],
  caseNumber: string,
): UnsavedText[] {
  const t = msg.decisionModule;
  const phrase = (id: string) => {
    const found = phrases.find((p) => p.id === id);
    return found ? withCaseNumber(found.text, caseNumber) : '';
  };
  const outcome = DECISION_OUTCOMES.find((o) => o === values.outcome);
  return [
    { label: t.outcome, text: outcome ? msg.outcomes[outcome] : '' },
    { label: t.reasonPhrase, text: phrase(values.reasonPhrase) },
    { label: t.reason, text: values.reason },
    { label: t.conditionPhrases, text: values.conditionPhrases.map(phrase).join('\n') },
    { label: t.conditions, text: values.conditions },
    { label: t.evaluationDate, text: values.evaluationDate },
    { label: t.prescriptionNote, text: phrase(values.prescriptionNotePhrase) },
    { label: t.prescriptionNoteText, text: values.prescriptionNote },
    { label: t.invoicing, text: phrase(values.invoicingPhrase) },
    { label: t.invoicingText, text: values.invoicing },
    { label: t.revisionReason, text: values.revisionReason },
  ];
}

/**
 * The form's starting values: empty for a first decision, the current one for a revision. An
 * approval's reseptmerknad and invoicing routine start as the current decision's, else as the
 * trust's first phrase of the kind, or the catalogue's text when it has none (`initialTerm`).
 */
function initialValues(
  event: DecisionEvent,
  version: number,
  current: DecisionVersion | null,
  phrases: readonly Phrase[],
  caseNumber: string,
): DecisionFormValues {
  const revision = event === 'reviseDecision' ? current : null;
  const term = (kind: ApprovalTerm) =>
    initialTerm(
      kind,
      phrases,
      revision?.[kind] ?? null,
      caseNumber,
      msg.decisionModule.defaults[kind](caseNumber),
    );
  const note = term('prescriptionNote');
  const invoicing = term('invoicing');
  const empty: DecisionFormValues = {
    event,
    version: String(version),
    outcome: '',
    reasonPhrase: '',
    reason: '',
    conditions: '',
    evaluationDate: '',
    prescriptionNotePhrase: note.phrase,
    prescriptionNote: note.text,
    invoicingPhrase: invoicing.phrase,
    invoicing: invoicing.text,
    revisionReason: '',
    conditionPhrases: [],
  };
  if (!revision) return empty;
  const lines = conditionLines(revision.conditions);
  const chosen = lines.map(
    (line) => phrases.find((p) => p.kind === 'condition' && p.text === line)?.id ?? '',
  );
  return {
    ...empty,
    outcome: revision.outcome,
    reason: revision.reason,
    conditions: lines.filter((_, i) => chosen[i] === '').join('\n'),
    conditionPhrases: chosen.filter((id) => id !== ''),
    evaluationDate: revision.evaluationDate ?? '',
  };
}

/**
 * The decision form (also for a new version of the decision): outcome, justification, conditions,
 * evaluation date, reseptmerknad and invoicing routine, mostly chosen from the trust's phrases.
 * Posts to the decision route; works without JavaScript. Guidance and regulations beside it.
 */
export function DecisionForm({
  caseId,
  caseNumber,
  version,
  event,
  phrases,
  current,
  submitted,
  minDate,
  beforeSubmit,
  guidance,
}: {
  caseId: string;
  caseNumber: string;
  version: number;
  event: DecisionEvent;
  phrases: readonly Phrase[];
  current: DecisionVersion | null;
  submitted: SubmittedDecision | null;
  /** YYYY-MM-DD: the earliest evaluation date allowed (tomorrow). */
  minDate: string;
  /** Shown inside the form just above the button (e.g. the warning against national practice). */
  beforeSubmit?: ReactNode;
  /** The treating trust's own guidance for decisions, under the regulations. */
  guidance: LocalGuidance | null;
}) {
  const t = msg.decisionModule;
  const mine = submitted?.values.event === event ? submitted : null;
  const values = mine?.values ?? initialValues(event, version, current, phrases, caseNumber);
  const errors = mine?.fieldErrors ?? {};
  const error = (field: string) => {
    const code = errors[field];
    return code ? msg.errors[code] : undefined;
  };
  const id = (name: string) => `${event}-${name}`;
  const headingId = id('heading');
  const of = (kind: PhraseKind) => phrases.filter((p) => p.kind === kind);
  const revising = event === 'reviseDecision';
  // A rejection is not asked for an approval's terms: hidden once JavaScript knows the outcome.
  const [outcome, setOutcome] = useState(values.outcome);

  /**
   * One radio group: «none» and the phrases of one kind. Each kind has a text field beside it,
   * where its errors show (a phrase that is gone, a text required).
   */
  const phraseRadios = (kind: PhraseKind, field: keyof DecisionFormValues, legend: string) => {
    const chosen = values[field];
    const options = of(kind);
    const help =
      kind === 'reason'
        ? t.reasonPhraseHelp
        : kind === 'prescriptionNote'
          ? t.prescriptionNoteHelp
          : null;
    return (
      <Fieldset>
        <Fieldset.Legend>{legend}</Fieldset.Legend>
        {help && <Fieldset.Description>{help}</Fieldset.Description>}
        <ChoiceField
          type="radio"
          id={id(`${field}-none`)}
          name={field}
          value=""
          label={t.none}
          defaultChecked={chosen === ''}
        />
        {options.map((p) => (
          <ChoiceField
            key={p.id}
            type="radio"
            id={id(`${field}-${p.id}`)}
            name={field}
            value={p.id}
            label={`${p.title}: ${kind === 'prescriptionNote' ? withCaseNumber(p.text, caseNumber) : p.text}`}
            defaultChecked={chosen === p.id}
          />
        ))}
        {options.length === 0 && <Paragraph data-size="sm">{t.noPhrases}</Paragraph>}
      </Fieldset>
    );
  };

  /** A term an approval needs (reseptmerknad, invoicing): the trust's phrase and the text typed. */
  const approvalTerm = (kind: 'prescriptionNote' | 'invoicing') => (
    <>
      {phraseRadios(kind, `${kind}Phrase`, `${t[kind]} ${t.requiredWhenApproved}`)}
      <TextField
        id={id(kind)}
        name={kind}
        label={t[`${kind}Text`]}
        description={t[`${kind}TextHelp`]}
        multiline
        rows={2}
        defaultValue={values[kind]}
        error={error(kind)}
      />
    </>
  );

  return (
    <div className="sp-decision">
      <Card>
        <Form
          method="post"
          action={actionToSummary(`/saker/${caseId}/vedtak`, id('errors'))}
          className="sp-stack"
          aria-labelledby={headingId}
          noValidate
          onChange={(e) => {
            const input = e.target;
            if (input instanceof HTMLInputElement && input.name === 'outcome') {
              setOutcome(input.value);
            }
          }}
        >
          <Heading level={3} data-size="xs" id={headingId}>
            {revising ? t.reviseTitle : t.formTitle}
          </Heading>
          <FormErrorSummary
            errors={errors}
            id={id('errors')}
            labels={{
              outcome: t.outcome,
              reason: t.reason,
              conditions: t.conditions,
              evaluationDate: t.evaluationDate,
              prescriptionNote: t.prescriptionNoteText,
              invoicing: t.invoicingText,
              revisionReason: t.revisionReason,
            }}
            anchors={{
              outcome: id(`outcome-${DECISION_OUTCOMES[0]}`),
              reason: id('reason'),
              conditions: id('conditions'),
              evaluationDate: id('evaluationDate'),
              prescriptionNote: id('prescriptionNote'),
              invoicing: id('invoicing'),
              revisionReason: id('revisionReason'),
            }}
          />
          {revising && <Paragraph data-size="sm">{t.revisionHelp}</Paragraph>}
          <input type="hidden" name="event" value={event} />
          <input type="hidden" name="version" value={version} />
          <Fieldset>
            <Fieldset.Legend>{`${t.outcome} ${msg.case.required}`}</Fieldset.Legend>
            {DECISION_OUTCOMES.map((outcome) => (
              <ChoiceField
                key={outcome}
                type="radio"
                id={id(`outcome-${outcome}`)}
                name="outcome"
                value={outcome}
                label={msg.outcomes[outcome]}
                defaultChecked={values.outcome === outcome}
                errorId={error('outcome') ? id('outcome-error') : undefined}
              />
            ))}
            {error('outcome') && (
              <ValidationMessage id={id('outcome-error')}>{error('outcome')}</ValidationMessage>
            )}
          </Fieldset>
          {phraseRadios('reason', 'reasonPhrase', t.reasonPhrase)}
          <TextField
            id={id('reason')}
            name="reason"
            label={`${t.reason} ${msg.case.required}`}
            description={t.reasonHelp}
            multiline
            rows={4}
            defaultValue={values.reason}
            error={error('reason')}
          />
          <Fieldset>
            <Fieldset.Legend>{t.conditionPhrases}</Fieldset.Legend>
            {of('condition').map((p) => (
              <ChoiceField
                key={p.id}
                type="checkbox"
                id={id(`condition-${p.id}`)}
                name="conditionPhrases"
                value={p.id}
                label={p.text}
                defaultChecked={values.conditionPhrases.includes(p.id)}
                errorId={error('conditions') ? id('conditions-error') : undefined}
              />
            ))}
            {of('condition').length === 0 && <Paragraph data-size="sm">{t.noPhrases}</Paragraph>}
          </Fieldset>
          <TextField
            id={id('conditions')}
            name="conditions"
            label={t.conditions}
            description={t.conditionsHelp}
            multiline
            rows={3}
            defaultValue={values.conditions}
            error={error('conditions')}
          />
          <DateField
            id={id('evaluationDate')}
            name="evaluationDate"
            label={t.evaluationDate}
            description={t.evaluationDateHelp}
            defaultValue={values.evaluationDate}
            error={error('evaluationDate')}
            min={minDate}
          />
          {/* Hidden, not removed: what was typed stays if the outcome changes back. */}
          <div hidden={outcome === 'rejected'}>
            <div className="sp-stack">
              <Paragraph data-size="sm">{t.approvalTermsHelp}</Paragraph>
              {approvalTerm('prescriptionNote')}
              {approvalTerm('invoicing')}
            </div>
          </div>
          {revising && (
            <TextField
              id={id('revisionReason')}
              name="revisionReason"
              label={`${t.revisionReason} ${msg.case.required}`}
              multiline
              rows={3}
              defaultValue={values.revisionReason}
              error={error('revisionReason')}
            />
          )}
          {beforeSubmit}
          <div>
            <Button type="submit">{revising ? t.submitRevision : t.submit}</Button>
          </div>
        </Form>
      </Card>
      <aside aria-labelledby={id('guide')}>
        <RegulationGuide headingId={id('guide')} local={guidance} />
      </aside>
    </div>
  );
}
