import { Alert, Button, Fieldset, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { data, Form, redirect } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { getDeadlines, saveDeadlines } from '../features/clocks/clocks.server';
import {
  CLOCKED_STATUSES,
  DEADLINE_FIELDS,
  deadlineBase,
  deadlineBaseField,
  deadlineField,
  parseDeadlineBase,
  parseDeadlineForm,
  rebaseDeadlineForm,
  type DeadlineConflicts,
  type DeadlineFieldErrors,
  type DeadlineTable,
} from '../features/clocks/domain/clocks';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import { ErrorSummaryList } from '../ui/ErrorSummaryList';
import { TextField } from '../ui/fields';
import type { Route } from './+types/admin-deadlines';

const FIELDS = [...DEADLINE_FIELDS, ...DEADLINE_FIELDS.map(deadlineBaseField)];

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

/**
 * POST: the deadlines, merged per field with what is stored (the hidden `base.` fields hold what
 * the form was shown with). Bad input (400) comes back as typed; a field someone else saved since
 * (409: nothing changed) comes back against what is stored now, the person's own changes kept.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireAdmin(request, context);
  const values = formTexts(await request.formData(), FIELDS);
  const conflicts: DeadlineConflicts = {};
  const parsed = parseDeadlineForm(values);
  if (!parsed.ok) return data({ errors: parsed.errors, conflicts, values }, { status: 400 });
  const base = parseDeadlineBase(values);
  const saved = await saveDeadlines(context.db, actor, { base, wanted: parsed.table });
  if (saved.ok) return redirect('/admin/frister?lagret');
  const errors: DeadlineFieldErrors = {};
  return data(
    {
      errors,
      conflicts: saved.conflicts,
      values: rebaseDeadlineForm(values, base, saved.stored),
    },
    { status: 409 },
  );
}

/**
 * A save refused as stale (409) reads the page again with JavaScript too, as a browser without it
 * does: the fields start from the stored deadlines with the person's own changes kept.
 */
export const shouldRevalidate = revalidateAfterConflict;

/** The trust administrator sets each stage's deadline (days), ordinary and urgent. */
export default function AdminDeadlines({ loaderData, actionData }: Route.ComponentProps) {
  const { table, trustName, saved } = loaderData;
  const errors: DeadlineFieldErrors = actionData?.errors ?? {};
  const conflicts: DeadlineConflicts = actionData?.conflicts ?? {};
  const typed = actionData?.values;
  const shown = deadlineBase(table);
  const valueOf = (name: string) => String(shown[name] ?? '');
  const error = (name: string) => {
    const code = errors[name];
    const stored = conflicts[name];
    if (code) return msg.clocks.deadlineErrors[code];
    return stored === undefined ? undefined : msg.clocks.deadlineConflict(stored);
  };
  const label = (name: string) => {
    const [status, which] = name.split('.') as [keyof DeadlineTable, 'normalDays' | 'urgentDays'];
    return `${msg.statuses[status]}: ${which === 'normalDays' ? msg.clocks.normalDays : msg.clocks.urgentDays}`;
  };
  return (
    <div className="sp-stack">
      <title>
        {pageTitle(msg.clocks.deadlinesPageTitle, msg.app.name, postFailed(actionData))}
      </title>
      <Heading level={1} data-size="lg">
        {msg.clocks.deadlinesPageTitle}
      </Heading>
      <Paragraph>{trustName}</Paragraph>
      <Paragraph>{msg.clocks.deadlinesIntro}</Paragraph>
      {saved && !actionData && <Alert data-color="success">{msg.clocks.deadlinesSaved}</Alert>}
      {Object.keys(conflicts).length > 0 && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {msg.clocks.deadlinesConflictTitle}
          </Heading>
          <Paragraph>{msg.clocks.deadlinesConflict}</Paragraph>
        </Alert>
      )}
      <ErrorSummaryList
        errors={DEADLINE_FIELDS.flatMap((f) => {
          const text = error(f);
          return text ? [{ anchor: fieldId(f), label: label(f), text }] : [];
        })}
      />
      <Form method="post" className="sp-stack" noValidate>
        {CLOCKED_STATUSES.map((status) => (
          <Fieldset key={status}>
            <Fieldset.Legend>{msg.statuses[status]}</Fieldset.Legend>
            <div className="sp-row">
              {(['normalDays', 'urgentDays'] as const).map((which) => {
                const name = deadlineField(status, which);
                const baseName = deadlineBaseField(name);
                const base = typed ? typed[baseName] : valueOf(name);
                return (
                  <Fragment key={name}>
                    {/* The value the field was shown with: a change is measured against it. */}
                    <input type="hidden" name={baseName} value={base} />
                    {/* Shown again against a newer stored value, the field starts from the
                        rebased form (not what the browser kept), so saving again writes only
                        the person's own changes. */}
                    <TextField
                      key={base}
                      id={fieldId(name)}
                      name={name}
                      label={which === 'normalDays' ? msg.clocks.normalDays : msg.clocks.urgentDays}
                      inputMode="numeric"
                      defaultValue={typed ? typed[name] : valueOf(name)}
                      error={error(name)}
                    />
                  </Fragment>
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
