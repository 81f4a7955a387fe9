import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import {
  registerRetrospective,
  registrationForm,
} from '../features/retrospective/retrospective.server';
import { requireRegistrar } from '../features/retrospective/http.server';
import {
  emptyRetroValues,
  RETRO_COLUMNS,
  retroFormValues,
  type RetroErrors,
} from '../features/retrospective/domain/retrospective';
import { RetroForm } from '../features/retrospective/ui/RetroForm';
import { msg } from '../i18n';
import { formText, formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/retrospective-new';
import { RouteLink } from '../ui/RouteLink';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireRegistrar(request, context);
  const url = new URL(request.url);
  const caseId = url.searchParams.get('sak');
  const caseNumber = url.searchParams.get('nummer');
  return {
    ...(await registrationForm(context.db, actor)),
    registered: caseId && caseNumber ? { caseId, caseNumber } : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireRegistrar(request, context);
  const form = await request.formData();
  // The drug field (DrugCombobox) posts the FEST id as `drugId` and the text as `drugIdLabel`.
  const values = { ...formTexts(form, RETRO_COLUMNS), drugName: formText(form, 'drugIdLabel') };
  const result = await registerRetrospective(context.db, actor, values);
  if (!result.ok) {
    return data({ errors: result.errors, values: retroFormValues(values) }, { status: 400 });
  }
  const query = new URLSearchParams({ sak: result.caseId, nummer: result.caseNumber });
  return redirect(`/etterregistrering/ny?${query.toString()}`);
}

const t = msg.retrospective;

/** One retrospective case by form; afterwards the registered case with its løpenummer. */
export default function RetrospectiveNew({ loaderData, actionData }: Route.ComponentProps) {
  const { departments, today, registered } = loaderData;
  const errors: RetroErrors = actionData?.errors ?? {};
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.formTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {t.formTitle}
      </Heading>
      {registered && !actionData && (
        <Alert data-color="success">
          <Paragraph>{t.registered(registered.caseNumber)}</Paragraph>
          <RouteLink to={`/saker/${registered.caseId}`}>
            {`${t.openCase} ${registered.caseNumber}`}
          </RouteLink>
        </Alert>
      )}
      <Paragraph>{t.formIntro}</Paragraph>
      <Alert data-color="info">{t.noPatient}</Alert>
      <RetroForm
        // A fresh form after a registration; the typed values after an error.
        key={registered?.caseId ?? 'form'}
        departments={departments}
        today={today}
        values={actionData?.values ?? emptyRetroValues()}
        errors={errors}
      />
      <RouteLink to="/etterregistrering">{t.title}</RouteLink>
    </div>
  );
}
