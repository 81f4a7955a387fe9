import {
  Alert,
  Button,
  Card,
  Fieldset,
  Heading,
  Paragraph,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { ChoiceField, TextField } from '../../../ui/fields';
import type { DialogView } from '../dialog.server';
import { MESSAGE_VISIBILITIES, type MessageError } from '../domain/visibility';

/** A refused post: what was wrong and what was typed, so nothing is lost. */
export interface SubmittedMessage {
  errors: MessageError[];
  problem: 'forbidden' | null;
  values: { body: string; visibility: string };
}

const VISIBILITY_COLOR = { case: 'info', internal: 'warning' } as const;

/**
 * The case's dialog: every message labelled with who can see it, and a form that works without
 * JavaScript (it posts to /saker/:caseId/meldinger and comes back here).
 */
export function DialogThread({
  view,
  sent,
  submitted,
  headingLevel,
}: {
  view: DialogView;
  sent: boolean;
  submitted: SubmittedMessage | null;
  headingLevel: 2 | 3;
}) {
  const t = msg.dialog;
  const hasError = (e: MessageError) => submitted?.errors.includes(e) ?? false;
  const bodyError = hasError('messageRequired')
    ? t.errors.messageRequired
    : hasError('messageTooLong')
      ? t.errors.messageTooLong
      : undefined;
  const visibilityError = hasError('visibilityInvalid') ? t.errors.visibilityInvalid : undefined;
  const chooseVisibility = view.canPostAs.includes('internal');
  return (
    <div className="sp-stack">
      <Paragraph>{t.intro}</Paragraph>
      {sent && !submitted && <Alert data-color="success">{t.sent}</Alert>}
      {submitted?.problem && <Alert data-color="danger">{msg.problems[submitted.problem]}</Alert>}
      {view.messages.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <ol className="sp-stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {view.messages.map((m) => (
            <li key={m.id}>
              <Card data-color={m.visibility === 'internal' ? 'warning' : 'neutral'}>
                <div className="sp-row">
                  <Paragraph data-size="sm">
                    <strong>{t.author(m.authorName, msg.roles[m.authorRole])}</strong>
                    {` · ${msg.dateTime(new Date(m.createdAt))}`}
                  </Paragraph>
                  <Tag data-color={VISIBILITY_COLOR[m.visibility]} data-size="sm">
                    {t.visibility[m.visibility]}
                  </Tag>
                </div>
                <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Paragraph>
              </Card>
            </li>
          ))}
        </ol>
      )}
      {view.canPostAs.length === 0 ? (
        <Paragraph>{t.readOnly}</Paragraph>
      ) : (
        <Form
          method="post"
          action={`/saker/${view.caseId}/meldinger`}
          className="sp-stack sp-form"
          aria-labelledby="dialog-new"
          noValidate
        >
          <Heading level={headingLevel} data-size="xs" id="dialog-new">
            {t.newMessage}
          </Heading>
          <TextField
            id="dialog-body"
            name="body"
            label={t.body}
            description={t.bodyHelp}
            multiline
            rows={4}
            defaultValue={submitted?.values.body ?? ''}
            error={bodyError}
          />
          {chooseVisibility ? (
            <Fieldset>
              <Fieldset.Legend>{t.visibilityLegend}</Fieldset.Legend>
              {MESSAGE_VISIBILITIES.map((v) => (
                <ChoiceField
                  key={v}
                  type="radio"
                  id={`dialog-visibility-${v}`}
                  name="visibility"
                  value={v}
                  label={t.visibility[v]}
                  defaultChecked={submitted?.values.visibility === v}
                  errorId={visibilityError ? 'dialog-visibility-error' : undefined}
                />
              ))}
              {visibilityError && (
                <ValidationMessage id="dialog-visibility-error">
                  {visibilityError}
                </ValidationMessage>
              )}
            </Fieldset>
          ) : (
            <>
              <input type="hidden" name="visibility" value="case" />
              <Paragraph data-size="sm">
                <Tag data-color={VISIBILITY_COLOR.case} data-size="sm">
                  {t.visibility.case}
                </Tag>
              </Paragraph>
            </>
          )}
          <div>
            <Button type="submit">{t.send}</Button>
          </div>
        </Form>
      )}
    </div>
  );
}
