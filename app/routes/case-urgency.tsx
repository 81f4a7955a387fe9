import { Alert, Heading } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { getCaseClocks, setUrgency } from '../features/clocks/clocks.server';
import { CaseError } from '../features/cases/domain/errors';
import { UrgencyForm, type UrgencyField } from '../features/followup/ui/FollowUpForms';
import { msg } from '../i18n';
import { CASE_ERROR_STATUS, loadCase, notFoundPost } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/case-urgency';
import { ProblemAlert } from '../ui/ProblemAlert';
import { RouteLink } from '../ui/RouteLink';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCaseClocks(context.db, actor, params.caseId, new Date()));
  return { caseId: view.caseId, urgent: view.urgent, canSetUrgency: view.canSetUrgency };
}

const FIELDS: readonly UrgencyField[] = ['urgent', 'reason'];

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), FIELDS);
  const urgent = values.urgent === 'yes';
  try {
    const result = await setUrgency(context.db, actor, params.caseId, {
      urgent,
      reason: values.reason,
    });
    if (!result.ok) return data({ problem: null, errors: result.errors, values }, { status: 400 });
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (error.code === 'notFound') notFoundPost(values);
    const problem = error.code === 'invalid' ? null : error.code;
    return data({ problem, errors: {}, values }, { status: CASE_ERROR_STATUS[error.code] });
  }
  return redirect(`/saker/${params.caseId}?frister=${urgent ? 'haster' : 'ikke-haster'}`);
}

/** The urgency form on its own: where a refused post lands, with what was typed kept. */
export default function CaseUrgency({ loaderData, actionData }: Route.ComponentProps) {
  const { caseId, urgent, canSetUrgency } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.clocks.urgencyPageTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {msg.clocks.urgencyPageTitle}
      </Heading>
      {actionData?.problem && (
        <ProblemAlert
          message={msg.problems[actionData.problem]}
          // The form is gone (the case moved on): the reason typed is shown to copy.
          unsaved={
            canSetUrgency
              ? []
              : [{ label: msg.clocks.urgencyReason, text: actionData.values.reason }]
          }
        />
      )}
      {canSetUrgency ? (
        <UrgencyForm caseId={caseId} urgent={urgent} state={actionData ?? null} />
      ) : (
        !actionData?.problem && <Alert data-color="info">{msg.problems.forbidden}</Alert>
      )}
      <RouteLink to={`/saker/${caseId}`}>{msg.clocks.backToCase}</RouteLink>
    </div>
  );
}
