import { Alert, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { getGuidance, saveGuidance } from '../features/guidance/guidance.server';
import { guidanceRefusal } from '../features/guidance/http.server';
import { placeFromSlug } from '../features/guidance/domain/guidance';
import { GuidanceForm, guidanceValues } from '../features/guidance/ui/GuidanceForm';
import { LocalGuidance } from '../features/guidance/ui/LocalGuidance';
import { msg } from '../i18n';
import { pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/admin-guidance-place';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';

function placeOf(slug: string) {
  const place = placeFromSlug(slug);
  if (!place) throw data(null, { status: 404 });
  return place;
}

/** GET /admin/veiledning/:place: one place's guidance to edit, and its versions. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const place = placeOf(params.place);
  return getGuidance(context.db, actor, place).catch(guidanceRefusal);
}

/**
 * POST: save the guidance. Bad input (400) and a stale version (409: someone saved since the
 * form was loaded; nothing changed) come back with what was typed still in the form.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const place = placeOf(params.place);
  const values = guidanceValues(await request.formData());
  const result = await saveGuidance(context.db, actor, place, values).catch(guidanceRefusal);
  if (result.ok) return redirect('/admin/veiledning?utfort=saved');
  if ('errors' in result) return data({ values, errors: result.errors, conflict: null }, 400);
  // The form keeps the typed text, now against the stored version: saving again is a choice
  // made with the other administrator's text in view, not a silent overwrite.
  return data(
    {
      values: { ...values, version: String(result.conflict.version) },
      errors: {},
      conflict: result.conflict,
    },
    409,
  );
}

/**
 * A save refused as stale (409) reads the page again with JavaScript too, as a browser without it
 * does: the history shows the version that won, while the form keeps what was typed.
 */
export const shouldRevalidate = revalidateAfterConflict;

export default function GuidanceEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.guidanceAdmin;
  const { entry, versions } = loaderData;
  const placeName = t.places[entry.place];
  const conflict = actionData?.conflict;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.editTitle(placeName), msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg" id="edit-guidance">
        {t.editTitle(placeName)}
      </Heading>
      <Paragraph>{t.placeHelp[entry.place]}</Paragraph>
      {conflict && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t.conflictTitle}
          </Heading>
          <Paragraph>{t.conflict(conflict.updatedByName, conflict.updatedAt)}</Paragraph>
          <Card>
            <Heading level={3} data-size="2xs">
              {t.storedNow}
            </Heading>
            {conflict.text === '' && conflict.links.length === 0 ? (
              <Paragraph data-size="sm">{t.storedEmpty}</Paragraph>
            ) : (
              <LocalGuidance guidance={conflict} id="stored-guidance" headingLevel={4} />
            )}
          </Card>
        </Alert>
      )}
      <Card>
        <GuidanceForm
          headingId="edit-guidance"
          values={
            actionData?.values ?? {
              text: entry.text,
              linkTitles: entry.links.map((l) => l.title),
              linkUrls: entry.links.map((l) => l.url),
              version: String(entry.version),
            }
          }
          errors={actionData?.errors ?? {}}
        />
      </Card>
      <section className="sp-stack" aria-labelledby="guidance-history">
        <Heading level={2} data-size="sm" id="guidance-history">
          {t.history}
        </Heading>
        {versions.length === 0 ? (
          <Paragraph>{t.noHistory}</Paragraph>
        ) : (
          <TableScroll label={t.history}>
            <Table>
              <caption className="ds-sr-only">{t.history}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.historyVersion}</Table.HeaderCell>
                  <Table.HeaderCell>{t.historyAt}</Table.HeaderCell>
                  <Table.HeaderCell>{t.historyBy}</Table.HeaderCell>
                  <Table.HeaderCell>{t.historyContent}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {versions.map((v) => (
                  <Table.Row key={v.version}>
                    <Table.Cell>{v.version}</Table.Cell>
                    <Table.Cell>{msg.dateTime(v.at)}</Table.Cell>
                    <Table.Cell>{v.changedByName}</Table.Cell>
                    <Table.Cell>{t.historyContentValue(v.textLength, v.links)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      <RouteLink to="/admin/veiledning">{t.backToList}</RouteLink>
    </div>
  );
}
