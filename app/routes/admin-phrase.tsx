import { Alert, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { getPhrase, updatePhrase } from '../features/decisions/decisions.server';
import { PHRASE_FIELDS, PhraseForm } from '../features/decisions/ui/PhraseForm';
import { msg } from '../i18n';
import { formText, formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import { phraseRefusal } from '../features/decisions/http.server';
import type { Route } from './+types/admin-phrase';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';

/** GET /admin/vedtakstekster/:phraseId: one phrase to edit (administrators), with its versions. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  return getPhrase(context.db, actor, params.phraseId).catch(phraseRefusal);
}

/**
 * POST: save the changed phrase. Bad input comes back with what was typed (400); a phrase changed
 * since the form was loaded comes back with what is stored now and what was typed (409).
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const values = formTexts(form, PHRASE_FIELDS);
  try {
    const result = await updatePhrase(context.db, actor, params.phraseId, {
      ...values,
      version: formText(form, 'version'),
    });
    if (!result.ok) {
      return 'conflict' in result
        ? data({ values, errors: {}, conflict: result.conflict }, { status: 409 })
        : data({ values, errors: result.errors, conflict: null }, { status: 400 });
    }
  } catch (error) {
    return phraseRefusal(error);
  }
  return redirect('/admin/vedtakstekster?utfort=saved');
}

/**
 * A save refused as stale (409) reads the page again with JavaScript too, as a browser without it
 * does: the history shows the version that won, while the form keeps what was typed.
 */
export const shouldRevalidate = revalidateAfterConflict;

export default function PhraseEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.decisionModule.phrases;
  const { phrase, versions } = loaderData;
  const conflict = actionData?.conflict ?? null;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.editTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg" id="edit-phrase">
        {t.editTitle}
      </Heading>
      {conflict && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t.conflictTitle}
          </Heading>
          <Paragraph>{t.conflict(conflict.changedByName, conflict.at)}</Paragraph>
          <Card>
            <Heading level={3} data-size="2xs">
              {t.storedNow}
            </Heading>
            <Paragraph data-size="sm">
              <strong>{conflict.phrase.title}</strong> ({t.kindSingular[conflict.phrase.kind]})
            </Paragraph>
            <p className="sp-quote">{conflict.phrase.text}</p>
          </Card>
        </Alert>
      )}
      <Card>
        <PhraseForm
          idPrefix="edit"
          headingId="edit-phrase"
          values={
            actionData?.values ?? {
              kind: phrase.kind,
              title: phrase.title,
              text: phrase.text,
              sortOrder: String(phrase.sortOrder),
            }
          }
          errors={actionData?.errors ?? {}}
          submitLabel={t.save}
          // After a conflict the form carries the version stored now: saving again replaces it knowingly.
          version={conflict?.phrase.version ?? phrase.version}
        />
      </Card>
      <section className="sp-stack" aria-labelledby="phrase-history">
        <Heading level={2} data-size="sm" id="phrase-history">
          {t.history}
        </Heading>
        <TableScroll label={t.history}>
          <Table>
            <caption className="ds-sr-only">{t.history}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.historyVersion}</Table.HeaderCell>
                <Table.HeaderCell>{t.historyAt}</Table.HeaderCell>
                <Table.HeaderCell>{t.historyBy}</Table.HeaderCell>
                <Table.HeaderCell>{t.titleField}</Table.HeaderCell>
                <Table.HeaderCell>{t.status}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {versions.map((v) => (
                <Table.Row key={v.version}>
                  <Table.Cell>{v.version}</Table.Cell>
                  <Table.Cell>{msg.dateTime(v.at)}</Table.Cell>
                  <Table.Cell>{v.changedByName ?? t.historyByNobody}</Table.Cell>
                  <Table.Cell>{v.title}</Table.Cell>
                  <Table.Cell>{v.active ? t.active : t.inactive}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </section>
      <RouteLink to="/admin/vedtakstekster">{t.backToList}</RouteLink>
    </div>
  );
}
