import { Alert, Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import {
  parseDepartmentName,
  type AdminFieldErrors,
  type DepartmentField,
} from '../features/admin/domain/people';
import { adminRefusal } from '../features/admin/http.server';
import {
  createDepartment,
  listDepartments,
  removeDepartment,
  renameDepartment,
} from '../features/admin/trust-admin.server';
import { AdminErrors } from '../features/admin/ui/GrantFields';
import { msg } from '../i18n';
import { formText, formVersion, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import { TextField } from '../ui/fields';
import { RouteLink } from '../ui/RouteLink';
import type { Route } from './+types/admin-departments';
import { TableScroll } from '../ui/TableScroll';

const NOTICES = ['created', 'renamed', 'removed'] as const;
type Notice = (typeof NOTICES)[number];
const NOTICE_TEXT = {
  created: msg.trustAdmin.departmentCreated,
  renamed: msg.trustAdmin.departmentRenamed,
  removed: msg.trustAdmin.departmentRemoved,
} satisfies Record<Notice, string>;

/** GET /admin/avdelinger: the trust's departments, for its administrator. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const departments = await listDepartments(context.db, actor).catch(adminRefusal);
  const notice = new URL(request.url).searchParams.get('utfort');
  return {
    departments,
    trustName: actor.trustName,
    notice: NOTICES.find((n) => n === notice) ?? null,
  };
}

/**
 * POST: add (`create`), rename or remove a department. A rename or removal names the version the
 * row was shown with; changed since (409), nothing changes and the typed name stays in the field.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const id = formText(form, 'id');
  const name = formText(form, 'name');
  const shownVersion = formText(form, 'version');
  const version = formVersion(shownVersion);
  const done = (notice: Notice) => redirect(`/admin/avdelinger?utfort=${notice}`);
  // Refused: the page again with the typed name in the row's field (a removal types none). A
  // department changed since the row was shown (409) is shown with its stored name and version;
  // otherwise the row keeps the version it was shown with, so a change in between is still
  // caught on the next try.
  const refused = (row: string, errors: AdminFieldErrors<DepartmentField>) => {
    const changed =
      errors.name === 'departmentChanged' || errors.name === 'departmentChangedNotRemoved';
    return data(
      {
        id: row,
        errors,
        name: intent === 'remove' ? null : name,
        version: changed ? '' : shownVersion,
      },
      { status: changed || errors.name === 'departmentInUse' ? 409 : 400 },
    );
  };
  try {
    if (intent === 'remove') {
      const removed = await removeDepartment(context.db, actor, id, version);
      return removed.ok ? done('removed') : refused(id, removed.errors);
    }
    const parsed = parseDepartmentName({ name });
    if (intent === 'rename') {
      const result = parsed.ok
        ? await renameDepartment(context.db, actor, id, { ...parsed.value, version })
        : parsed;
      return result.ok ? done('renamed') : refused(id, result.errors);
    }
    const result = parsed.ok ? await createDepartment(context.db, actor, parsed.value) : parsed;
    return result.ok ? done('created') : refused('', result.errors);
  } catch (error) {
    return adminRefusal(error);
  }
}

/**
 * A refusal for a department changed since the page was shown (409) reads the page again, as a
 * browser without JavaScript does: the row shows the stored name and version beside what was typed.
 */
export const shouldRevalidate = revalidateAfterConflict;

export default function AdminDepartments({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.trustAdmin;
  const { departments, trustName, notice } = loaderData;
  const failed = actionData ?? null;
  const prefixOf = (id: string) => (id ? `department-${id}` : 'new-department');
  const versionOf = (d: { id: string; version: number }) =>
    failed?.id === d.id && failed.version !== '' ? failed.version : String(d.version);
  const errorFor = (id: string) => {
    const code = failed && failed.id === id ? failed.errors.name : undefined;
    return code ? t.errors[code] : undefined;
  };
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.departmentsTitle, msg.app.name, postFailed(failed))}</title>
      <Heading level={1} data-size="lg">
        {t.departmentsTitle}
      </Heading>
      <Paragraph>{t.departmentsIntro(trustName)}</Paragraph>
      {notice && !failed && <Alert data-color="success">{NOTICE_TEXT[notice]}</Alert>}
      {failed && (
        <AdminErrors
          idPrefix={prefixOf(failed.id)}
          errors={failed.errors}
          labels={{ name: t.departmentName }}
        />
      )}
      {departments.length === 0 ? (
        <Paragraph>{t.noDepartments}</Paragraph>
      ) : (
        <TableScroll label={t.departmentsTitle}>
          <Table>
            <caption className="ds-sr-only">{t.departmentsTitle}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.departmentName}</Table.HeaderCell>
                <Table.HeaderCell>{t.departmentRoles}</Table.HeaderCell>
                <Table.HeaderCell>{t.departmentCases}</Table.HeaderCell>
                <Table.HeaderCell>{msg.case.actions}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {departments.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{d.name}</Table.Cell>
                  <Table.Cell>{d.roles}</Table.Cell>
                  <Table.Cell>{d.cases}</Table.Cell>
                  <Table.Cell>
                    <div className="sp-row">
                      <Form method="post" className="sp-row sp-inline-form">
                        <input type="hidden" name="intent" value="rename" />
                        <input type="hidden" name="id" value={d.id} />
                        {/* The version the row was shown with: a change in between is refused. */}
                        <input type="hidden" name="version" value={versionOf(d)} />
                        <TextField
                          id={`${prefixOf(d.id)}-name`}
                          name="name"
                          label={t.newName(d.name)}
                          defaultValue={(failed?.id === d.id ? failed.name : null) ?? d.name}
                          error={errorFor(d.id)}
                        />
                        <div>
                          <Button
                            type="submit"
                            variant="secondary"
                            data-size="sm"
                            aria-label={t.renameNamed(d.name)}
                          >
                            {t.rename}
                          </Button>
                        </div>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="id" value={d.id} />
                        <input type="hidden" name="version" value={versionOf(d)} />
                        <Button
                          type="submit"
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t.removeNamed(d.name)}
                        >
                          {t.remove}
                        </Button>
                      </Form>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Card>
        <Heading level={2} data-size="sm" id="add-department">
          {t.addDepartmentTitle}
        </Heading>
        <Form method="post" className="sp-stack" aria-labelledby="add-department" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField
            id="new-department-name"
            name="name"
            label={t.departmentName}
            defaultValue={(failed?.id === '' ? failed.name : null) ?? ''}
            error={errorFor('')}
          />
          <div>
            <Button type="submit">{t.addDepartment}</Button>
          </div>
        </Form>
      </Card>
      <RouteLink to="/admin">{t.backToAdmin}</RouteLink>
    </div>
  );
}
