import { Button, Card, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { parsePerson, PERSON_FIELDS, type PersonField } from '../features/admin/domain/people';
import { adminRefusal } from '../features/admin/http.server';
import { addPerson, listDepartments, listTrustPeople } from '../features/admin/trust-admin.server';
import { AdminErrors, GrantFields } from '../features/admin/ui/GrantFields';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import { TextField } from '../ui/fields';
import { RouteLink } from '../ui/RouteLink';
import type { Route } from './+types/admin-users';
import { TableScroll } from '../ui/TableScroll';

const t = msg.trustAdmin;
const LABELS: Record<PersonField, string> = {
  name: t.name,
  title: t.title,
  email: t.email,
  idNumber: t.idNumber,
  role: t.role,
  departmentId: t.department,
};
const EMPTY = Object.fromEntries(PERSON_FIELDS.map((f) => [f, ''])) as Record<PersonField, string>;

/** GET /admin/brukere: the people holding a role in the administrator's trust. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const [people, departments] = await Promise.all([
    listTrustPeople(context.db, actor),
    listDepartments(context.db, actor),
  ]).catch(adminRefusal);
  return {
    people,
    departments: departments.map(({ id, name }) => ({ id, name })),
    trustName: actor.trustName,
  };
}

/** POST: add a person with their first role (or give it to the user with that HPR or identity number). */
export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), PERSON_FIELDS);
  try {
    const parsed = parsePerson(values);
    const result = parsed.ok
      ? await addPerson(context.db, actor, parsed.value, context.pidSecret)
      : parsed;
    if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
    const notice = result.existing ? 'existing' : 'created';
    return redirect(`/admin/brukere/${result.userId}?utfort=${notice}`);
  } catch (error) {
    return adminRefusal(error);
  }
}

export default function AdminUsers({ loaderData, actionData }: Route.ComponentProps) {
  const { people, departments, trustName } = loaderData;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? EMPTY;
  const error = (field: PersonField) => {
    const code = errors[field];
    return code ? t.errors[code] : undefined;
  };
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.usersTitle, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {t.usersTitle}
      </Heading>
      <Paragraph>{t.usersIntro(trustName)}</Paragraph>
      {people.length === 0 ? (
        <Paragraph>{t.noPeople}</Paragraph>
      ) : (
        <TableScroll label={t.usersTitle}>
          <Table>
            <caption className="ds-sr-only">{t.usersTitle}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.name}</Table.HeaderCell>
                <Table.HeaderCell>{t.titleColumn}</Table.HeaderCell>
                <Table.HeaderCell>{t.email}</Table.HeaderCell>
                <Table.HeaderCell>{t.hprNumber}</Table.HeaderCell>
                <Table.HeaderCell>{t.roles}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <RouteLink to={`/admin/brukere/${p.id}`}>{p.name}</RouteLink>
                  </Table.Cell>
                  <Table.Cell>{p.title}</Table.Cell>
                  <Table.Cell>{p.email}</Table.Cell>
                  <Table.Cell>{p.hprNumber ?? (p.hasPid ? t.noHpr : '')}</Table.Cell>
                  <Table.Cell>
                    {p.roles.map((r) => t.roleIn(msg.roles[r.role], r.departmentName)).join(', ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <Card>
        <Heading level={2} data-size="sm" id="add-person">
          {t.addPersonTitle}
        </Heading>
        <Paragraph data-size="sm">{t.addPersonIntro}</Paragraph>
        <AdminErrors idPrefix="person" errors={errors} labels={LABELS} />
        <Form method="post" className="sp-stack" aria-labelledby="add-person" noValidate>
          <TextField
            id="person-name"
            name="name"
            label={t.name}
            defaultValue={values.name}
            error={error('name')}
            autoComplete="off"
          />
          <TextField
            id="person-title"
            name="title"
            label={t.title}
            defaultValue={values.title}
            error={error('title')}
            autoComplete="off"
          />
          <TextField
            id="person-email"
            name="email"
            label={t.email}
            defaultValue={values.email}
            error={error('email')}
            autoComplete="off"
          />
          <TextField
            id="person-idNumber"
            name="idNumber"
            label={t.idNumber}
            description={t.idHelp}
            inputMode="numeric"
            defaultValue={values.idNumber}
            error={error('idNumber')}
            autoComplete="off"
          />
          <GrantFields
            idPrefix="person"
            departments={departments}
            values={values}
            errors={errors}
          />
          <div>
            <Button type="submit">{t.addPerson}</Button>
          </div>
        </Form>
      </Card>
      <RouteLink to="/admin">{t.backToAdmin}</RouteLink>
    </div>
  );
}
