import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import {
  answerConsultation,
  answersConsultations,
  consultationSection,
} from '../features/consultations/consultations.server';
import { consultationErrorData } from '../features/consultations/errors.server';
import {
  ANSWER_FIELDS,
  AnswerForm,
  unsavedAnswer,
} from '../features/consultations/ui/ConsultationForms';
import { CaseError } from '../features/cases/domain/errors';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/consultation-answer';
import { ProblemAlert } from '../ui/ProblemAlert';
import { RouteLink } from '../ui/RouteLink';

/**
 * GET shows the answer form on its own (where a refused POST lands); only for an open grant. Once
 * the grant has ended (a colleague answered first) the consulted trust no longer sees the case:
 * for those who answer consultations the page then says the consultation is closed, not «fant
 * ikke saken» (the same for any case they cannot see), so a late answer keeps its text.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const section = await loadCase(() =>
    consultationSection(context.db, actor, params.caseId, new URL(request.url)).catch(
      (error: unknown) => {
        if (error instanceof CaseError && error.code === 'notFound' && answersConsultations(actor))
          return null;
        throw error;
      },
    ),
  );
  // Not found, as for any case they cannot see; the page says why there is no form.
  if (!section) return data({ panel: null }, { status: 404 });
  const panel = section.panel;
  if (panel?.mode !== 'consulted' || panel.grant.id !== params.consultationId) {
    throw redirect(`/saker/${params.caseId}`);
  }
  return { panel };
}

/** POST /saker/:caseId/konsultasjon/:consultationId/svar: the consulted trust answers. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), ANSWER_FIELDS);
  try {
    await answerConsultation(context.db, actor, params.caseId, params.consultationId, {
      version: Number(values.version),
      answer: values.answer,
    });
  } catch (error) {
    return consultationErrorData(error, values);
  }
  // The read access has ended with the answer: back to the start page, not the case.
  return redirect('/?konsultasjon=answered');
}

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

export default function ConsultationAnswerPage({
  loaderData,
  actionData,
  params,
}: Route.ComponentProps) {
  const { panel } = loaderData;
  return (
    <div className="sp-stack">
      <title>
        {pageTitle(msg.consultations.answerTitle, msg.app.name, postFailed(actionData))}
      </title>
      <Heading level={1} data-size="lg" id="consultation-answer">
        {msg.consultations.answerTitle}
      </Heading>
      {panel ? (
        <>
          <Paragraph>
            {msg.consultations.askedBy(panel.grant.requestedByName, panel.grant.askingTrustName)}
          </Paragraph>
          <blockquote className="sp-quote">{panel.grant.question}</blockquote>
          <Card>
            <AnswerForm
              caseId={params.caseId}
              consultationId={panel.grant.id}
              version={panel.caseVersion}
              submitted={actionData ?? null}
            />
          </Card>
          <RouteLink to={`/saker/${params.caseId}`}>{msg.consultations.backToCase}</RouteLink>
        </>
      ) : (
        <>
          {/* The form is gone: the refusal, with the answer to copy; or why there is no form. */}
          {actionData?.problem ? (
            <ProblemAlert
              message={msg.problems[actionData.problem]}
              unsaved={unsavedAnswer(actionData.values)}
            />
          ) : (
            <Alert data-color="info">{msg.consultations.notOpen}</Alert>
          )}
          <RouteLink to="/">{msg.app.myCases}</RouteLink>
        </>
      )}
    </div>
  );
}
