import {
  Alert,
  Button,
  Field,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { DateField, TextField } from '../../../ui/fields';
import { actionToSummary } from '../../../lib/form';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import type { UnsavedText } from '../../../ui/ProblemAlert';
import type { Problem } from '../../cases/domain/errors';
import { MAX_DEADLINE_DAYS, type ConsultationFieldErrors } from '../domain/consultation';

/** What came back from a refused consultation action: the values typed, so nothing is lost. */
export interface Submitted<K extends string> {
  problem: Problem | null;
  fieldErrors: ConsultationFieldErrors;
  values: Record<K, string>;
}

export const REQUEST_FIELDS = ['version', 'consultedTrustId', 'question', 'deadline'] as const;
export const ANSWER_FIELDS = ['version', 'answer'] as const;

const errorText = (errors: ConsultationFieldErrors | undefined, field: string) => {
  const code = errors?.[field];
  return code ? msg.consultations.errors[code] : undefined;
};

/** The request form's error summary, where a refused post lands (`actionToSummary`). */
const REQUEST_SUMMARY = 'consultation-request-errors';

/** What a refused request had typed, for «Dette skrev du» when the form is gone. */
export function unsavedRequest(
  values: Readonly<Record<(typeof REQUEST_FIELDS)[number], string>>,
): UnsavedText[] {
  const t = msg.consultations;
  return [
    { label: t.question, text: values.question },
    { label: t.deadline, text: values.deadline },
  ];
}

/** What a refused answer had typed, for «Dette skrev du» when the form is gone. */
export function unsavedAnswer(
  values: Readonly<Record<(typeof ANSWER_FIELDS)[number], string>>,
): UnsavedText[] {
  return [{ label: msg.consultations.answerLabel, text: values.answer }];
}

function ProblemAlert({ problem }: { problem: Problem | null | undefined }) {
  if (!problem) return null;
  return (
    <Alert data-color="danger">
      <Paragraph>{msg.problems[problem]}</Paragraph>
    </Alert>
  );
}

/** The director's form to consult another trust; works without JavaScript. */
export function RequestForm({
  caseId,
  version,
  trusts,
  today,
  maxDeadline,
  submitted,
}: {
  caseId: string;
  version: number;
  trusts: { id: string; name: string }[];
  today: string;
  maxDeadline: string;
  submitted?: Submitted<(typeof REQUEST_FIELDS)[number]> | null;
}) {
  const errors = submitted?.fieldErrors;
  const trustError = errorText(errors, 'consultedTrustId');
  return (
    <Form
      method="post"
      action={actionToSummary(`/saker/${caseId}/konsultasjon`, REQUEST_SUMMARY)}
      className="sp-stack"
      aria-labelledby="consultation-request"
      noValidate
    >
      <ProblemAlert problem={submitted?.problem} />
      <ErrorSummaryList
        id={REQUEST_SUMMARY}
        errors={(
          [
            ['consultedTrustId', msg.consultations.trust, 'consultation-trust'],
            ['question', msg.consultations.question, 'consultation-question'],
            ['deadline', msg.consultations.deadline, 'consultation-deadline'],
          ] as const
        ).flatMap(([field, label, anchor]) => {
          const text = errorText(errors, field);
          return text ? [{ anchor, label, text }] : [];
        })}
      />
      <Paragraph id="consultation-request-help">{msg.consultations.requestHelp}</Paragraph>
      <input type="hidden" name="version" value={version} />
      <Field>
        <Label htmlFor="consultation-trust">{msg.consultations.trust}</Label>
        <Select
          id="consultation-trust"
          name="consultedTrustId"
          defaultValue={submitted?.values.consultedTrustId ?? ''}
          aria-describedby={trustError ? 'consultation-trust-error' : undefined}
          aria-invalid={trustError ? true : undefined}
        >
          <Select.Option value="">{msg.consultations.chooseTrust}</Select.Option>
          {trusts.map((t) => (
            <Select.Option key={t.id} value={t.id}>
              {t.name}
            </Select.Option>
          ))}
        </Select>
        {trustError && (
          <ValidationMessage id="consultation-trust-error">{trustError}</ValidationMessage>
        )}
      </Field>
      <TextField
        id="consultation-question"
        name="question"
        label={`${msg.consultations.question} ${msg.case.required}`}
        multiline
        rows={4}
        defaultValue={submitted?.values.question ?? ''}
        error={errorText(errors, 'question')}
      />
      <DateField
        id="consultation-deadline"
        name="deadline"
        label={`${msg.consultations.deadline} ${msg.case.required}`}
        description={msg.consultations.deadlineHelp(MAX_DEADLINE_DAYS)}
        min={today}
        max={maxDeadline}
        defaultValue={submitted?.values.deadline ?? ''}
        error={errorText(errors, 'deadline')}
      />
      <div>
        <Button type="submit">{msg.consultations.send}</Button>
      </div>
    </Form>
  );
}

/** The consulted trust's answer; works without JavaScript. */
export function AnswerForm({
  caseId,
  consultationId,
  version,
  submitted,
}: {
  caseId: string;
  consultationId: string;
  version: number;
  submitted?: Submitted<(typeof ANSWER_FIELDS)[number]> | null;
}) {
  return (
    <Form
      method="post"
      action={`/saker/${caseId}/konsultasjon/${consultationId}/svar`}
      className="sp-stack"
      aria-labelledby="consultation-answer"
      noValidate
    >
      <ProblemAlert problem={submitted?.problem} />
      <input type="hidden" name="version" value={version} />
      <TextField
        id="consultation-answer-text"
        name="answer"
        label={`${msg.consultations.answerLabel} ${msg.case.required}`}
        description={msg.consultations.answerHelp}
        multiline
        rows={5}
        defaultValue={submitted?.values.answer ?? ''}
        error={errorText(submitted?.fieldErrors, 'answer')}
      />
      <div>
        <Button type="submit">{msg.consultations.sendAnswer}</Button>
      </div>
    </Form>
  );
}
