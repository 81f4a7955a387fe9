import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { applicationAction } from '../features/cases/application-action.server';
import { ApplicationForm } from '../features/cases/ui/ApplicationForm';
import { hasRole } from '../features/auth/domain/roles';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/case-new';
import { data } from 'react-router';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'applicant')) throw data(null, { status: 404 });
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  return applicationAction(context.db, actor, await request.formData());
}

const EMPTY = {
  scheme: '',
  patientScope: '',
  patientId: '',
  drug: '',
  indication: '',
  justification: '',
};

export default function NewApplication({ actionData }: Route.ComponentProps) {
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.application.newTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.application.newTitle}
      </Heading>
      <Paragraph>{msg.application.intro}</Paragraph>
      <ApplicationForm
        values={actionData?.values ?? EMPTY}
        fieldErrors={actionData?.fieldErrors ?? {}}
        problem={actionData?.problem ?? null}
        target={null}
      />
    </div>
  );
}
