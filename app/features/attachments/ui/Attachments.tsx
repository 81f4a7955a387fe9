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
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { norwegianDateOf } from '../../cases/domain/dates';
import type { AttachmentListItem } from '../attachments.server';
import type { AttachmentNotice, AttachmentProblem } from '../domain/errors';
import { ACCEPT, FILE_FIELD } from '../domain/kinds';
import type { AttachmentOrigin } from '../domain/rules';
import { TableScroll } from '../../../ui/TableScroll';

/** What an attachment that did not come with the application came with, for its tag; else null. */
function originLabel(origin: AttachmentOrigin): string | null {
  const t = msg.attachments.answer;
  switch (origin.kind) {
    case 'application':
      return null;
    case 'pendingAnswer':
      return t.pending;
    case 'answer':
      return t.addedIn(norwegianDateOf(origin.answeredAt));
    case 'unsentAnswer':
      return t.unsent;
  }
}

/** Why an upload or removal was refused, for the user (the size limit with a file too large). */
export function problemText(problem: AttachmentProblem, maxSize: string): string {
  const t = msg.attachments;
  return problem === 'tooLarge'
    ? `${t.problems.tooLarge} ${t.maxSize(maxSize)}`
    : t.problems[problem];
}

export interface AttachmentsProps {
  caseId: string;
  attachments: AttachmentListItem[];
  /** Whether the user may add attachments, and remove those `removable` (from `listAttachments`). */
  editable: boolean;
  /** The per-file limit in bytes (`context.attachments.maxBytes`), shown in the help text. */
  maxBytes: number;
  /** The outcome of the last upload or removal (`attachmentFlags(url.searchParams)`). */
  error?: AttachmentProblem | null;
  done?: AttachmentNotice | null;
  /** A note shown above the list while the user may change it (say, to save a form first). */
  note?: string | null;
  /** 3 where the list is part of the application on the case page («Søknaden»). */
  headingLevel?: 2 | 3;
}

/**
 * The attachments of a case: download links for everyone who sees the case, those sent with an
 * answer to a request for information tagged with its date, and, while the user may edit the
 * application, an upload form and remove buttons. Plain forms: works without JavaScript. Place it
 * outside any other form.
 */
export function Attachments({
  caseId,
  attachments,
  editable,
  maxBytes,
  error = null,
  done = null,
  note = null,
  headingLevel = 2,
}: AttachmentsProps) {
  const base = `/saker/${caseId}/vedlegg`;
  const maxSize = msg.fileSize(maxBytes);
  const problem = error ? problemText(error, maxSize) : null;
  return (
    <section id="vedlegg" className="sp-stack" aria-labelledby="vedlegg-heading">
      <Heading
        level={headingLevel}
        data-size={headingLevel === 2 ? 'md' : 'sm'}
        id="vedlegg-heading"
      >
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
              {attachments.map((attachment) => {
                const origin = originLabel(attachment.origin);
                return (
                  <Table.Row key={attachment.id}>
                    <Table.Cell>
                      <Link href={`${base}/${attachment.id}`}>{attachment.fileName}</Link>
                      {origin && (
                        <>
                          {' '}
                          <Tag data-color="info" data-size="sm">
                            {origin}
                          </Tag>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{msg.attachments.kinds[attachment.kind]}</Table.Cell>
                    <Table.Cell>{msg.fileSize(attachment.size)}</Table.Cell>
                    <Table.Cell>
                      {`${msg.dateTime(new Date(attachment.uploadedAt))}, ${attachment.uploadedByName}`}
                    </Table.Cell>
                    {editable && (
                      <Table.Cell>
                        {attachment.removable && (
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
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                );
              })}
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
