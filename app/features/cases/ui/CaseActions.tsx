import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { TextField } from '../../../ui/fields';
import type { FieldErrors } from '../domain/application';
import { findTransition, type CaseEvent, type Status } from '../domain/workflow';

/** What came back from a refused action: the values typed, so nothing is lost. */
export interface SubmittedAction {
  fieldErrors: FieldErrors;
  values: Record<'event' | 'reason', string>;
}

/**
 * One form per event the user may fire now; each works without JavaScript. Decisions have their
 * own form (features/decisions).
 */
export function CaseActions({
  status,
  version,
  events,
  submitted,
}: {
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
        const help =
          event in msg.eventHelp ? msg.eventHelp[event as keyof typeof msg.eventHelp] : null;
        return (
          <Card key={event} data-color="neutral">
            <Form method="post" className="sp-stack" aria-labelledby={headingId} noValidate>
              <Heading level={3} data-size="xs" id={headingId}>
                {msg.events[event]}
              </Heading>
              {help && <Paragraph data-size="sm">{help}</Paragraph>}
              <input type="hidden" name="event" value={event} />
              <input type="hidden" name="version" value={version} />
              <TextField
                id={`${event}-reason`}
                name="reason"
                label={`${msg.reasonLabels[event]}${reasonRequired ? ` ${msg.case.required}` : ''}`}
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
