import { Alert, Card, Heading } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import {
  consultationSection,
  requestConsultation,
} from '../features/consultations/consultations.server';
import { consultationErrorData } from '../features/consultations/errors.server';
import {
  REQUEST_FIELDS,
  RequestForm,
  unsavedRequest,
} from '../features/consultations/ui/ConsultationForms';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/consultation-request';
import { ProblemAlert } from '../ui/ProblemAlert';
import { RouteLink } from '../ui/RouteLink';

/**
 * GET shows the form on its own (where a refused POST lands); only the case's director may ask,
 * and anyone else is sent to the case. When the director cannot ask now (the case was returned in
 * another tab) the page says so rather than redirecting: a refused POST lands here too, and its
 * question must not be lost.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const section = await loadCase(() =>
    consultationSection(context.db, actor, params.caseId, new URL(request.url)),
  );
  if (section.panel?.mode !== 'home' || !section.panel.asks) {
    throw redirect(`/saker/${params.caseId}`);
  }
  return { section, panel: section.panel };
}

/** POST /saker/:caseId/konsultasjon: the director consults another trust. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), REQUEST_FIELDS);
  try {
    await requestConsultation(context.db, actor, params.caseId, {
      version: Number(values.version),
      consultedTrustId: values.consultedTrustId,
      question: values.question,
      deadline: values.deadline,
    });
  } catch (error) {
    return consultationErrorData(error, values);
  }
  return redirect(`/saker/${params.caseId}?konsultasjon=requested`);
}

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

export default function ConsultationRequestPage({
  loaderData,
  actionData,
  params,
}: Route.ComponentProps) {
  const { section, panel } = loaderData;
  return (
    <div className="sp-stack">
      <title>
        {pageTitle(msg.consultations.requestTitle, msg.app.name, postFailed(actionData))}
      </title>
      <Heading level={1} data-size="lg" id="consultation-request">
        {msg.consultations.requestTitle}
      </Heading>
      {panel.canRequest ? (
        <Card>
          <RequestForm
            caseId={params.caseId}
            version={panel.caseVersion}
            trusts={panel.trusts}
            today={section.today}
            maxDeadline={section.maxDeadline}
            submitted={actionData ?? null}
          />
        </Card>
      ) : actionData?.problem ? (
        // The form is gone: the refusal, with the question to copy.
        <ProblemAlert
          message={msg.problems[actionData.problem]}
          unsaved={unsavedRequest(actionData.values)}
        />
      ) : (
        <Alert data-color="info">{msg.problems.invalidTransition}</Alert>
      )}
      <RouteLink to={`/saker/${params.caseId}`}>{msg.consultations.backToCase}</RouteLink>
    </div>
  );
}
