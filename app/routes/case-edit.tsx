import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import { listAttachments } from '../features/attachments/attachments.server';
import { attachmentFlags } from '../features/attachments/domain/errors';
import { Attachments } from '../features/attachments/ui/Attachments';
import { applicationAction } from '../features/cases/application-action.server';
import { getCase } from '../features/cases/cases.server';
import {
  fieldErrors,
  submissionSchema,
  type FieldErrors,
} from '../features/cases/domain/application';
import { ApplicationForm } from '../features/cases/ui/ApplicationForm';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/case-edit';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCase(context.db, actor, params.caseId, 'edit'));
  if (!view.events.includes('submit') && !view.events.includes('resubmit')) {
    throw redirect(`/saker/${view.id}`);
  }
  const url = new URL(request.url);
  let missing: FieldErrors = {};
  if (url.searchParams.get('send') === '1') {
    const check = submissionSchema.safeParse({ ...view, patientId: view.patientId ?? '' });
    if (!check.success) missing = fieldErrors(check.error);
  }
  return {
    target: { caseId: view.id, version: view.version },
    values: {
      scheme: view.scheme,
      patientScope: view.patientScope,
      patientId: view.patientId ?? '',
      drug: view.drug,
      indication: view.indication,
      justification: view.justification,
    },
    saved: url.searchParams.get('lagret') === '1',
    missing,
    attachments: {
      ...(await listAttachments(context.db, actor, view.id)),
      ...attachmentFlags(url.searchParams),
      maxBytes: context.attachments.maxBytes,
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  return applicationAction(context.db, actor, await request.formData());
}

export default function EditApplication({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.application.editTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.application.editTitle}
      </Heading>
      <Paragraph>{msg.application.intro}</Paragraph>
      {loaderData.saved && !actionData && (
        <Alert data-color="success">{msg.application.saved}</Alert>
      )}
      <ApplicationForm
        values={actionData?.values ?? loaderData.values}
        fieldErrors={actionData?.fieldErrors ?? loaderData.missing}
        problem={actionData?.problem ?? null}
        target={loaderData.target}
      />
      <Attachments caseId={loaderData.target.caseId} {...loaderData.attachments} />
    </div>
  );
}
