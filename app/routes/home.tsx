import { Button, Heading, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { listMyCases, type CaseListItem, type ListCursor } from '../features/cases/cases.server';
import {
  decodeListCursor,
  encodeListCursor,
  MY_CASES_LISTS,
  type MyCasesList,
} from '../features/cases/list-cursor';
import { OutcomeTag, StatusTag } from '../features/cases/ui/StatusTag';
import { consultationsHome } from '../features/consultations/consultations.server';
import { ConsultationsToUs } from '../features/consultations/ui/ConsultationsToUs';
import { openInquiriesToUs } from '../features/inquiries/inquiries.server';
import { InquiriesWaiting } from '../features/inquiries/ui/InquiriesWaiting';
import { isOverdue, overdueFirst } from '../features/clocks/domain/clocks';
import { UrgentTag } from '../features/clocks/ui/ClocksPanel';
import { parseCohortPage } from '../features/precedents/domain/cohort';
import { cohortSignal } from '../features/precedents/precedents.server';
import { CohortSignals } from '../features/precedents/ui/CohortSignals';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import { Pager } from '../ui/Pager';
import { RouteLink } from '../ui/RouteLink';
import type { Route } from './+types/home';
import { TableScroll } from '../ui/TableScroll';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  // «Vis flere»: the next page of a list (what waits, the other active cases, the finished ones)
  // starts after its cursor (keyset, no offset); a malformed cursor shows the first page.
  const query = new URL(request.url).searchParams;
  const cursors = {
    venter: decodeListCursor('venter', query.get('venter')),
    andre: decodeListCursor('andre', query.get('andre')),
    avsluttet: decodeListCursor('avsluttet', query.get('avsluttet')),
  } satisfies Record<MyCasesList, ListCursor | null>;
  const cohortPage = parseCohortPage(query.get('kohorter'));
  // Overdue first; "overdue" as of this request.
  const now = new Date();
  // The lists, the cohort signal for the decision maker (features/precedents, a page of cohorts
  // at a time), the consultations other trusts have asked this trust about
  // (features/consultations) and the inquiries waiting for its director's answer
  // (features/inquiries): independent reads, each in its own transaction, side by side.
  const [{ waiting, others, finished }, cohorts, consultations, inquiries] = await Promise.all([
    listMyCases(context.db, actor, {
      waiting: cursors.venter,
      others: cursors.andre,
      finished: cursors.avsluttet,
    }),
    cohortSignal(context.db, actor, now, cohortPage),
    consultationsHome(context.db, actor, new URL(request.url)),
    openInquiriesToUs(context.db, actor),
  ]);
  // A link to one list's page (or the cohorts') keeps the other lists where they are.
  const link = (
    section: MyCasesList | 'cohorts',
    at: { cursor?: ListCursor | null; cohortPage?: number },
  ) => {
    const params = new URLSearchParams();
    for (const name of MY_CASES_LISTS) {
      const cursor = name === section ? at.cursor : cursors[name];
      if (cursor) params.set(name, encodeListCursor(name, cursor));
    }
    const page = section === 'cohorts' ? at.cohortPage : cohortPage;
    if (page) params.set('kohorter', String(page + 1));
    const search = params.toString();
    return `/${search ? `?${search}` : ''}#${section}`;
  };
  const pager = (list: MyCasesList, next: ListCursor | null) => ({
    first: cursors[list] ? link(list, { cursor: null }) : null,
    next: next ? link(list, { cursor: next }) : null,
  });
  const mark = (items: CaseListItem[]) =>
    overdueFirst(items, now).map((item) => ({ ...item, overdue: isOverdue(item.dueAt, now) }));
  // A co-author works the drafts they were invited to (and anyone invited as one, whatever their
  // roles, has cases listed here).
  const worksCases =
    (['applicant', 'coAuthor', 'endorser', 'decisionMaker', 'assessor'] as const).some((r) =>
      hasRole(actor, r),
    ) || [waiting, others, finished].some((list) => list.items.length > 0);
  return {
    waiting: mark(waiting.items),
    waitingTotal: waiting.total,
    waitingPager: pager('venter', waiting.next),
    others: mark(others.items),
    othersPager: pager('andre', others.next),
    finished: mark(finished.items),
    finishedPager: pager('avsluttet', finished.next),
    canApply: hasRole(actor, 'applicant'),
    // The same rule as the header's «Administrasjon» link.
    canAdminister: hasRole(actor, 'trustAdmin') || hasRole(actor, 'decisionMaker'),
    worksCases,
    consultations,
    inquiries,
    cohorts,
    cohortsPager: {
      first: cohortPage > 0 ? link('cohorts', { cohortPage: 0 }) : null,
      next: cohorts.more ? link('cohorts', { cohortPage: cohortPage + 1 }) : null,
    },
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
    <TableScroll label={caption}>
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
                <Table.Cell className="sp-nowrap">
                  <RouteLink to={`/saker/${item.id}`} aria-label={msg.myCases.open(label)}>
                    {label}
                  </RouteLink>
                </Table.Cell>
                <Table.Cell>{item.drug || '–'}</Table.Cell>
                <Table.Cell>
                  {item.diagnosisCode
                    ? `${item.diagnosisCode}${item.diagnosisName ? ` ${item.diagnosisName}` : ''}`
                    : '–'}
                </Table.Cell>
                <Table.Cell>
                  <div className="sp-row">
                    <StatusTag status={item.status} />
                    {item.outcome && <OutcomeTag outcome={item.outcome} />}
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
    </TableScroll>
  );
}

/**
 * One list of «Mine saker»: its heading (with the count of the whole list, when given), a page of
 * its cases, and its page links.
 */
function CaseListSection({
  id,
  title,
  count,
  items,
  empty,
  pager,
  firstLabel,
  nextLabel,
}: {
  id: MyCasesList;
  title: string;
  count?: number;
  items: (CaseListItem & { overdue: boolean })[];
  empty: string;
  pager: { first: string | null; next: string | null };
  firstLabel: string;
  nextLabel: string;
}) {
  return (
    <section className="sp-stack" aria-labelledby={id}>
      <Heading level={2} data-size="md" id={id}>
        {title}
        {count !== undefined && (
          <>
            {' '}
            <Tag data-color={count > 0 ? 'warning' : 'neutral'}>{count}</Tag>
          </>
        )}
      </Heading>
      <CaseTable caption={title} items={items} empty={empty} />
      <Pager
        {...pager}
        label={msg.myCases.pagesOf(title)}
        firstLabel={firstLabel}
        nextLabel={nextLabel}
      />
    </section>
  );
}

/** For a role without cases (the national reader, the administrator): what they can use. */
function OtherModules({ canAdminister }: { canAdminister: boolean }) {
  const t = msg.myCases.otherModules;
  const links = [
    { to: '/nasjonalt', name: msg.app.national, text: t.national },
    { to: '/statistikk', name: msg.app.statistics, text: t.statistics },
    ...(canAdminister ? [{ to: '/admin', name: msg.app.admin, text: t.admin }] : []),
  ];
  return (
    <>
      <Paragraph>{msg.myCases.noCaseRole}</Paragraph>
      <List.Unordered>
        {links.map((link) => (
          <List.Item key={link.to}>
            <RouteLink to={link.to}>{link.name}</RouteLink>
            {`: ${link.text}`}
          </List.Item>
        ))}
      </List.Unordered>
    </>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const {
    waiting,
    waitingTotal,
    waitingPager,
    others,
    othersPager,
    finished,
    finishedPager,
    canApply,
    worksCases,
  } = loaderData;
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
      {!worksCases && <OtherModules canAdminister={loaderData.canAdminister} />}
      <ConsultationsToUs data={loaderData.consultations} />
      <InquiriesWaiting items={loaderData.inquiries} />
      <CohortSignals {...loaderData.cohorts} pager={loaderData.cohortsPager} />
      {worksCases && (
        <>
          <CaseListSection
            id="venter"
            title={msg.myCases.waiting}
            count={waitingTotal}
            items={waiting}
            empty={waitingPager.first ? msg.myCases.waitingNoMore : msg.myCases.waitingEmpty}
            pager={waitingPager}
            firstLabel={msg.myCases.waitingOldest}
            nextLabel={msg.myCases.waitingMore}
          />
          <CaseListSection
            id="andre"
            title={msg.myCases.others}
            items={others}
            empty={othersPager.first ? msg.myCases.othersNoMore : msg.myCases.othersEmpty}
            pager={othersPager}
            firstLabel={msg.myCases.othersNewest}
            nextLabel={msg.myCases.othersMore}
          />
          <CaseListSection
            id="avsluttet"
            title={msg.myCases.finished}
            items={finished}
            empty={msg.myCases.finishedEmpty}
            pager={finishedPager}
            firstLabel={msg.myCases.finishedNewest}
            nextLabel={msg.myCases.finishedMore}
          />
        </>
      )}
    </div>
  );
}
