import { Card, Heading } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { getPhrase, updatePhrase } from '../features/decisions/decisions.server';
import { PHRASE_FIELDS, PhraseForm } from '../features/decisions/ui/PhraseForm';
import { msg } from '../i18n';
import { formTexts, pageTitle } from '../lib/form';
import { phraseRefusal } from '../features/decisions/http.server';
import type { Route } from './+types/admin-phrase';
import { RouteLink } from '../ui/RouteLink';

/** GET /admin/vedtakstekster/:phraseId: one phrase to edit (administrators). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const phrase = await getPhrase(context.db, actor, params.phraseId).catch(phraseRefusal);
  return { phrase };
}

/** POST: save the changed phrase; bad input comes back with what was typed. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), PHRASE_FIELDS);
  try {
    const result = await updatePhrase(context.db, actor, params.phraseId, values);
    if (!result.ok) return data({ values, errors: result.errors }, { status: 400 });
  } catch (error) {
    return phraseRefusal(error);
  }
  return redirect('/admin/vedtakstekster?utfort=saved');
}

export default function PhraseEditPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.decisionModule.phrases;
  const { phrase } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.editTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg" id="edit-phrase">
        {t.editTitle}
      </Heading>
      <Card data-color="neutral">
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
        />
      </Card>
      <RouteLink to="/admin/vedtakstekster">{t.backToList}</RouteLink>
    </div>
  );
}
