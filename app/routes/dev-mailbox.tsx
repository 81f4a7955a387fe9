import { Alert, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { data } from 'react-router';
import { readMailbox } from '../features/notifications/mail.server';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/dev-mailbox';

/** The development mailbox: the e-mail that would have gone out. Absent (404) with SMTP or outside development. */
export async function loader({ context }: Route.LoaderArgs) {
  if (!context.mailboxDir) throw data(null, { status: 404 });
  return { mails: await readMailbox(context.mailboxDir) };
}

export default function DevMailbox({ loaderData }: Route.ComponentProps) {
  const t = msg.notifications.devMailbox;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Alert data-color="warning">{t.notice}</Alert>
      {loaderData.mails.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <ol className="sp-stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {loaderData.mails.map((mail) => (
            <li key={mail.id}>
              <Card>
                <Heading level={2} data-size="xs">
                  {mail.subject}
                </Heading>
                <dl className="sp-dl">
                  <dt>{t.to}</dt>
                  <dd>{mail.to}</dd>
                </dl>
                <Paragraph style={{ whiteSpace: 'pre-wrap' }}>{mail.text}</Paragraph>
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
