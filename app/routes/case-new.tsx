import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { createDraft } from '../features/cases/cases.server';
import { QUESTIONS, type Answers, type Question } from '../features/cases/domain/questionnaire';
import { FormErrorSummary } from '../features/cases/ui/FormErrorSummary';
import { QuestionField } from '../features/cases/ui/QuestionField';
import { answersFromForm, fieldAnchor } from '../features/cases/ui/questionnaire-form';
import { msg } from '../i18n';
import { caseErrorData } from '../lib/case-errors.server';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/case-new';

const START: Question[] = [QUESTIONS.get('scheme'), QUESTIONS.get('patientScope')].filter(
  (q): q is Question => q !== undefined,
);

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'applicant')) throw data(null, { status: 404 });
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const answers: Answers = answersFromForm(await request.formData(), {});
  try {
    const created = await createDraft(context.db, actor, answers);
    return redirect(`/saker/${created.id}/rediger`);
  } catch (error) {
    return caseErrorData(error, answers);
  }
}

export default function NewApplication({ actionData }: Route.ComponentProps) {
  const errors = actionData?.fieldErrors ?? {};
  return (
    <div className="sp-stack sp-form">
      <title>{pageTitle(msg.start.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.start.title}
      </Heading>
      <Paragraph>{msg.start.intro}</Paragraph>
      <Form method="post" className="sp-stack" noValidate>
        <FormErrorSummary
          errors={errors}
          labels={{
            scheme: msg.questionnaire.questions.scheme.label,
            patientScope: msg.questionnaire.questions.patientScope.label,
          }}
          anchors={{ scheme: fieldAnchor('scheme'), patientScope: fieldAnchor('patientScope') }}
        />
        {START.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            value={actionData?.values[question.id] ?? null}
            error={errors[question.id]}
          />
        ))}
        <div>
          <Button type="submit">{msg.start.start}</Button>
        </div>
      </Form>
    </div>
  );
}
