import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { AttachmentListItem } from '../attachments.server';
import type { AttachmentNotice, AttachmentProblem } from '../domain/errors';
import { ACCEPT, FILE_FIELD } from '../domain/kinds';
import { TableScroll } from '../../../ui/TableScroll';

export interface AttachmentsProps {
  caseId: string;
  attachments: AttachmentListItem[];
  /** Whether the user may add and remove attachments (from `listAttachments`). */
  editable: boolean;
  /** The per-file limit in bytes (`context.attachments.maxBytes`), shown in the help text. */
  maxBytes: number;
  /** The outcome of the last upload or removal (`attachmentFlags(url.searchParams)`). */
  error?: AttachmentProblem | null;
  done?: AttachmentNotice | null;
  /** A note shown above the list while the user may change it (say, to save a form first). */
  note?: string | null;
}

/**
 * The attachments of a case: download links for everyone who sees the case and, while the user
 * may edit them, an upload form and remove buttons. Plain forms: works without JavaScript. Place
 * it outside any other form.
 */
export function Attachments({
  caseId,
  attachments,
  editable,
  maxBytes,
  error = null,
  done = null,
  note = null,
}: AttachmentsProps) {
  const base = `/saker/${caseId}/vedlegg`;
  const maxSize = msg.fileSize(maxBytes);
  const problem = error
    ? error === 'tooLarge'
      ? `${msg.attachments.problems.tooLarge} ${msg.attachments.maxSize(maxSize)}`
      : msg.attachments.problems[error]
    : null;
  return (
    <section id="vedlegg" className="sp-stack" aria-labelledby="vedlegg-heading">
      <Heading level={2} data-size="md" id="vedlegg-heading">
        {msg.attachments.title}
      </Heading>
      {editable && note && <Paragraph data-size="sm">{note}</Paragraph>}
      {done && !problem && <Alert data-color="success">{msg.attachments.notices[done]}</Alert>}
      {problem && !editable && <Alert data-color="danger">{problem}</Alert>}
      {attachments.length === 0 ? (
        <Paragraph>{msg.attachments.none}</Paragraph>
      ) : (
        <TableScroll label={msg.attachments.caption}>
          <Table>
            <caption className="ds-sr-only">{msg.attachments.caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{msg.attachments.fileName}</Table.HeaderCell>
                <Table.HeaderCell>{msg.attachments.type}</Table.HeaderCell>
                <Table.HeaderCell>{msg.attachments.size}</Table.HeaderCell>
                <Table.HeaderCell>{msg.attachments.uploaded}</Table.HeaderCell>
                {editable && (
                  <Table.HeaderCell>
                    <span className="ds-sr-only">{msg.attachments.actions}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {attachments.map((attachment) => (
                <Table.Row key={attachment.id}>
                  <Table.Cell>
                    <Link href={`${base}/${attachment.id}`}>{attachment.fileName}</Link>
                  </Table.Cell>
                  <Table.Cell>{msg.attachments.kinds[attachment.kind]}</Table.Cell>
                  <Table.Cell>{msg.fileSize(attachment.size)}</Table.Cell>
                  <Table.Cell>
                    {`${msg.dateTime(new Date(attachment.uploadedAt))}, ${attachment.uploadedByName}`}
                  </Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <Form method="post" action={`${base}/${attachment.id}/slett`}>
                        <Button
                          type="submit"
                          variant="tertiary"
                          data-size="sm"
                          aria-label={msg.attachments.removeLabel(attachment.fileName)}
                        >
                          {msg.attachments.remove}
                        </Button>
                      </Form>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {editable && (
        <Form
          // A new form after each change, so a file just uploaded is not still chosen.
          key={attachments.map((a) => a.id).join()}
          method="post"
          action={base}
          encType="multipart/form-data"
          className="sp-stack"
        >
          {/* The label is tied to the input by id as well, so that it works without JavaScript. */}
          <Field>
            <Label htmlFor="vedlegg-fil">{msg.attachments.fileLabel}</Label>
            <Field.Description>{msg.attachments.help(maxSize)}</Field.Description>
            <Input
              type="file"
              id="vedlegg-fil"
              name={FILE_FIELD}
              accept={ACCEPT}
              aria-invalid={problem ? true : undefined}
            />
            {problem && <ValidationMessage>{problem}</ValidationMessage>}
          </Field>
          <div>
            <Button type="submit" variant="secondary">
              {msg.attachments.upload}
            </Button>
          </div>
        </Form>
      )}
    </section>
  );
}
