import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { actionToSummary } from '../../../lib/form';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import { TextField } from '../../../ui/fields';
import type { UnsavedText } from '../../../ui/ProblemAlert';
import type { InquiryFieldErrors, InquiryProblem } from '../domain/inquiry';

/** What came back from a refused question or answer: the text typed, so nothing is lost. */
export interface Submitted<K extends string> {
  problem: InquiryProblem | null;
  fieldErrors: InquiryFieldErrors;
  values: Record<K, string>;
}

export const ASK_FIELDS = ['question'] as const;
export const ANSWER_FIELDS = ['version', 'answer'] as const;
/** The inquiry page's one action takes both forms: `intent` tells a withdrawal from an answer. */
export const INQUIRY_PAGE_FIELDS = ['intent', ...ANSWER_FIELDS] as const;
export const WITHDRAW_INTENT = 'withdraw';

const ASK_SUMMARY = 'inquiry-ask-errors';
const ANSWER_SUMMARY = 'inquiry-answer-errors';

/** What a refused answer had typed, for «Dette skrev du» once the form is gone. */
export function unsavedAnswer(values: Readonly<Record<'answer', string>>): UnsavedText[] {
  return [{ label: msg.inquiries.answerLabel, text: values.answer }];
}

function Problem({ problem }: { problem: InquiryProblem | null | undefined }) {
  if (!problem) return null;
  return (
    <Alert data-color="danger">
      <Paragraph>{msg.inquiries.problems[problem]}</Paragraph>
    </Alert>
  );
}

/** One text field's error summary entry, if it has an error. */
const summaryOf = (
  errors: InquiryFieldErrors | undefined,
  field: 'question' | 'answer',
  label: string,
  anchor: string,
) => {
  const code = errors?.[field];
  return code ? [{ anchor, label, text: msg.inquiries.errors[code] }] : [];
};

/**
 * The question to the case's trust, on the national summary of a case; works without
 * JavaScript. It warns not to write patient data: the question leaves the asker's trust.
 */
export function AskForm({
  caseNumber,
  trustName,
  submitted,
}: {
  caseNumber: string;
  trustName: string;
  submitted?: Submitted<(typeof ASK_FIELDS)[number]> | null;
}) {
  const t = msg.inquiries;
  const code = submitted?.fieldErrors.question;
  return (
    <Form
      method="post"
      action={actionToSummary(`/nasjonalt/saker/${encodeURIComponent(caseNumber)}`, ASK_SUMMARY)}
      className="sp-stack"
      aria-labelledby="inquiry-ask"
      noValidate
    >
      <Problem problem={submitted?.problem} />
      <ErrorSummaryList
        id={ASK_SUMMARY}
        errors={summaryOf(submitted?.fieldErrors, 'question', t.questionLabel, 'inquiry-question')}
      />
      <Paragraph>{t.askHelp(trustName)}</Paragraph>
      <TextField
        id="inquiry-question"
        name="question"
        label={`${t.questionLabel} ${msg.case.required}`}
        description={t.privacyWarning}
        multiline
        rows={4}
        defaultValue={submitted?.values.question ?? ''}
        error={code ? t.errors[code] : undefined}
      />
      <div>
        <Button type="submit">{t.send}</Button>
      </div>
    </Form>
  );
}

/**
 * The medical director's answer; works without JavaScript. It warns that the answer leaves the
 * trust, so it must hold no patient data.
 */
export function AnswerForm({
  inquiryId,
  version,
  submitted,
}: {
  inquiryId: string;
  version: number;
  submitted?: Submitted<(typeof ANSWER_FIELDS)[number]> | null;
}) {
  const t = msg.inquiries;
  const code = submitted?.fieldErrors.answer;
  return (
    <Form
      method="post"
      action={actionToSummary(`/henvendelser/${inquiryId}`, ANSWER_SUMMARY)}
      className="sp-stack"
      aria-labelledby="inquiry-answer"
      noValidate
    >
      <Problem problem={submitted?.problem} />
      <ErrorSummaryList
        id={ANSWER_SUMMARY}
        errors={summaryOf(submitted?.fieldErrors, 'answer', t.answerLabel, 'inquiry-answer-text')}
      />
      <input type="hidden" name="version" value={version} />
      <TextField
        id="inquiry-answer-text"
        name="answer"
        label={`${t.answerLabel} ${msg.case.required}`}
        description={t.answerWarning}
        multiline
        rows={6}
        defaultValue={submitted?.values.answer ?? ''}
        error={code ? t.errors[code] : undefined}
      />
      <div>
        <Button type="submit">{t.sendAnswer}</Button>
      </div>
    </Form>
  );
}

/**
 * The asker withdraws their open question: one button, posting the version the page was loaded
 * with; works without JavaScript. Refused (answered or withdrawn meanwhile): the page says why.
 */
export function WithdrawForm({ inquiryId, version }: { inquiryId: string; version: number }) {
  const t = msg.inquiries;
  return (
    <Form
      method="post"
      action={`/henvendelser/${inquiryId}`}
      className="sp-stack"
      aria-labelledby="inquiry-withdraw"
    >
      <Paragraph>{t.withdrawHelp}</Paragraph>
      <input type="hidden" name="intent" value={WITHDRAW_INTENT} />
      <input type="hidden" name="version" value={version} />
      <div>
        <Button type="submit" variant="secondary">
          {t.withdraw}
        </Button>
      </div>
    </Form>
  );
}
