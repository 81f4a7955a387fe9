import { Alert, Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { createPhrase, listPhrases, setPhraseActive } from '../features/decisions/decisions.server';
import { phraseRefusal } from '../features/decisions/http.server';
import { PHRASE_KINDS } from '../features/decisions/domain/phrases';
import { PHRASE_FIELDS, PhraseForm } from '../features/decisions/ui/PhraseForm';
import { msg } from '../i18n';
import { formText, formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/admin-phrases';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';

const NOTICES = ['created', 'saved', 'deactivated', 'activated'] as const;
type Notice = (typeof NOTICES)[number];

/** GET /admin/vedtakstekster: the trust's decision phrases by kind, and a form to add one. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const { phrases, canEdit } = await listPhrases(context.db, actor).catch(phraseRefusal);
  const notice = new URL(request.url).searchParams.get('utfort');
  return {
    phrases,
    canEdit,
    notice: NOTICES.find((n) => n === notice) ?? null,
  };
}

/** POST: add a phrase, or deactivate / activate one (administrators only). */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const done = (notice: Notice) => redirect(`/admin/vedtakstekster?utfort=${notice}`);
  try {
    if (intent === 'deactivate' || intent === 'activate') {
      await setPhraseActive(context.db, actor, formText(form, 'id'), intent === 'activate');
      return done(intent === 'activate' ? 'activated' : 'deactivated');
    }
    const values = formTexts(form, PHRASE_FIELDS);
    const result = await createPhrase(context.db, actor, values);
    if (!result.ok) return data({ values, errors: result.errors }, { status: 400 });
    return done('created');
  } catch (error) {
    return phraseRefusal(error);
  }
}

export default function PhrasesPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.decisionModule.phrases;
  const { phrases, canEdit, notice } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {!canEdit && <Alert data-color="info">{t.readOnly}</Alert>}
      {notice && !actionData && <Alert data-color="success">{t[notice]}</Alert>}
      {PHRASE_KINDS.map((kind) => {
        const ofKind = phrases.filter((p) => p.kind === kind);
        return (
          <section key={kind} className="sp-stack" aria-labelledby={`kind-${kind}`}>
            <Heading level={2} data-size="sm" id={`kind-${kind}`}>
              {t.kinds[kind]}
            </Heading>
            {ofKind.length === 0 ? (
              <Paragraph>{t.empty}</Paragraph>
            ) : (
              <TableScroll label={t.kinds[kind]}>
                <Table>
                  <caption className="ds-sr-only">{t.kinds[kind]}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t.titleField}</Table.HeaderCell>
                      <Table.HeaderCell>{t.textField}</Table.HeaderCell>
                      <Table.HeaderCell>{t.sortOrder}</Table.HeaderCell>
                      <Table.HeaderCell>{t.status}</Table.HeaderCell>
                      {canEdit && <Table.HeaderCell>{msg.case.actions}</Table.HeaderCell>}
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {ofKind.map((phrase) => (
                      <Table.Row key={phrase.id}>
                        <Table.Cell>{phrase.title}</Table.Cell>
                        <Table.Cell>{phrase.text}</Table.Cell>
                        <Table.Cell>{phrase.sortOrder}</Table.Cell>
                        <Table.Cell>{phrase.active ? t.active : t.inactive}</Table.Cell>
                        {canEdit && (
                          <Table.Cell>
                            <div className="sp-row">
                              <RouteLink to={`/admin/vedtakstekster/${phrase.id}`}>
                                {t.edit(phrase.title)}
                              </RouteLink>
                              <Form method="post">
                                <input
                                  type="hidden"
                                  name="intent"
                                  value={phrase.active ? 'deactivate' : 'activate'}
                                />
                                <input type="hidden" name="id" value={phrase.id} />
                                <Button
                                  type="submit"
                                  variant="secondary"
                                  data-size="sm"
                                  aria-label={`${phrase.active ? t.deactivate : t.activate}: ${phrase.title}`}
                                >
                                  {phrase.active ? t.deactivate : t.activate}
                                </Button>
                              </Form>
                            </div>
                          </Table.Cell>
                        )}
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
          </section>
        );
      })}
      {canEdit && (
        <Card>
          <Heading level={2} data-size="sm" id="add-phrase">
            {t.addTitle}
          </Heading>
          <PhraseForm
            idPrefix="new"
            headingId="add-phrase"
            values={actionData?.values ?? { kind: '', title: '', text: '', sortOrder: '' }}
            errors={actionData?.errors ?? {}}
            submitLabel={t.add}
          />
        </Card>
      )}
      <RouteLink to="/admin">{msg.app.admin}</RouteLink>
    </div>
  );
}
