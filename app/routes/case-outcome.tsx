import { Alert, Heading } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { getCaseClocks } from '../features/clocks/clocks.server';
import { CaseError } from '../features/cases/domain/errors';
import { recordOutcome } from '../features/followup/followup.server';
import {
  OutcomeForm,
  unsavedOutcome,
  type OutcomeField,
} from '../features/followup/ui/FollowUpForms';
import { msg } from '../i18n';
import { CASE_ERROR_STATUS, loadCase, notFoundPost } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/case-outcome';
import { RouteLink } from '../ui/RouteLink';
import { ProblemAlert } from '../ui/ProblemAlert';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCaseClocks(context.db, actor, params.caseId, new Date()));
  return { caseId: view.caseId, version: view.version, canRecord: view.canRecordOutcome };
}

const FIELDS: readonly OutcomeField[] = [
  'version',
  'effect',
  'sideEffects',
  'continuation',
  'stopReason',
];

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), FIELDS);
  try {
    const result = await recordOutcome(context.db, actor, params.caseId, {
      ...values,
      version: Number(values.version),
    });
    if (!result.ok) return data({ problem: null, errors: result.errors, values }, { status: 400 });
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (error.code === 'notFound') notFoundPost(values);
    const problem = error.code === 'invalid' ? null : error.code;
    return data({ problem, errors: {}, values }, { status: CASE_ERROR_STATUS[error.code] });
  }
  return redirect(`/saker/${params.caseId}?frister=utfall`);
}

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

/** The outcome form on its own: where a refused post lands, with what was typed kept. */
export default function CaseOutcome({ loaderData, actionData }: Route.ComponentProps) {
  const { caseId, version, canRecord } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.clocks.outcomePageTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {msg.clocks.outcomePageTitle}
      </Heading>
      {/* Said once: a refused post's problem, else why there is no form. The form still there
          keeps what was typed; a form gone leaves it in the problem to copy. */}
      {actionData?.problem ? (
        <ProblemAlert
          message={msg.problems[actionData.problem]}
          unsaved={canRecord ? [] : unsavedOutcome(actionData.values)}
        />
      ) : (
        !canRecord && <Alert data-color="info">{msg.problems.invalidTransition}</Alert>
      )}
      {canRecord && (
        <OutcomeForm
          caseId={caseId}
          version={version}
          state={actionData ?? null}
          headingLevel={2}
        />
      )}
      <RouteLink to={`/saker/${caseId}`}>{msg.clocks.backToCase}</RouteLink>
    </div>
  );
}
