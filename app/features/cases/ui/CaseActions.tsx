import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { actionToSummary } from '../../../lib/form';
import { TextField } from '../../../ui/fields';
import type { FieldErrors } from '../domain/application';
import { findTransition, type CaseEvent, type Status } from '../domain/workflow';
import { FormErrorSummary } from './FormErrorSummary';

/** What came back from a refused action: the values typed, so nothing is lost. */
export interface SubmittedAction {
  fieldErrors: FieldErrors;
  values: Record<'event' | 'reason', string>;
}

/** An event's form's error summary, where a refused post lands (`actionToSummary`). */
const actionSummaryId = (event: CaseEvent) => `action-${event}-errors`;

/**
 * One form per event the user may fire now; each works without JavaScript. Decisions have their
 * own form (features/decisions). A refused form shows its error summary at its top, which takes
 * focus (without JavaScript the post lands on it), and keeps the reason typed; a conflict (409)
 * is the page's problem above, the form keeping the text against the version read again.
 */
export function CaseActions({
  caseId,
  status,
  version,
  events,
  submitted,
}: {
  caseId: string;
  status: Status;
  version: number;
  events: CaseEvent[];
  submitted: SubmittedAction | null;
}) {
  return (
    <div className="sp-grid">
      {events.map((event) => {
        const mine = submitted?.values.event === event ? submitted : null;
        const errors = mine?.fieldErrors ?? {};
        const error = (field: string) => {
          const code = errors[field];
          return code ? msg.errors[code] : undefined;
        };
        // Rows are unique per (status, event): whether a reason is required does not vary by scheme.
        const reasonRequired = findTransition(status, event, 'anyScheme')?.reasonRequired ?? false;
        const headingId = `action-${event}`;
        const summaryId = actionSummaryId(event);
        const reasonId = `${event}-reason`;
        const reasonLabel = `${msg.reasonLabels[event]}${reasonRequired ? ` ${msg.case.required}` : ''}`;
        const help =
          event in msg.eventHelp ? msg.eventHelp[event as keyof typeof msg.eventHelp] : null;
        return (
          <Card key={event}>
            <Form
              method="post"
              action={actionToSummary(`/saker/${caseId}`, summaryId)}
              className="sp-stack"
              aria-labelledby={headingId}
              noValidate
            >
              <Heading level={3} data-size="xs" id={headingId}>
                {msg.events[event]}
              </Heading>
              <FormErrorSummary
                id={summaryId}
                headingLevel={4}
                errors={errors}
                labels={{ reason: reasonLabel }}
                anchors={{ reason: reasonId }}
              />
              {help && <Paragraph data-size="sm">{help}</Paragraph>}
              <input type="hidden" name="event" value={event} />
              <input type="hidden" name="version" value={version} />
              <TextField
                id={reasonId}
                name="reason"
                label={reasonLabel}
                multiline
                rows={3}
                defaultValue={mine?.values.reason ?? ''}
                error={error('reason')}
              />
              <div>
                <Button type="submit" variant={event === 'withdraw' ? 'secondary' : 'primary'}>
                  {msg.events[event]}
                </Button>
              </div>
            </Form>
          </Card>
        );
      })}
    </div>
  );
}
