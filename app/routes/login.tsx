import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form, redirect } from 'react-router';
import { listDemoUsers } from '../features/auth/auth.server';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import type { Route } from './+types/login';

export async function loader({ context }: Route.LoaderArgs) {
  const users = await listDemoUsers(context.db);
  const byTrust = new Map<string, typeof users>();
  for (const user of users)
    byTrust.set(user.trustName, [...(byTrust.get(user.trustName) ?? []), user]);
  return { trusts: [...byTrust.entries()].map(([name, members]) => ({ name, users: members })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const userId = formText(await request.formData(), 'userId');
  const cookie = /^[0-9a-f-]{36}$/.test(userId) ? await context.auth.login(userId) : null;
  if (!cookie) return { error: msg.login.unknownUser };
  return redirect('/', { headers: { 'Set-Cookie': cookie } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.login.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.login.title}
      </Heading>
      <Alert data-color="warning">{msg.login.devNotice}</Alert>
      {actionData?.error && <Alert data-color="danger">{actionData.error}</Alert>}
      {loaderData.trusts.map((trust, i) => (
        <section key={trust.name} className="sp-stack" aria-labelledby={`trust-${i}`}>
          <Heading level={2} data-size="md" id={`trust-${i}`}>
            {trust.name}
          </Heading>
          <div className="sp-grid">
            {trust.users.map((user) => (
              <Card key={user.id} data-color="neutral">
                <Heading level={3} data-size="xs">
                  {user.name}
                </Heading>
                <Paragraph data-size="sm">{user.title}</Paragraph>
                <div className="sp-row" aria-label={msg.login.roles} role="group">
                  {user.roles.map((r) => (
                    <Tag key={`${r.role}-${r.department ?? ''}`} data-color="info" data-size="sm">
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
    </div>
  );
}
