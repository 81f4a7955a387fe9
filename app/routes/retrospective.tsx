import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { listRetrospective } from '../features/retrospective/retrospective.server';
import { requireRegistrar } from '../features/retrospective/http.server';
import type { DecisionOutcome } from '../features/cases/domain/application';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/retrospective';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireRegistrar(request, context);
  const imported = Number(new URL(request.url).searchParams.get('importert') ?? '');
  return {
    trustName: actor.trustName,
    imported: Number.isInteger(imported) && imported > 0 ? imported : null,
    items: await listRetrospective(context.db, actor),
  };
}

const t = msg.retrospective;

/** Etterregistrering: what it is, the two ways to register, and the trust's registered cases. */
export default function Retrospective({ loaderData }: Route.ComponentProps) {
  const { items, imported, trustName } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{trustName}</Paragraph>
      {imported && <Alert data-color="success">{t.imported(imported)}</Alert>}
      <Paragraph>{t.intro}</Paragraph>
      <Alert data-color="info">{t.noPatient}</Alert>
      <div className="sp-row">
        <RouteLink to="/etterregistrering/ny">{t.newCase}</RouteLink>
        <RouteLink to="/etterregistrering/import">{t.importCases}</RouteLink>
      </div>
      <Heading level={2} data-size="md">
        {t.listTitle}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t.listEmpty}</Paragraph>
      ) : (
        <TableScroll label={t.listCaption(items.length)}>
          <Table zebra>
            <caption>{t.listCaption(items.length)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{msg.myCases.caseNumber}</Table.HeaderCell>
                <Table.HeaderCell>{t.columns.reference}</Table.HeaderCell>
                <Table.HeaderCell>{t.columns.department}</Table.HeaderCell>
                <Table.HeaderCell>{t.columns.submittedDate}</Table.HeaderCell>
                <Table.HeaderCell>{t.columns.outcome}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => (
                <Table.Row key={item.id}>
                  <Table.Cell className="sp-nowrap">
                    <RouteLink to={`/saker/${item.id}`}>{item.caseNumber}</RouteLink>
                  </Table.Cell>
                  <Table.Cell>{item.reference ?? ''}</Table.Cell>
                  <Table.Cell>{item.department}</Table.Cell>
                  <Table.Cell>
                    {item.submittedAt ? t.date(new Date(item.submittedAt)) : ''}
                  </Table.Cell>
                  <Table.Cell>{msg.outcomes[item.outcome as DecisionOutcome]}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
