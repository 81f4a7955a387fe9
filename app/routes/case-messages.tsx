import { Heading } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { CaseError } from '../features/cases/domain/errors';
import { ReturnedQuestion } from '../features/cases/ui/ReturnedQuestion';
import { loadDialogPage, postMessage } from '../features/dialog/dialog.server';
import { SENT_FLAG } from '../features/dialog/http.server';
import { DialogThread, type SubmittedMessage } from '../features/dialog/ui/DialogThread';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/case-messages';
import { RouteLink } from '../ui/RouteLink';
import { KeepTogether } from '../ui/KeepTogether';

/** The dialog on its own page: where a refused post comes back to, with what was typed. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  return { view: await loadCase(() => loadDialogPage(context.db, actor, params.caseId)) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), ['body', 'visibility'] as const);
  try {
    const result = await loadCase(
      () => postMessage(context.db, actor, params.caseId, values),
      values,
    );
    if (!result.ok) {
      return data<SubmittedMessage>(
        { errors: result.errors, problem: null, values },
        { status: 400 },
      );
    }
  } catch (error) {
    if (error instanceof CaseError && error.code === 'forbidden') {
      return data<SubmittedMessage>({ errors: [], problem: 'forbidden', values }, { status: 403 });
    }
    throw error;
  }
  return redirect(`/saker/${params.caseId}?${SENT_FLAG}=sendt#dialog`);
}

export default function CaseMessages({ loaderData, actionData }: Route.ComponentProps) {
  const { view } = loaderData;
  const label = view.caseNumber ?? msg.case.draftLabel;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.dialog.pageTitle(label), msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        <KeepTogether text={msg.dialog.pageTitle(label)} part={view.caseNumber} />
      </Heading>
      {view.question && <ReturnedQuestion caseId={view.caseId} open={view.question} />}
      <section id="dialog" className="sp-stack" aria-label={msg.dialog.title}>
        <DialogThread view={view} sent={false} submitted={actionData ?? null} headingLevel={2} />
      </section>
      <RouteLink to={`/saker/${view.caseId}#dialog`}>{msg.dialog.backToCase}</RouteLink>
    </div>
  );
}
