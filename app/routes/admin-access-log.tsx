import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { getAccessLogPage } from '../features/auditlog/auditlog.server';
import { LOG_PAGE_SIZE, OWN_TRUST, parseLogFilter } from '../features/auditlog/domain/filter';
import {
  AccessLogTable,
  ChainHead,
  UnusualAccessTable,
} from '../features/auditlog/ui/AccessLogView';
import { hasRole } from '../features/auth/domain/roles';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import { DateField, TextField } from '../ui/fields';
import type { Route } from './+types/admin-access-log';

/** GET /admin/tilgangslogg: the trust's access log for its log controller (the administrator). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'trustAdmin')) throw data(null, { status: 403 });
  const parsed = parseLogFilter(new URL(request.url).searchParams);
  const page = await getAccessLogPage(context.db, actor, parsed.filter);
  return { ...page, values: parsed.values, errors: parsed.errors, trustName: actor.trustName };
}

export default function AccessLogPage({ loaderData }: Route.ComponentProps) {
  const t = msg.accessLog;
  const { values, errors } = loaderData;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro(loaderData.trustName)}</Paragraph>
      <UnusualAccessTable rows={loaderData.unusual} />
      <Form method="get" className="sp-stack" aria-labelledby="log-filter">
        <Fieldset>
          <Fieldset.Legend id="log-filter">{t.filterTitle}</Fieldset.Legend>
          <div className="sp-row">
            <Field>
              <Label htmlFor="log-user">{t.user}</Label>
              <Select id="log-user" name="bruker" defaultValue={values.userId}>
                <Select.Option value="">{t.allUsers}</Select.Option>
                {loaderData.users.map((u) => (
                  <Select.Option key={u.id} value={u.id}>
                    {u.trustName ? t.userOfTrust(u.name, u.trustName) : u.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="log-reader-trust">{t.readerTrust}</Label>
              <Select id="log-reader-trust" name="foretak" defaultValue={values.readerTrust}>
                <Select.Option value="">{t.allTrusts}</Select.Option>
                <Select.Option value={OWN_TRUST}>{t.ownPeople(loaderData.trustName)}</Select.Option>
                {loaderData.readerTrusts.map((trust) => (
                  <Select.Option key={trust.id} value={trust.id}>
                    {trust.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <TextField
              id="log-case"
              name="sak"
              label={t.caseNumber}
              defaultValue={values.caseNumber}
            />
            <DateField
              id="log-from"
              name="fra"
              label={t.from}
              defaultValue={values.from}
              error={errors.from && t[errors.from]}
            />
            <DateField
              id="log-to"
              name="til"
              label={t.to}
              defaultValue={values.to}
              error={errors.to && t[errors.to]}
            />
          </div>
        </Fieldset>
        <div>
          <Button type="submit">{t.filter}</Button>
        </div>
      </Form>
      <section aria-labelledby="log-entries" className="sp-stack">
        <Heading level={2} data-size="sm" id="log-entries">
          {t.entriesTitle}
        </Heading>
        {loaderData.truncated && <Alert data-color="info">{t.truncated(LOG_PAGE_SIZE)}</Alert>}
        <AccessLogTable rows={loaderData.entries} trustName={loaderData.trustName} />
      </section>
      <ChainHead head={loaderData.head} />
    </div>
  );
}
