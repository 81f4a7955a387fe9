import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Form, redirect } from 'react-router';
import { linksToCase, noticePage } from '../features/notifications/domain/kinds';
import { listNotifications, markRead } from '../features/notifications/notifications.server';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import type { Route } from './+types/notifications';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';
import { KeepTogether } from '../ui/KeepTogether';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const marked = new URL(request.url).searchParams.get('merket');
  return {
    items: await listNotifications(context.db, actor),
    marked: marked === 'alle' ? 'all' : marked === 'en' ? 'one' : null,
  };
}

/** Marks one notification (`id`) or all of them read; someone else's id simply matches nothing. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  if (formText(form, 'intent') === 'readAll') {
    // Up to the newest the page showed: one that came after it was never seen.
    const upTo = Number(formText(form, 'upTo'));
    if (Number.isSafeInteger(upTo) && upTo > 0) await markRead(context.db, actor, { upTo });
    return redirect('/varsler?merket=alle');
  }
  const id = Number(formText(form, 'id'));
  if (Number.isSafeInteger(id) && id > 0) await markRead(context.db, actor, [id]);
  return redirect('/varsler?merket=en');
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { items, marked } = loaderData;
  const t = msg.notifications;
  const unread = items.filter((i) => !i.read).length;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          {t.title}
        </Heading>
        {unread > 0 && (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <input type="hidden" name="upTo" value={Math.max(...items.map((i) => i.id))} />
            <Button type="submit" variant="secondary" data-size="sm">
              {t.markAllRead}
            </Button>
          </Form>
        )}
      </div>
      {marked && (
        <Alert data-color="success">{marked === 'all' ? t.markedAllRead : t.markedRead}</Alert>
      )}
      {items.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <TableScroll label={t.title}>
          <Table>
            <caption className="ds-sr-only">{t.title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.when}</Table.HeaderCell>
                <Table.HeaderCell>{t.what}</Table.HeaderCell>
                <Table.HeaderCell>{t.case}</Table.HeaderCell>
                <Table.HeaderCell>{t.status}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => {
                const label = item.caseNumber ?? msg.case.draftLabel;
                // An inquiry's notice opens the inquiries, not the case (`noticePage`).
                const page = noticePage(item.kind);
                return (
                  <Table.Row key={item.id}>
                    <Table.Cell>{msg.dateTime(new Date(item.createdAt))}</Table.Cell>
                    <Table.Cell>{t.kinds[item.kind]}</Table.Cell>
                    <Table.Cell>
                      {page !== null && item.caseNumber !== null ? (
                        <span className="sp-nowrap">
                          <RouteLink to={page} aria-label={t.openInquiries(item.caseNumber)}>
                            {item.caseNumber}
                          </RouteLink>
                        </span>
                      ) : item.caseId === null ? (
                        t.noCase
                      ) : item.caseVisible && linksToCase(item.kind) ? (
                        <span className="sp-nowrap">
                          <RouteLink to={`/saker/${item.caseId}`} aria-label={t.openCase(label)}>
                            {label}
                          </RouteLink>
                        </span>
                      ) : item.caseVisible ? (
                        // A case of the trust that is closed to the recipient now (a co-author
                        // taken off it): named, not linked.
                        <span className="sp-nowrap">{label}</span>
                      ) : (
                        <KeepTogether
                          text={t.otherTrustCase(item.caseNumber)}
                          part={item.caseNumber}
                        />
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {item.read ? (
                        <Tag data-color="neutral" data-size="sm">
                          {t.read}
                        </Tag>
                      ) : (
                        <div className="sp-row">
                          <Tag data-color="info" data-size="sm">
                            {t.unread}
                          </Tag>
                          <Form method="post">
                            <input type="hidden" name="id" value={item.id} />
                            <Button type="submit" variant="tertiary" data-size="sm">
                              {t.markRead}
                            </Button>
                          </Form>
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </div>
  );
}
