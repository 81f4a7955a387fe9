import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import {
  answerConsultation,
  consultationSection,
} from '../features/consultations/consultations.server';
import { consultationErrorData } from '../features/consultations/errors.server';
import { ANSWER_FIELDS, AnswerForm } from '../features/consultations/ui/ConsultationForms';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle } from '../lib/form';
import type { Route } from './+types/consultation-answer';
import { RouteLink } from '../ui/RouteLink';

/** GET shows the answer form on its own (where a refused POST lands); only for an open grant. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const section = await loadCase(() =>
    consultationSection(context.db, actor, params.caseId, new URL(request.url)),
  );
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

export default function ConsultationAnswerPage({
  loaderData,
  actionData,
  params,
}: Route.ComponentProps) {
  const { panel } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.consultations.answerTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg" id="consultation-answer">
        {msg.consultations.answerTitle}
      </Heading>
      <Paragraph>
        {msg.consultations.askedBy(panel.grant.requestedByName, panel.grant.askingTrustName)}
      </Paragraph>
      <blockquote className="sp-quote">{panel.grant.question}</blockquote>
      <Card data-color="neutral">
        <AnswerForm
          caseId={params.caseId}
          consultationId={panel.grant.id}
          version={panel.caseVersion}
          submitted={actionData ?? null}
        />
      </Card>
      <RouteLink to={`/saker/${params.caseId}`}>{msg.consultations.backToCase}</RouteLink>
    </div>
  );
}
