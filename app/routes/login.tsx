import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { listDemoUsers } from '../features/auth/auth.server';
import { demoLoginGroups } from '../features/auth/domain/demo-login';
import { RETURN_PARAM, safeReturnPath } from '../features/auth/domain/return-path';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import type { Route } from './+types/login';

/** The login page: HelseID when configured; the development login (demo users) only in development. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { helseId, devLogin } = context.signIn;
  const users = devLogin ? await listDemoUsers(context.db) : [];
  const query = new URL(request.url).searchParams;
  return {
    helseId: helseId !== null,
    helseIdUnavailable: query.get('helseid') === 'utilgjengelig',
    // The page that asked for a login (a session that ended, a link opened while logged out).
    returnTo: safeReturnPath(query.get(RETURN_PARAM)),
    devLogin,
    groups: demoLoginGroups(users),
  };
}

/** The development login: never in production (404). */
export async function action({ request, context }: Route.ActionArgs) {
  if (!context.signIn.devLogin) throw data(null, { status: 404 });
  const form = await request.formData();
  const userId = formText(form, 'userId');
  const cookie = /^[0-9a-f-]{36}$/.test(userId) ? await context.auth.login(userId, request) : null;
  if (!cookie) return { error: msg.login.unknownUser };
  const returnTo = safeReturnPath(formText(form, RETURN_PARAM));
  return redirect(returnTo ?? '/', { headers: { 'Set-Cookie': cookie } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.signIn;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.login.title, msg.app.name, Boolean(actionData?.error))}</title>
      <Heading level={1} data-size="lg">
        {msg.login.title}
      </Heading>
      {loaderData.returnTo && <Alert data-color="info">{t.loginToContinue}</Alert>}
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
            {loaderData.returnTo && (
              <input type="hidden" name={RETURN_PARAM} value={loaderData.returnTo} />
            )}
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
          {loaderData.groups.map((group, i) => (
            <section key={group.trust ?? ''} className="sp-stack" aria-labelledby={`trust-${i}`}>
              <Heading level={3} data-size="sm" id={`trust-${i}`}>
                {group.trust ?? msg.login.severalTrusts}
              </Heading>
              <div className="sp-grid">
                {group.users.map((user) => (
                  <Card key={user.id}>
                    <Heading level={4} data-size="xs">
                      {user.name}
                    </Heading>
                    <Paragraph data-size="sm">{user.title}</Paragraph>
                    <div className="sp-row" aria-label={msg.login.roles} role="group">
                      {user.roles.map((r) => (
                        <Tag
                          key={`${r.role}-${r.department ?? ''}-${r.trust ?? ''}`}
                          data-color="info"
                          data-size="sm"
                        >
                          {[msg.roles[r.role], r.department, r.trust].filter(Boolean).join(', ')}
                        </Tag>
                      ))}
                    </div>
                    <Form method="post">
                      <input type="hidden" name="userId" value={user.id} />
                      {loaderData.returnTo && (
                        <input type="hidden" name={RETURN_PARAM} value={loaderData.returnTo} />
                      )}
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
