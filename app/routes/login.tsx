import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { listDemoUsers } from '../features/auth/auth.server';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import type { Route } from './+types/login';

/** The login page: HelseID when configured; the development login (demo users) only in development. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { helseId, devLogin } = context.signIn;
  const users = devLogin ? await listDemoUsers(context.db) : [];
  const byTrust = new Map<string, typeof users>();
  for (const user of users)
    byTrust.set(user.trustName, [...(byTrust.get(user.trustName) ?? []), user]);
  return {
    helseId: helseId !== null,
    helseIdUnavailable: new URL(request.url).searchParams.get('helseid') === 'utilgjengelig',
    devLogin,
    trusts: [...byTrust.entries()].map(([name, members]) => ({ name, users: members })),
  };
}

/** The development login: never in production (404). */
export async function action({ request, context }: Route.ActionArgs) {
  if (!context.signIn.devLogin) throw data(null, { status: 404 });
  const userId = formText(await request.formData(), 'userId');
  const cookie = /^[0-9a-f-]{36}$/.test(userId) ? await context.auth.login(userId, request) : null;
  if (!cookie) return { error: msg.login.unknownUser };
  return redirect('/', { headers: { 'Set-Cookie': cookie } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.signIn;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.login.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.login.title}
      </Heading>
      {loaderData.helseId && (
        <section className="sp-stack" aria-labelledby="helseid">
          <Heading level={2} data-size="md" id="helseid">
            {t.helseIdTitle}
          </Heading>
          {loaderData.helseIdUnavailable && (
            <Alert data-color="danger">{t.helseIdUnavailable}</Alert>
          )}
          <Paragraph>{t.helseIdIntro}</Paragraph>
          <Form method="post" action="/logg-inn/helseid" reloadDocument>
            <Button type="submit">{t.helseIdButton}</Button>
          </Form>
        </section>
      )}
      {loaderData.devLogin && (
        <section className="sp-stack" aria-labelledby="dev-login">
          <Heading level={2} data-size="md" id="dev-login">
            {t.devTitle}
          </Heading>
          <Alert data-color="warning">{msg.login.devNotice}</Alert>
          {actionData?.error && <Alert data-color="danger">{actionData.error}</Alert>}
          {loaderData.trusts.map((trust, i) => (
            <section key={trust.name} className="sp-stack" aria-labelledby={`trust-${i}`}>
              <Heading level={3} data-size="sm" id={`trust-${i}`}>
                {trust.name}
              </Heading>
              <div className="sp-grid">
                {trust.users.map((user) => (
                  <Card key={user.id} data-color="neutral">
                    <Heading level={4} data-size="xs">
                      {user.name}
                    </Heading>
                    <Paragraph data-size="sm">{user.title}</Paragraph>
                    <div className="sp-row" aria-label={msg.login.roles} role="group">
                      {user.roles.map((r) => (
                        <Tag
                          key={`${r.role}-${r.department ?? ''}`}
                          data-color="info"
                          data-size="sm"
                        >
                          {msg.roles[r.role]}
                          {r.department ? `, ${r.department}` : ''}
                        </Tag>
                      ))}
                    </div>
                    <Form method="post">
                      <input type="hidden" name="userId" value={user.id} />
                      <Button type="submit" data-size="sm">
                        {msg.login.submitAs(user.name)}
                      </Button>
                    </Form>
                  </Card>
                ))}
              </div>
            </section>
          ))}
        </section>
      )}
    </div>
  );
}
