import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { requireRegistrar } from '../features/retrospective/http.server';
import { confirmImport, previewImport } from '../features/retrospective/retrospective.server';
import { ImportReport } from '../features/retrospective/ui/ImportReport';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/retrospective-preview';
import { RouteLink } from '../ui/RouteLink';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await requireRegistrar(request, context);
  const preview = await previewImport(context.db, actor, params.importId);
  if (!preview) throw redirect('/etterregistrering/import?utlopt');
  return { preview };
}

/** Confirms the import: the kept rows are validated again and imported all together, or not at all. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await requireRegistrar(request, context);
  const result = await confirmImport(context.db, actor, params.importId);
  if (result.ok) return redirect(`/etterregistrering?importert=${result.count}`);
  if (result.expired) return redirect('/etterregistrering/import?utlopt');
  return data({ reports: result.reports }, { status: 409 });
}

const t = msg.retrospective;

export default function RetrospectivePreview({ loaderData, actionData }: Route.ComponentProps) {
  const { preview } = loaderData;
  // The action answers only a refusal (409): rows no longer valid, in its report.
  const refused = actionData !== undefined;
  const reports = actionData?.reports ?? preview.reports;
  const ok = !refused && preview.ok;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.importTitle, msg.app.name, refused)}</title>
      <Heading level={1} data-size="lg">
        {t.importTitle}
      </Heading>
      <Paragraph>{t.noPatient}</Paragraph>
      <ImportReport fileName={preview.fileName} reports={reports} />
      {ok && (
        <Form method="post">
          <Button type="submit">{t.confirm(reports.length)}</Button>
        </Form>
      )}
      <RouteLink to="/etterregistrering/import">{t.cancel}</RouteLink>
    </div>
  );
}
