import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { getDeadlines, saveDeadlines } from '../features/clocks/clocks.server';
import {
  CLOCKED_STATUSES,
  deadlineField,
  parseDeadlineForm,
  type DeadlineFieldErrors,
  type DeadlineTable,
} from '../features/clocks/domain/clocks';
import { msg } from '../i18n';
import { formTexts, pageTitle } from '../lib/form';
import { ErrorSummaryList } from '../ui/ErrorSummaryList';
import { TextField } from '../ui/fields';
import type { Route } from './+types/admin-deadlines';

const FIELDS = CLOCKED_STATUSES.flatMap((s) => [
  deadlineField(s, 'normalDays'),
  deadlineField(s, 'urgentDays'),
]);

const fieldId = (name: string) => `deadline-${name.replace('.', '-')}`;

async function requireAdmin(request: Request, context: Route.LoaderArgs['context']) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'trustAdmin')) throw data(null, { status: 403 });
  return actor;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireAdmin(request, context);
  const table = await getDeadlines(context.db, actor);
  return {
    table,
    trustName: actor.trustName,
    saved: new URL(request.url).searchParams.has('lagret'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireAdmin(request, context);
  const values = formTexts(await request.formData(), FIELDS);
  const parsed = parseDeadlineForm(values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  await saveDeadlines(context.db, actor, parsed.table);
  return redirect('/admin/frister?lagret');
}

const valueOf = (table: DeadlineTable, name: string): string => {
  const [status, which] = name.split('.') as [keyof DeadlineTable, 'normalDays' | 'urgentDays'];
  return String(table[status][which]);
};

/** The trust administrator sets each stage's deadline (days), ordinary and urgent. */
export default function AdminDeadlines({ loaderData, actionData }: Route.ComponentProps) {
  const { table, trustName, saved } = loaderData;
  const errors: DeadlineFieldErrors = actionData?.errors ?? {};
  const typed = actionData?.values;
  const error = (name: string) => {
    const code = errors[name];
    return code ? msg.clocks.deadlineErrors[code] : undefined;
  };
  const label = (name: string) => {
    const [status, which] = name.split('.') as [keyof DeadlineTable, 'normalDays' | 'urgentDays'];
    return `${msg.statuses[status]}: ${which === 'normalDays' ? msg.clocks.normalDays : msg.clocks.urgentDays}`;
  };
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.clocks.deadlinesPageTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.clocks.deadlinesPageTitle}
      </Heading>
      <Paragraph>{trustName}</Paragraph>
      <Paragraph>{msg.clocks.deadlinesIntro}</Paragraph>
      {saved && !actionData && <Alert data-color="success">{msg.clocks.deadlinesSaved}</Alert>}
      <ErrorSummaryList
        errors={FIELDS.flatMap((f) => {
          const text = error(f);
          return text ? [{ anchor: fieldId(f), text: `${label(f)}: ${text}` }] : [];
        })}
      />
      <Form method="post" className="sp-stack" noValidate>
        {CLOCKED_STATUSES.map((status) => (
          <Fieldset key={status}>
            <Fieldset.Legend>{msg.statuses[status]}</Fieldset.Legend>
            <div className="sp-row">
              {(['normalDays', 'urgentDays'] as const).map((which) => {
                const name = deadlineField(status, which);
                return (
                  <TextField
                    key={name}
                    id={fieldId(name)}
                    name={name}
                    label={which === 'normalDays' ? msg.clocks.normalDays : msg.clocks.urgentDays}
                    inputMode="numeric"
                    defaultValue={typed ? typed[name] : valueOf(table, name)}
                    error={error(name)}
                  />
                );
              })}
            </div>
          </Fieldset>
        ))}
        <div>
          <Button type="submit">{msg.clocks.saveDeadlines}</Button>
        </div>
      </Form>
    </div>
  );
}
