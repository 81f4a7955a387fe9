import { Alert, Button, Card, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { redirect, Link as RouterLink } from 'react-router';
import { getCase, transition } from '../features/cases/cases.server';
import { CaseError } from '../features/cases/domain/errors';
import { isCaseEvent } from '../features/cases/domain/workflow';
import { listAttachments } from '../features/attachments/attachments.server';
import { attachmentFlags } from '../features/attachments/domain/errors';
import { Attachments } from '../features/attachments/ui/Attachments';
import { CaseActions } from '../features/cases/ui/CaseActions';
import { loadClocksPanel } from '../features/clocks/clocks.server';
import { ClocksPanel } from '../features/clocks/ui/ClocksPanel';
import { DrugFactsCard } from '../features/fest/ui/DrugFactsCard';
import { ChangeHistory } from '../features/cases/ui/ChangeHistory';
import { QuestionnaireView } from '../features/cases/ui/QuestionnaireView';
import { StatusTag } from '../features/cases/ui/StatusTag';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle } from '../lib/form';
import type { Route } from './+types/case';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCase(context.db, actor, params.caseId));
  const url = new URL(request.url);
  const done = url.searchParams.get('utfort');
  return {
    view,
    done: done && isCaseEvent(done) ? done : null,
    clocks: await loadClocksPanel(context.db, actor, view.id, url),
    attachments: {
      ...(await listAttachments(context.db, actor, view.id)),
      ...attachmentFlags(url.searchParams),
      maxBytes: context.attachments.maxBytes,
    },
  };
}

const ACTION_FIELDS = ['event', 'version', 'reason', 'outcome', 'conditions'] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), ACTION_FIELDS);
  if (!isCaseEvent(values.event)) return caseErrorData(new CaseError('invalidTransition'), values);
  try {
    await transition(context.db, actor, {
      caseId: params.caseId,
      version: Number(values.version),
      event: values.event,
      reason: values.reason,
      outcome: values.outcome,
      conditions: values.conditions,
    });
  } catch (error) {
    return caseErrorData(error, values);
  }
  return redirect(`/saker/${params.caseId}?utfort=${values.event}`);
}

export default function CasePage({ loaderData, actionData }: Route.ComponentProps) {
  const { view, done } = loaderData;
  const label = view.caseNumber ?? msg.case.draftLabel;
  // Submission goes through the summary page, which shows what is missing first; the outcome
  // through its own form (the clocks panel).
  const actionEvents = view.events.filter(
    (e) => e !== 'submit' && e !== 'resubmit' && e !== 'recordOutcome',
  );
  const when = (d: Date | string) => msg.dateTime(new Date(d));
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.case.title(label), msg.app.name)}</title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          {msg.case.title(label)}
        </Heading>
        <StatusTag status={view.status} />
      </div>
      {done && !actionData && (
        <Alert data-color="success">{msg.case.actionDone(msg.events[done])}</Alert>
      )}
      {actionData?.problem && (
        <Alert data-color="danger">
          <Paragraph>{msg.problems[actionData.problem]}</Paragraph>
          {actionData.values.reason.trim() !== '' &&
            !(
              isCaseEvent(actionData.values.event) && view.events.includes(actionData.values.event)
            ) && (
              <>
                <Paragraph>{msg.case.unsavedText}</Paragraph>
                <blockquote className="sp-quote">{actionData.values.reason}</blockquote>
              </>
            )}
        </Alert>
      )}

      {view.decision && (
        <Card data-color={view.decision.outcome === 'rejected' ? 'danger' : 'success'}>
          <Heading level={2} data-size="md">
            {`${msg.case.decision}: ${msg.outcomes[view.decision.outcome]}`}
          </Heading>
          <dl className="sp-dl">
            <dt>{msg.case.decisionReason}</dt>
            <dd>{view.decision.reason}</dd>
            {view.decision.conditions && (
              <>
                <dt>{msg.case.decisionConditions}</dt>
                <dd>{view.decision.conditions}</dd>
              </>
            )}
            <dt>{msg.case.decidedBy}</dt>
            <dd>{view.decision.decidedByName}</dd>
            <dt>{msg.case.decidedAt}</dt>
            <dd>{when(view.decision.decidedAt)}</dd>
          </dl>
        </Card>
      )}

      <section className="sp-stack" aria-labelledby="about">
        <Heading level={2} data-size="md" id="about">
          {msg.case.about}
        </Heading>
        <dl className="sp-dl">
          <dt>{msg.case.applicant}</dt>
          <dd>{view.applicantName}</dd>
          {view.coAuthors.length > 0 && (
            <>
              <dt>{msg.coAuthors.title}</dt>
              <dd>{view.coAuthors.map((p) => p.name).join(', ')}</dd>
            </>
          )}
          <dt>{msg.case.department}</dt>
          <dd>{`${view.departmentName}, ${view.trustName}`}</dd>
          {view.submittedAt && (
            <>
              <dt>{msg.case.submittedAt}</dt>
              <dd>{when(view.submittedAt)}</dd>
            </>
          )}
        </dl>
      </section>

      <section className="sp-stack" aria-labelledby="clocks">
        <Heading level={2} data-size="md" id="clocks">
          {msg.clocks.sectionTitle}
        </Heading>
        <ClocksPanel {...loaderData.clocks} />
      </section>

      <section className="sp-stack" aria-labelledby="actions">
        <Heading level={2} data-size="md" id="actions">
          {msg.case.actions}
        </Heading>
        {view.editable && (
          <div className="sp-row">
            <Button asChild variant="secondary">
              <RouterLink to={`/saker/${view.id}/rediger`}>{msg.case.editApplication}</RouterLink>
            </Button>
            {(view.events.includes('submit') || view.events.includes('resubmit')) && (
              <Button asChild>
                <RouterLink to={`/saker/${view.id}/oppsummering`}>
                  {msg.case.reviewAndSubmit}
                </RouterLink>
              </Button>
            )}
          </div>
        )}
        {actionEvents.length === 0 && !view.editable ? (
          <Paragraph>{msg.case.noActions}</Paragraph>
        ) : (
          <CaseActions
            status={view.status}
            version={view.version}
            events={actionEvents}
            submitted={actionData ?? null}
          />
        )}
      </section>

      <section className="sp-stack" aria-labelledby="summary">
        <Heading level={2} data-size="md" id="summary">
          {msg.case.summary}
        </Heading>
        <QuestionnaireView answers={view.answers} headingLevel={3} diagnoses={view.diagnoses} />
        {view.drugFacts && <DrugFactsCard facts={view.drugFacts} headingLevel={3} />}
        <Attachments caseId={view.id} {...loaderData.attachments} />
        <div>
          <Link href={`/saker/${view.id}/eksport`} download>
            {msg.case.export}
          </Link>
        </div>
        <ChangeHistory changes={view.changes} />
      </section>

      <section className="sp-stack" aria-labelledby="history">
        <Heading level={2} data-size="md" id="history">
          {msg.case.history}
        </Heading>
        <Table>
          <caption className="ds-sr-only">{msg.case.history}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{msg.case.historyWhen}</Table.HeaderCell>
              <Table.HeaderCell>{msg.case.historyWho}</Table.HeaderCell>
              <Table.HeaderCell>{msg.case.historyWhat}</Table.HeaderCell>
              <Table.HeaderCell>{msg.case.historyWhy}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.history.map((entry, i) => (
              <Table.Row key={i}>
                <Table.Cell>{when(entry.at)}</Table.Cell>
                <Table.Cell>{`${entry.actorName} (${msg.roles[entry.actorRole]})`}</Table.Cell>
                <Table.Cell>
                  {entry.event === 'create'
                    ? msg.case.createEvent
                    : entry.event === 'inviteCoAuthor'
                      ? msg.case.inviteEvent
                      : msg.events[entry.event]}
                  {entry.fromStatus
                    ? ` (${msg.statuses[entry.fromStatus]} → ${msg.statuses[entry.toStatus]})`
                    : ''}
                </Table.Cell>
                <Table.Cell>{entry.reason ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
      <Link asChild>
        <RouterLink to="/">{msg.app.myCases}</RouterLink>
      </Link>
    </div>
  );
}
