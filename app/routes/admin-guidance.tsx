import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { listGuidance } from '../features/guidance/guidance.server';
import { guidanceRefusal } from '../features/guidance/http.server';
import { GUIDANCE_PLACE_SLUGS, hasGuidance } from '../features/guidance/domain/guidance';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/admin-guidance';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';

/** GET /admin/veiledning: the trust's own guidance per place (administrators only). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const entries = await listGuidance(context.db, actor).catch(guidanceRefusal);
  return {
    entries,
    trustName: actor.trustName,
    saved: new URL(request.url).searchParams.get('utfort') === 'saved',
  };
}

/** The first characters of a text, for the overview. */
const preview = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

export default function GuidancePage({ loaderData }: Route.ComponentProps) {
  const t = msg.guidanceAdmin;
  const { entries, trustName, saved } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro(trustName)}</Paragraph>
      {saved && <Alert data-color="success">{t.saved}</Alert>}
      <TableScroll label={t.title}>
        <Table>
          <caption className="ds-sr-only">{t.title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.place}</Table.HeaderCell>
              <Table.HeaderCell>{t.current}</Table.HeaderCell>
              <Table.HeaderCell>{t.linksColumn}</Table.HeaderCell>
              <Table.HeaderCell>{t.changed}</Table.HeaderCell>
              <Table.HeaderCell>{msg.case.actions}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {entries.map((entry) => (
              <Table.Row key={entry.place}>
                <Table.Cell>
                  {t.places[entry.place]}
                  <Paragraph data-size="xs">{t.placeHelp[entry.place]}</Paragraph>
                </Table.Cell>
                <Table.Cell>{hasGuidance(entry) ? preview(entry.text) : t.none}</Table.Cell>
                <Table.Cell>{entry.links.length}</Table.Cell>
                <Table.Cell>
                  {entry.updatedAt && entry.updatedByName
                    ? t.changedBy(entry.updatedByName, entry.updatedAt)
                    : t.never}
                </Table.Cell>
                <Table.Cell>
                  <RouteLink to={`/admin/veiledning/${GUIDANCE_PLACE_SLUGS[entry.place]}`}>
                    {t.edit(t.places[entry.place])}
                  </RouteLink>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <RouteLink to="/admin">{msg.app.admin}</RouteLink>
    </div>
  );
}
