import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  List,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { ErrorSummaryList, type SummaryError } from '../../../ui/ErrorSummaryList';
import { TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../cases/domain/application';
import type { AttachmentListItem } from '../attachments.server';
import { ANSWER_INTENTS, REMOVE_FIELD, SHOWN_FILES_FIELD } from '../domain/answer-form';
import type { AttachmentNotice, AttachmentProblem } from '../domain/errors';
import { ACCEPT, FILE_FIELD } from '../domain/kinds';
import { problemText } from './Attachments';

/** What came back from a post of the answer form (or of its send): the text typed, kept. */
export interface AnswerSubmitted {
  fieldErrors: FieldErrors;
  values: { reason: string };
  /** What an upload or removal did, or why it was refused (answer.server.ts). */
  answer?: { done: AttachmentNotice | null; error: AttachmentProblem | null };
}

/** The ids the form's error summary and links point at; the heading's is the one «Gå til» uses. */
const HEADING_ID = 'action-provideInformation';
const SUMMARY_ID = 'svar-feil';
const REASON_ID = 'provideInformation-reason';
const FILES_ID = 'svar-vedlegg';
const FILE_ID = 'svar-fil';

/**
 * The answer to a request for information, with its attachments, as one form: the text, the
 * files added to it since the request (each removable until it is sent), a file input and
 * «Last opp vedlegget», and «Send opplysninger». It posts multipart to the case page
 * (answer.server.ts), so an upload or a removal keeps the text typed, without JavaScript too, and a
 * file chosen goes with whichever button is pressed. The answer goes with the files listed here
 * only: if a co-author added or removed one meanwhile, it is not sent and the form shows the list
 * as it is now, with the text kept. Co-authors (`canSend` false) add files only: the applicant
 * sends the answer.
 */
export function AnswerForm({
  caseId,
  version,
  canSend,
  attachments,
  maxBytes,
  submitted,
}: {
  caseId: string;
  version: number;
  canSend: boolean;
  /** The case's attachments (`listAttachments`): those added to this answer are listed here. */
  attachments: readonly AttachmentListItem[];
  maxBytes: number;
  submitted: AnswerSubmitted | null;
}) {
  const t = msg.attachments.answer;
  const pending = attachments.filter((a) => a.origin.kind === 'pendingAnswer');
  const maxSize = msg.fileSize(maxBytes);
  const reasonCode = submitted?.fieldErrors.reason;
  const reasonError = reasonCode ? msg.errors[reasonCode] : undefined;
  const refused = submitted?.answer?.error ?? null;
  const refusal = refused ? problemText(refused, maxSize) : null;
  // A refused removal and a list changed meanwhile are about the list; every other refusal about
  // the file chosen.
  const aboutList = refused === 'notRemovable' || refused === 'answerChanged';
  const fileError = aboutList ? null : refusal;
  const listError = aboutList ? refusal : null;
  const done = refused ? null : (submitted?.answer?.done ?? null);
  const reasonLabel = msg.reasonLabels.provideInformation;
  const errors: SummaryError[] = [
    ...(reasonError ? [{ anchor: REASON_ID, label: reasonLabel, text: reasonError }] : []),
    ...(fileError ? [{ anchor: FILE_ID, text: fileError }] : []),
    ...(listError ? [{ anchor: FILES_ID, text: listError }] : []),
  ];
  const base = `/saker/${caseId}/vedlegg`;
  return (
    <Card>
      <Form
        method="post"
        // Back at the form after a post without JavaScript (its error summary is just below).
        action={`/saker/${caseId}#${HEADING_ID}`}
        encType="multipart/form-data"
        className="sp-stack"
        aria-labelledby={HEADING_ID}
        noValidate
      >
        <Heading level={3} data-size="xs" id={HEADING_ID}>
          {msg.events.provideInformation}
        </Heading>
        <Paragraph data-size="sm">{canSend ? t.help : t.coAuthorHelp}</Paragraph>
        {done && <Alert data-color="success">{t.notices[done]}</Alert>}
        <ErrorSummaryList id={SUMMARY_ID} errors={errors} headingLevel={4} />
        <input type="hidden" name="version" value={version} />
        {/* The files listed here: the answer is sent only if they are still its files. */}
        <input type="hidden" name={SHOWN_FILES_FIELD} value={pending.map((a) => a.id).join(' ')} />
        {canSend && (
          <TextField
            id={REASON_ID}
            name="reason"
            label={`${reasonLabel} ${msg.case.required}`}
            multiline
            rows={4}
            defaultValue={submitted?.values.reason ?? ''}
            error={reasonError}
          />
        )}
        <Fieldset id={FILES_ID} className="sp-stack">
          <Fieldset.Legend>{t.title}</Fieldset.Legend>
          {pending.length === 0 ? (
            <Paragraph data-size="sm">{t.none}</Paragraph>
          ) : (
            <List.Unordered>
              {pending.map((a) => (
                <List.Item key={a.id}>
                  <Link href={`${base}/${a.id}`}>{a.fileName}</Link>
                  {` (${msg.attachments.kinds[a.kind]}, ${msg.fileSize(a.size)}) `}
                  <Button
                    type="submit"
                    name={REMOVE_FIELD}
                    value={a.id}
                    variant="tertiary"
                    data-size="sm"
                    aria-label={msg.attachments.removeLabel(a.fileName)}
                  >
                    {msg.attachments.remove}
                  </Button>
                </List.Item>
              ))}
            </List.Unordered>
          )}
          {listError && <ValidationMessage>{listError}</ValidationMessage>}
          {/* A new input after each change, so that a file just uploaded is not still chosen. */}
          <Field key={pending.map((a) => a.id).join()}>
            <Label htmlFor={FILE_ID}>{msg.attachments.fileLabel}</Label>
            <Field.Description id={`${FILE_ID}-description`}>
              {msg.attachments.help(maxSize)}
            </Field.Description>
            <Input
              type="file"
              id={FILE_ID}
              name={FILE_FIELD}
              accept={ACCEPT}
              aria-describedby={`${FILE_ID}-description${fileError ? ` ${FILE_ID}-error` : ''}`}
              aria-invalid={fileError ? true : undefined}
            />
            {fileError && (
              <ValidationMessage id={`${FILE_ID}-error`}>{fileError}</ValidationMessage>
            )}
          </Field>
          <div>
            <Button type="submit" name="intent" value={ANSWER_INTENTS.upload} variant="secondary">
              {t.upload}
            </Button>
          </div>
        </Fieldset>
        {canSend && (
          <div>
            <Button type="submit" name="intent" value={ANSWER_INTENTS.send}>
              {msg.events.provideInformation}
            </Button>
          </div>
        )}
      </Form>
    </Card>
  );
}

/**
 * The attachments sent with one answer (the history's `provideInformation` at `answeredAt`), as
 * download links; nothing when it had none.
 */
export function AnswerAttachmentLinks({
  caseId,
  attachments,
  answeredAt,
}: {
  caseId: string;
  attachments: readonly AttachmentListItem[];
  answeredAt: Date | string;
}) {
  const at = new Date(answeredAt).getTime();
  const sent = attachments.filter(
    (a) => a.origin.kind === 'answer' && new Date(a.origin.answeredAt).getTime() === at,
  );
  if (sent.length === 0) return null;
  return (
    <div>
      <Paragraph data-size="sm">{msg.attachments.answer.sentWith}</Paragraph>
      <List.Unordered>
        {sent.map((a) => (
          <List.Item key={a.id}>
            <Link href={`/saker/${caseId}/vedlegg/${a.id}`}>{a.fileName}</Link>
          </List.Item>
        ))}
      </List.Unordered>
    </div>
  );
}
