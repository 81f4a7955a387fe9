import { Alert, Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { AUTH_EVENTS_SHOWN } from '../features/auth/domain/events';
import { isRole } from '../features/auth/domain/roles';
import type { AuthEventRow } from '../features/auth/events.server';
import {
  GRANT_FIELDS,
  parseGrant,
  type GrantField,
  type RoleHistoryAction,
} from '../features/admin/domain/people';
import { adminRefusal } from '../features/admin/http.server';
import {
  getTrustPerson,
  grantRole,
  listDepartments,
  revokeRole,
} from '../features/admin/trust-admin.server';
import { AdminErrors, GrantFields } from '../features/admin/ui/GrantFields';
import { msg } from '../i18n';
import { formText, formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import { RouteLink } from '../ui/RouteLink';
import type { Route } from './+types/admin-user';
import { TableScroll } from '../ui/TableScroll';

const t = msg.trustAdmin;
const LABELS: Record<GrantField, string> = { role: t.role, departmentId: t.department };
const NOTICES = ['created', 'existing', 'granted', 'revoked'] as const;
type Notice = (typeof NOTICES)[number];
const NOTICE_TEXT = {
  created: t.personCreated,
  existing: t.personExisting,
  granted: t.granted,
  revoked: t.revoked,
} satisfies Record<Notice, string>;

const isMerge = (action: RoleHistoryAction) => action === 'mergedFrom' || action === 'mergedInto';

const roleName = (role: string) => (isRole(role) ? msg.roles[role] : role);

/** The «Hendelse» cell of an authentication event: its kind, and why a session ended. */
function loginWhat(e: Omit<AuthEventRow, 'at'>): string {
  return e.kind === 'sessionEnded' && e.endReason
    ? t.sessionEnds[e.endReason]
    : t.authEvents[e.kind];
}

/**
 * The «Detaljer» cell of an authentication event: the method, the refusal, the trusts, or when a
 * session ended.
 */
function loginDetail(e: Omit<AuthEventRow, 'at'>): string {
  const method = e.method ? t.loginMethods[e.method] : '';
  switch (e.kind) {
    case 'login':
      return method;
    case 'loginRefused':
      return e.refusal ? `${method}: ${t.loginRefusals[e.refusal]}` : method;
    case 'trustChanged':
      return t.trustChange(e.fromTrustName, e.toTrustName ?? '');
    case 'sessionEnded':
      return e.endedAt ? t.sessionEndedAt(new Date(e.endedAt)) : '';
    case 'logout':
      return '';
  }
}

/** GET /admin/brukere/:userId: one person's roles in the trust, and their history here. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const [page, departments] = await Promise.all([
    getTrustPerson(context.db, actor, params.userId),
    listDepartments(context.db, actor),
  ]).catch(adminRefusal);
  const notice = new URL(request.url).searchParams.get('utfort');
  return {
    ...page,
    departments: departments.map(({ id, name }) => ({ id, name })),
    notice: NOTICES.find((n) => n === notice) ?? null,
  };
}

/** POST: grant a role (`grant`), or revoke one (`revoke`, naming the role assignment). */
export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const done = (notice: Notice) => redirect(`/admin/brukere/${params.userId}?utfort=${notice}`);
  const values = formTexts(form, GRANT_FIELDS);
  try {
    if (formText(form, 'intent') === 'revoke') {
      const result = await revokeRole(
        context.db,
        actor,
        params.userId,
        formText(form, 'assignmentId'),
      );
      if (!result.ok) return data({ errors: result.errors, values }, { status: 409 });
      return done('revoked');
    }
    const parsed = parseGrant(values);
    const result = parsed.ok
      ? await grantRole(context.db, actor, params.userId, parsed.value)
      : parsed;
    if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
    return done('granted');
  } catch (error) {
    return adminRefusal(error);
  }
}

/**
 * A revocation refused (409: the trust's last administrator role, say after another administrator
 * revoked theirs) reads the page again with JavaScript too: the roles shown are those held now.
 */
export const shouldRevalidate = revalidateAfterConflict;

export default function AdminUser({ loaderData, actionData }: Route.ComponentProps) {
  const { person, mergedInto, history, logins, departments, notice } = loaderData;
  const errors = actionData?.errors ?? {};
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.personTitle(person.name), msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {t.personTitle(person.name)}
      </Heading>
      {notice && !actionData && <Alert data-color="success">{NOTICE_TEXT[notice]}</Alert>}
      <AdminErrors idPrefix="grant" errors={errors} labels={LABELS} />
      {mergedInto && (
        <Alert data-color="info">
          <Paragraph>{t.mergedNotice(mergedInto.name)}</Paragraph>
          <Paragraph>
            <RouteLink to={`/admin/brukere/${mergedInto.id}`}>
              {t.mergedLink(mergedInto.name)}
            </RouteLink>
          </Paragraph>
        </Alert>
      )}
      <section className="sp-stack" aria-labelledby="person-facts">
        <Heading level={2} data-size="sm" id="person-facts">
          {t.personFacts}
        </Heading>
        <dl className="sp-dl">
          <dt>{t.name}</dt>
          <dd>{person.name}</dd>
          <dt>{t.titleColumn}</dt>
          <dd>{person.title}</dd>
          <dt>{t.email}</dt>
          <dd>{person.email}</dd>
          <dt>{t.hprNumber}</dt>
          <dd>{person.hprNumber ?? (person.hasPid ? t.noHpr : '')}</dd>
        </dl>
      </section>
      <section className="sp-stack" aria-labelledby="person-roles">
        <Heading level={2} data-size="sm" id="person-roles">
          {t.roles}
        </Heading>
        {person.roles.length === 0 ? (
          <Paragraph>{t.noRoles}</Paragraph>
        ) : (
          <TableScroll label={t.roles}>
            <Table>
              <caption className="ds-sr-only">{t.roles}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.role}</Table.HeaderCell>
                  <Table.HeaderCell>{t.department}</Table.HeaderCell>
                  <Table.HeaderCell>{msg.case.actions}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {person.roles.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>{msg.roles[r.role]}</Table.Cell>
                    <Table.Cell>{r.departmentName ?? t.noDepartment}</Table.Cell>
                    <Table.Cell>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="assignmentId" value={r.id} />
                        <Button
                          type="submit"
                          variant="secondary"
                          data-size="sm"
                          aria-label={t.revokeNamed(t.roleIn(msg.roles[r.role], r.departmentName))}
                        >
                          {t.revoke}
                        </Button>
                      </Form>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      {!mergedInto && (
        <Card>
          <Heading level={2} data-size="sm" id="grant-role-title">
            {t.grantTitle}
          </Heading>
          <Form method="post" className="sp-stack" aria-labelledby="grant-role-title" noValidate>
            <input type="hidden" name="intent" value="grant" />
            <GrantFields
              idPrefix="grant"
              departments={departments}
              values={actionData?.values ?? { role: '', departmentId: '' }}
              errors={errors}
            />
            <div>
              <Button type="submit">{t.grant}</Button>
            </div>
          </Form>
        </Card>
      )}
      <section className="sp-stack" aria-labelledby="role-history">
        <Heading level={2} data-size="sm" id="role-history">
          {t.historyTitle}
        </Heading>
        {history.length === 0 ? (
          <Paragraph>{t.noHistory}</Paragraph>
        ) : (
          <TableScroll label={t.historyTitle}>
            <Table>
              <caption className="ds-sr-only">{t.historyTitle}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.historyWhen}</Table.HeaderCell>
                  <Table.HeaderCell>{t.historyWhat}</Table.HeaderCell>
                  <Table.HeaderCell>{t.historyWho}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.map((h, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{t.when(new Date(h.at))}</Table.Cell>
                    <Table.Cell>
                      {t.historyEntry(
                        h.action,
                        h.role && t.roleIn(roleName(h.role), h.departmentName),
                        h.actorName,
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {isMerge(h.action) ? t.historyByMerge : (h.actorName ?? t.historyByOperator)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </section>
      <section className="sp-stack" aria-labelledby="person-logins">
        <Heading level={2} data-size="sm" id="person-logins">
          {t.loginsTitle}
        </Heading>
        {logins.length === 0 ? (
          <Paragraph>{t.noLogins}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.loginsIntro(AUTH_EVENTS_SHOWN)}</Paragraph>
            <TableScroll label={t.loginsTitle}>
              <Table>
                <caption className="ds-sr-only">{t.loginsTitle}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.loginsWhen}</Table.HeaderCell>
                    <Table.HeaderCell>{t.loginsWhat}</Table.HeaderCell>
                    <Table.HeaderCell>{t.loginsDetail}</Table.HeaderCell>
                    <Table.HeaderCell>{t.loginsSession}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {logins.map((e, i) => (
                    <Table.Row key={i}>
                      <Table.Cell>{t.when(new Date(e.at))}</Table.Cell>
                      <Table.Cell>{loginWhat(e)}</Table.Cell>
                      <Table.Cell>{loginDetail(e)}</Table.Cell>
                      <Table.Cell>{e.sessionRef ?? ''}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </>
        )}
      </section>
      <div className="sp-row">
        <RouteLink to="/admin/brukere">{t.usersTitle}</RouteLink>
        <RouteLink to="/admin">{t.backToAdmin}</RouteLink>
      </div>
    </div>
  );
}
