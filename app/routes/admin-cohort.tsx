import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { parseCohortSettings } from '../features/precedents/domain/cohort';
import { getCohortSettings, saveCohortSettings } from '../features/precedents/precedents.server';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import { ErrorSummaryList } from '../ui/ErrorSummaryList';
import { TextField } from '../ui/fields';
import type { Route } from './+types/admin-cohort';

const FIELDS = ['threshold', 'windowDays'] as const;

async function requireAdmin(request: Request, context: Route.LoaderArgs['context']) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'trustAdmin')) throw data(null, { status: 403 });
  return actor;
}

/** GET /admin/kohort: the trust's cohort signal settings (threshold and window). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireAdmin(request, context);
  return {
    settings: await getCohortSettings(context.db, actor),
    trustName: actor.trustName,
    saved: new URL(request.url).searchParams.has('lagret'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireAdmin(request, context);
  const values = formTexts(await request.formData(), FIELDS);
  const parsed = parseCohortSettings(values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  await saveCohortSettings(context.db, actor, parsed.settings);
  return redirect('/admin/kohort?lagret');
}

export default function AdminCohort({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, trustName, saved } = loaderData;
  const t = msg.precedents;
  const errors = actionData?.errors ?? {};
  const error = (name: (typeof FIELDS)[number]) => {
    const code = errors[name];
    return code ? t.settingsErrors[code] : undefined;
  };
  const label = { threshold: t.threshold, windowDays: t.windowDays };
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.cohortSettingsTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {t.cohortSettingsTitle}
      </Heading>
      <Paragraph>{trustName}</Paragraph>
      <Paragraph>{t.cohortSettingsIntro}</Paragraph>
      {saved && !actionData && <Alert data-color="success">{t.saved}</Alert>}
      <ErrorSummaryList
        errors={FIELDS.flatMap((f) => {
          const text = error(f);
          return text ? [{ anchor: `cohort-${f}`, label: label[f], text }] : [];
        })}
      />
      <Form method="post" className="sp-stack" noValidate>
        <TextField
          id="cohort-threshold"
          name="threshold"
          label={t.threshold}
          description={t.thresholdDescription}
          inputMode="numeric"
          defaultValue={actionData?.values.threshold ?? String(settings.threshold)}
          error={error('threshold')}
        />
        <TextField
          id="cohort-windowDays"
          name="windowDays"
          label={t.windowDays}
          description={t.windowDescription}
          inputMode="numeric"
          defaultValue={actionData?.values.windowDays ?? String(settings.windowDays)}
          error={error('windowDays')}
        />
        <div>
          <Button type="submit">{t.save}</Button>
        </div>
      </Form>
    </div>
  );
}
