import { Alert, Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { Form, redirect, Link as RouterLink } from 'react-router';
import { getCase, transition } from '../features/cases/cases.server';
import {
  QUESTIONS,
  submissionErrors,
  validateForSubmission,
} from '../features/cases/domain/questionnaire';
import { QuestionnaireView, questionErrorText } from '../features/cases/ui/QuestionnaireView';
import { fieldAnchor } from '../features/cases/ui/questionnaire-form';
import { SchemeWarning } from '../features/fest/ui/SchemeWarning';
import { maskedAnswers } from '../features/privacy/domain/mask';
import { PatientIdReveal } from '../features/privacy/ui/PatientIdReveal';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import { formText, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/case-summary';
import { RouteLink } from '../ui/RouteLink';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCase(context.db, actor, params.caseId));
  if (!view.editable) throw redirect(`/saker/${view.id}`);
  const event = view.events.find((e) => e === 'submit' || e === 'resubmit') ?? null;
  return {
    // The patient id stays masked unless asked for (POST /saker/:id/vis-fodselsnummer, logged).
    view: { ...view, answers: maskedAnswers(view.answers) },
    event,
    missing: validateForSubmission(view.answers),
    fieldMissing: submissionErrors(view.answers),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const event = formText(form, 'event') === 'resubmit' ? 'resubmit' : 'submit';
  try {
    await transition(context.db, actor, {
      caseId: params.caseId,
      version: Number(formText(form, 'version')),
      event,
    });
  } catch (error) {
    return caseErrorData(error, null);
  }
  return redirect(`/saker/${params.caseId}?utfort=${event}`);
}

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

export default function Summary({ loaderData, actionData }: Route.ComponentProps) {
  const { view, event, missing, fieldMissing } = loaderData;
  const editUrl = `/saker/${view.id}/rediger`;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.summary.title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {msg.summary.title}
      </Heading>
      <Paragraph>{msg.summary.intro}</Paragraph>
      {actionData?.problem && <Alert data-color="danger">{msg.problems[actionData.problem]}</Alert>}
      {missing.length > 0 ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {msg.summary.missingTitle}
          </Heading>
          <List.Unordered>
            {missing.map((m) => {
              const question = QUESTIONS.get(m.question);
              return (
                <List.Item key={m.question}>
                  <RouteLink to={`${editUrl}#${fieldAnchor(m.question)}`}>
                    {msg.ui.labelled(
                      msg.questionnaire.questions[m.question].label,
                      m.error === 'answerRequired'
                        ? msg.questionnaire.notAnswered
                        : question
                          ? questionErrorText(question, m.error)
                          : msg.errors[m.error],
                    )}
                  </RouteLink>
                </List.Item>
              );
            })}
          </List.Unordered>
        </Alert>
      ) : (
        <Alert data-color="success">{msg.summary.complete}</Alert>
      )}
      {/* FEST contradicts the scheme: warned before sending (`caseDrugIn`, features/fest). */}
      <SchemeWarning drugName={view.schemeWarning} headingLevel={2} />
      <QuestionnaireView
        answers={view.answers}
        missing={fieldMissing}
        editUrl={editUrl}
        diagnoses={view.diagnoses}
      />
      <PatientIdReveal
        caseId={view.id}
        masked={view.answers.patientId}
        kind={view.patientIdKind}
        canReveal={view.seesPatientIdentity}
      />
      <div className="sp-row">
        <Button asChild variant="secondary">
          <RouterLink to={editUrl}>{msg.summary.back}</RouterLink>
        </Button>
        {event && missing.length === 0 && (
          <Form method="post">
            <input type="hidden" name="event" value={event} />
            <input type="hidden" name="version" value={view.version} />
            <Button type="submit">
              {event === 'resubmit' ? msg.summary.resubmit : msg.summary.submit}
            </Button>
          </Form>
        )}
      </div>
    </div>
  );
}
