import { Alert, Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { parseDepartmentName } from '../features/admin/domain/people';
import { adminRefusal } from '../features/admin/http.server';
import {
  createDepartment,
  listDepartments,
  removeDepartment,
  renameDepartment,
} from '../features/admin/trust-admin.server';
import { AdminErrors } from '../features/admin/ui/GrantFields';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import { TextField } from '../ui/fields';
import { RouteLink } from '../ui/RouteLink';
import type { Route } from './+types/admin-departments';

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

/** POST: add (`create`), rename or remove a department. */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const intent = formText(form, 'intent');
  const id = formText(form, 'id');
  const name = formText(form, 'name');
  const done = (notice: Notice) => redirect(`/admin/avdelinger?utfort=${notice}`);
  try {
    if (intent === 'remove') {
      const removed = await removeDepartment(context.db, actor, id);
      if (!removed.ok) return data({ id, errors: removed.errors, name }, { status: 409 });
      return done('removed');
    }
    const parsed = parseDepartmentName({ name });
    if (intent === 'rename') {
      const result = parsed.ok
        ? await renameDepartment(context.db, actor, id, parsed.value)
        : parsed;
      if (!result.ok) return data({ id, errors: result.errors, name }, { status: 400 });
      return done('renamed');
    }
    const result = parsed.ok ? await createDepartment(context.db, actor, parsed.value) : parsed;
    if (!result.ok) return data({ id: '', errors: result.errors, name }, { status: 400 });
    return done('created');
  } catch (error) {
    return adminRefusal(error);
  }
}

export default function AdminDepartments({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.trustAdmin;
  const { departments, trustName, notice } = loaderData;
  const failed = actionData ?? null;
  const prefixOf = (id: string) => (id ? `department-${id}` : 'new-department');
  const errorFor = (id: string) => {
    const code = failed && failed.id === id ? failed.errors.name : undefined;
    return code ? t.errors[code] : undefined;
  };
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.departmentsTitle, msg.app.name)}</title>
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
                    <Form method="post" className="sp-row">
                      <input type="hidden" name="intent" value="rename" />
                      <input type="hidden" name="id" value={d.id} />
                      <TextField
                        id={`${prefixOf(d.id)}-name`}
                        name="name"
                        label={t.newName(d.name)}
                        defaultValue={failed?.id === d.id ? failed.name : d.name}
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
      )}
      <Card data-color="neutral">
        <Heading level={2} data-size="sm" id="add-department">
          {t.addDepartmentTitle}
        </Heading>
        <Form method="post" className="sp-stack" aria-labelledby="add-department" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField
            id="new-department-name"
            name="name"
            label={t.departmentName}
            defaultValue={failed?.id === '' ? failed.name : ''}
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
