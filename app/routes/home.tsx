import { Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { listMyCases, type CaseListItem } from '../features/cases/cases.server';
import { decodeFinishedCursor, encodeFinishedCursor } from '../features/cases/list-cursor';
import { StatusTag } from '../features/cases/ui/StatusTag';
import { consultationsHome } from '../features/consultations/consultations.server';
import { ConsultationsToUs } from '../features/consultations/ui/ConsultationsToUs';
import { isOverdue, overdueFirst } from '../features/clocks/domain/clocks';
import { UrgentTag } from '../features/clocks/ui/ClocksPanel';
import { cohortSignal } from '../features/precedents/precedents.server';
import { CohortSignals } from '../features/precedents/ui/CohortSignals';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/home';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  // «Vis flere»: the next page of finished cases starts after the cursor (keyset, no offset);
  // a malformed cursor shows the first page.
  const after = decodeFinishedCursor(new URL(request.url).searchParams.get('avsluttet'));
  const { waiting, others, finished } = await listMyCases(context.db, actor, after);
  // Overdue first; "overdue" as of this request.
  const now = new Date();
  const mark = (items: CaseListItem[]) =>
    overdueFirst(items, now).map((item) => ({ ...item, overdue: isOverdue(item.dueAt, now) }));
  const worksCases = (['applicant', 'endorser', 'decisionMaker', 'assessor'] as const).some((r) =>
    hasRole(actor, r),
  );
  return {
    waiting: mark(waiting),
    others: mark(others),
    finished: mark(finished.items),
    finishedIsFirstPage: after === null,
    finishedNext: finished.next
      ? `/?avsluttet=${encodeFinishedCursor(finished.next)}#avsluttet`
      : null,
    canApply: hasRole(actor, 'applicant'),
    worksCases,
    // Consultation: cases other trusts have asked this trust about (features/consultations).
    consultations: await consultationsHome(context.db, actor, new URL(request.url)),
    // Cohort signal for the decision maker (features/precedents).
    cohorts: await cohortSignal(context.db, actor, now),
  };
}

function CaseTable({
  caption,
  items,
  empty,
}: {
  caption: string;
  items: (CaseListItem & { overdue: boolean })[];
  empty: string;
}) {
  if (items.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <Table zebra>
      <caption className="ds-sr-only">{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{msg.myCases.caseNumber}</Table.HeaderCell>
          <Table.HeaderCell>{msg.myCases.drug}</Table.HeaderCell>
          <Table.HeaderCell>{msg.myCases.indication}</Table.HeaderCell>
          <Table.HeaderCell>{msg.myCases.status}</Table.HeaderCell>
          <Table.HeaderCell>{msg.clocks.dueColumn}</Table.HeaderCell>
          <Table.HeaderCell>{msg.myCases.updated}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((item) => {
          const label = item.caseNumber ?? msg.myCases.noCaseNumber;
          return (
            <Table.Row key={item.id}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/saker/${item.id}`} aria-label={msg.myCases.open(label)}>
                    {label}
                  </RouterLink>
                </Link>
              </Table.Cell>
              <Table.Cell>{item.drug || '–'}</Table.Cell>
              <Table.Cell>{item.indication || '–'}</Table.Cell>
              <Table.Cell>
                <div className="sp-row">
                  <StatusTag status={item.status} />
                  {item.urgent && <UrgentTag />}
                </div>
              </Table.Cell>
              <Table.Cell>
                <div className="sp-row">
                  {item.dueAt ? msg.dateTime(new Date(item.dueAt)) : '–'}
                  {item.overdue && <Tag data-color="danger">{msg.clocks.overdueTag}</Tag>}
                </div>
              </Table.Cell>
              <Table.Cell>{msg.dateTime(new Date(item.updatedAt))}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { waiting, others, finished, finishedNext, finishedIsFirstPage, canApply, worksCases } =
    loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.myCases.title, msg.app.name)}</title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          {msg.myCases.title}
        </Heading>
        {canApply && (
          <Button asChild>
            <RouterLink to="/saker/ny">{msg.app.newApplication}</RouterLink>
          </Button>
        )}
      </div>
      {!worksCases && <Paragraph>{msg.myCases.noCaseRole}</Paragraph>}
      <ConsultationsToUs data={loaderData.consultations} />
      <CohortSignals {...loaderData.cohorts} />
      {worksCases && (
        <>
          <section className="sp-stack" aria-labelledby="waiting">
            <Heading level={2} data-size="md" id="waiting">
              {msg.myCases.waiting}{' '}
              <Tag data-color={waiting.length > 0 ? 'warning' : 'neutral'}>{waiting.length}</Tag>
            </Heading>
            <CaseTable
              caption={msg.myCases.waiting}
              items={waiting}
              empty={msg.myCases.waitingEmpty}
            />
          </section>
          <section className="sp-stack" aria-labelledby="others">
            <Heading level={2} data-size="md" id="others">
              {msg.myCases.others}
            </Heading>
            <CaseTable
              caption={msg.myCases.others}
              items={others}
              empty={msg.myCases.othersEmpty}
            />
          </section>
          <section className="sp-stack" aria-labelledby="avsluttet">
            <Heading level={2} data-size="md" id="avsluttet">
              {msg.myCases.finished}
            </Heading>
            <CaseTable
              caption={msg.myCases.finished}
              items={finished}
              empty={msg.myCases.finishedEmpty}
            />
            <div className="sp-row">
              {!finishedIsFirstPage && (
                <Link asChild>
                  <RouterLink to="/#avsluttet">{msg.myCases.finishedNewest}</RouterLink>
                </Link>
              )}
              {finishedNext && (
                <Link asChild>
                  <RouterLink to={finishedNext}>{msg.myCases.finishedMore}</RouterLink>
                </Link>
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
