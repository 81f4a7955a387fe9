import { Alert, Button, Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { norwegianDate } from '../../cases/domain/dates';
import { OutcomeForm, UrgencyForm } from '../../followup/ui/FollowUpForms';
import type { ClocksNotice, ClocksView } from '../clocks.server';
import { splitDuration } from '../domain/clocks';
import { RouteLink } from '../../../ui/RouteLink';
import { TableScroll } from '../../../ui/TableScroll';

const when = (d: Date | string) => msg.dateTime(new Date(d));
const caseLink = (id: string) => `/saker/${id}`;

/** The «Haster» tag, shown wherever an urgent case is listed. */
export function UrgentTag() {
  return <Tag data-color="warning">{msg.clocks.urgentTag}</Tag>;
}

/**
 * Urgency, the current stage's deadline, time in each stage, follow-up and re-application, on the
 * case page. Every form posts to its own route and works without JavaScript.
 */
export function ClocksPanel({ view, notice }: { view: ClocksView; notice: ClocksNotice | null }) {
  const duration = (ms: number) => {
    const d = splitDuration(ms);
    return msg.clocks.duration(d.days, d.hours, d.minutes);
  };
  return (
    <div className="sp-stack">
      {notice && (
        <Alert data-color="success">
          {notice === 'urgent'
            ? msg.clocks.urgencyMarked
            : notice === 'notUrgent'
              ? msg.clocks.urgencyUnmarked
              : msg.clocks.outcomeRecorded}
        </Alert>
      )}

      <div className="sp-stack">
        <div className="sp-row">
          <Heading level={3} data-size="xs" id="clocks-urgency">
            {msg.clocks.urgencyTitle}
          </Heading>
          {view.urgent && <UrgentTag />}
        </div>
        {view.urgent && view.urgency ? (
          <>
            <Paragraph>
              {msg.clocks.urgencyBy(view.urgency.actorName, when(view.urgency.at))}
            </Paragraph>
            {view.urgency.reason && (
              <blockquote className="sp-quote">{view.urgency.reason}</blockquote>
            )}
          </>
        ) : (
          !view.urgent && <Paragraph>{msg.clocks.notUrgent}</Paragraph>
        )}
        {view.canSetUrgency && (
          <UrgencyForm caseId={view.caseId} urgent={view.urgent} state={null} />
        )}
      </div>

      {view.current && (
        <div className="sp-stack">
          <div className="sp-row">
            <Heading level={3} data-size="xs" id="clocks-deadline">
              {msg.clocks.deadlineTitle}
            </Heading>
            {view.current.overdue && <Tag data-color="danger">{msg.clocks.overdueTag}</Tag>}
          </div>
          <Paragraph>
            {view.current.consultationDeadline
              ? msg.clocks.consultationDue(
                  msg.statuses[view.current.status],
                  norwegianDate(view.current.consultationDeadline),
                )
              : msg.clocks.currentDue(
                  msg.statuses[view.current.status],
                  when(view.current.dueAt),
                  msg.clocks.dayCount(view.current.days, view.urgent),
                )}
            {view.current.overdue && ` ${msg.clocks.overdue}`}
          </Paragraph>
        </div>
      )}

      {(view.evaluationDate || view.outcome || view.canRecordOutcome) && (
        <div className="sp-stack">
          <Heading level={3} data-size="xs" id="clocks-followup">
            {msg.clocks.followUpTitle}
          </Heading>
          {view.evaluationDate && (
            <dl className="sp-dl">
              <dt>{msg.clocks.evaluationDate}</dt>
              <dd>{norwegianDate(view.evaluationDate)}</dd>
            </dl>
          )}
          {view.outcome && (
            <Card>
              <Heading level={4} data-size="xs">
                {msg.clocks.outcomeTitle}
              </Heading>
              <dl className="sp-dl">
                <dt>{msg.clocks.effect}</dt>
                <dd>{msg.clocks.effects[view.outcome.effect]}</dd>
                <dt>{msg.clocks.sideEffects}</dt>
                <dd>{view.outcome.sideEffects ?? msg.clocks.noSideEffects}</dd>
                <dt>{msg.clocks.continuation}</dt>
                <dd>
                  {msg.clocks.continuations[view.outcome.continued ? 'continued' : 'stopped']}
                  {view.outcome.stopReason ? `: ${view.outcome.stopReason}` : ''}
                </dd>
                <dt>{msg.clocks.outcomeBy}</dt>
                <dd>{view.outcome.recordedByName}</dd>
                <dt>{msg.clocks.outcomeAt}</dt>
                <dd>{when(view.outcome.at)}</dd>
              </dl>
            </Card>
          )}
          {view.canRecordOutcome && (
            <Card>
              <OutcomeForm
                caseId={view.caseId}
                version={view.version}
                state={null}
                headingLevel={3}
              />
            </Card>
          )}
        </div>
      )}

      {(view.previous || view.next.length > 0 || view.canReapply) && (
        <div className="sp-stack">
          <Heading level={3} data-size="xs" id="clocks-links">
            {msg.clocks.linksTitle}
          </Heading>
          {(view.previous || view.next.length > 0) && (
            <dl className="sp-dl">
              {view.previous && (
                <>
                  <dt>{msg.clocks.previousCase}</dt>
                  <dd>
                    <RouteLink to={caseLink(view.previous.id)}>
                      {msg.clocks.caseLabel(view.previous.caseNumber)}
                    </RouteLink>
                  </dd>
                </>
              )}
              {view.next.map((n) => (
                <Fragment key={n.id}>
                  <dt>{msg.clocks.nextCase}</dt>
                  <dd>
                    <RouteLink to={caseLink(n.id)}>{msg.clocks.caseLabel(n.caseNumber)}</RouteLink>
                  </dd>
                </Fragment>
              ))}
            </dl>
          )}
          {view.canReapply && (
            <Form method="post" action={`/saker/${view.caseId}/ny-soknad`} className="sp-stack">
              <Paragraph>
                {view.status === 'followUp' || view.outcome?.continued
                  ? msg.clocks.reapplyExtensionIntro
                  : msg.clocks.reapplyIntro}
              </Paragraph>
              <div>
                <Button type="submit" variant="secondary">
                  {msg.clocks.reapply}
                </Button>
              </div>
            </Form>
          )}
        </div>
      )}

      {view.retrospective && <Paragraph>{msg.clocks.retrospectiveStages}</Paragraph>}
      {view.stages.length > 0 && (
        <TableScroll label={msg.clocks.stageTimesTitle}>
          <Table>
            <caption>{msg.clocks.stageTimesTitle}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{msg.clocks.stageColumn}</Table.HeaderCell>
                <Table.HeaderCell>{msg.clocks.visitsColumn}</Table.HeaderCell>
                <Table.HeaderCell>{msg.clocks.timeColumn}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.stages.map((s) => (
                <Table.Row key={s.status}>
                  <Table.HeaderCell scope="row">{msg.statuses[s.status]}</Table.HeaderCell>
                  <Table.Cell>{s.visits}</Table.Cell>
                  <Table.Cell>
                    {duration(s.ms)}
                    {s.current ? ` (${msg.clocks.ongoing})` : ''}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
