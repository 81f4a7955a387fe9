import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { STATUSES } from '../features/cases/domain/workflow';
import { StatusTag } from '../features/cases/ui/StatusTag';
import { norwegianDateOf } from '../features/cases/domain/dates';
import { filterFormValues, type FilterError } from '../features/national/domain/overview';
import {
  parseRegisterQuery,
  REGISTER_KEYS,
  registerQueryString,
  type RegisterFilter,
  type RegisterTab,
} from '../features/national/domain/register';
import {
  registerDepartments,
  registerPage,
  tabsFor,
  type RegisterDepartment,
  type RegisterRow,
} from '../features/national/register.server';
import { FilterProblems } from '../features/national/ui/FilterProblems';
import { SelectField } from '../features/national/ui/SelectField';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import { DateField, TextField } from '../ui/fields';
import { Pager } from '../ui/Pager';
import type { Route } from './+types/register';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';
import { RetrospectiveTag } from '../features/retrospective/ui/RetrospectiveTag';

/**
 * The local registers (BRIEF §4.9): my applications, my department's and my trust's, as tabs
 * (plain links); each lists only cases the case page would open for the actor.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const url = new URL(request.url);
  const tabs = tabsFor(actor);
  const values = filterFormValues(url.searchParams);
  // Without a tab chosen, the widest the actor has: the trust's for the director and committee,
  // the department's for a leader.
  const parsed = parseRegisterQuery(url.searchParams.entries(), tabs.at(-1));
  // A refused query shows the form with its problems and no list.
  const refused = (
    tab: RegisterTab,
    departments: RegisterDepartment[],
    errors: Partial<Record<string, FilterError>>,
  ) =>
    data(
      {
        tabs,
        tab,
        values,
        errors,
        departments,
        rows: [] as RegisterRow[],
        query: '',
        nextQuery: null,
        paged: false,
      },
      { status: 400 },
    );
  if (!parsed.ok) {
    const departments = await registerDepartments(context.db, actor);
    return refused(tabs.at(-1) ?? 'mine', departments, parsed.errors);
  }
  if (!tabs.includes(parsed.value.tab)) throw data(null, { status: 403 });
  const page = await registerPage(context.db, actor, parsed.value, parsed.cursor);
  if (!page.ok) return refused(parsed.value.tab, page.departments, page.errors);
  return {
    tabs,
    tab: parsed.value.tab,
    values,
    errors: {} as Partial<Record<string, FilterError>>,
    departments: page.departments,
    rows: page.rows,
    query: registerQueryString(parsed.value),
    nextQuery: page.next ? registerQueryString(parsed.value, page.next) : null,
    paged: parsed.cursor !== null,
  };
}

const date = (at: Date | string | null) => (at ? norwegianDateOf(at) : '–');

function RegisterTable({
  caption,
  rows,
  filtered,
}: {
  caption: string;
  rows: RegisterRow[];
  filtered: boolean;
}) {
  const r = msg.national.register;
  const c = msg.national.columns;
  if (rows.length === 0) return <Paragraph>{filtered ? r.empty : r.none}</Paragraph>;
  return (
    <TableScroll label={caption} wide>
      <Table zebra data-size="sm">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{c.caseNumber}</Table.HeaderCell>
            <Table.HeaderCell>{r.status}</Table.HeaderCell>
            <Table.HeaderCell>{c.drug}</Table.HeaderCell>
            <Table.HeaderCell>{c.indication}</Table.HeaderCell>
            <Table.HeaderCell>{r.applicant}</Table.HeaderCell>
            <Table.HeaderCell>{r.department}</Table.HeaderCell>
            <Table.HeaderCell>{c.submitted}</Table.HeaderCell>
            <Table.HeaderCell>{c.decided}</Table.HeaderCell>
            <Table.HeaderCell>{c.outcome}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => {
            const label = row.caseNumber ?? r.noCaseNumber;
            return (
              <Table.Row key={row.id}>
                <Table.Cell className="sp-nowrap">
                  <RouteLink to={`/saker/${row.id}`} aria-label={r.open(label)}>
                    {label}
                  </RouteLink>
                </Table.Cell>
                <Table.Cell>
                  <StatusTag status={row.status} />
                </Table.Cell>
                <Table.Cell>{row.drug ?? '–'}</Table.Cell>
                <Table.Cell>
                  {row.diagnosisCode
                    ? `${row.diagnosisCode}${row.diagnosisName ? ` ${row.diagnosisName}` : ''}`
                    : '–'}
                </Table.Cell>
                <Table.Cell>{row.applicantName ?? <RetrospectiveTag inTable />}</Table.Cell>
                <Table.Cell>{row.departmentName}</Table.Cell>
                <Table.Cell>{date(row.submittedAt)}</Table.Cell>
                <Table.Cell>{date(row.decidedAt)}</Table.Cell>
                <Table.Cell>
                  {row.outcome
                    ? ((msg.outcomes as Record<string, string | undefined>)[row.outcome] ??
                      row.outcome)
                    : '–'}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export default function Register({ loaderData }: Route.ComponentProps) {
  const { tabs, tab, values, errors, departments, rows, query, nextQuery, paged } = loaderData;
  const r = msg.national.register;
  const t = msg.national;
  const error = (key: string) => {
    const code = errors[key];
    return code ? t.errors[code] : undefined;
  };
  const filter: RegisterFilter = { tab };
  return (
    <div className="sp-stack">
      <title>{pageTitle(`${r.tabs[tab]} – ${r.title}`, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {r.title}
      </Heading>
      <Paragraph>{r.intro}</Paragraph>
      <nav aria-label={r.tabsLabel}>
        <ul className="sp-row sp-tabs">
          {tabs.map((name) => (
            <li key={name}>
              <RouteLink
                to={`/register?${registerQueryString({ tab: name })}`}
                aria-current={name === tab ? 'page' : undefined}
              >
                {name === tab ? <strong>{r.tabs[name]}</strong> : r.tabs[name]}
              </RouteLink>
            </li>
          ))}
        </ul>
      </nav>
      <FilterProblems errors={errors} known={REGISTER_KEYS} />
      <Form method="get" action="/register" className="sp-stack" aria-labelledby="register-filters">
        <Heading level={2} data-size="sm" id="register-filters">
          {t.filters}
        </Heading>
        <input type="hidden" name="fane" value={filter.tab} />
        <div className="sp-grid">
          <SelectField
            id="register-status"
            name="status"
            label={r.status}
            defaultValue={values.status}
            error={error('status')}
            options={[
              { value: '', label: r.anyStatus },
              ...STATUSES.map((s) => ({ value: s, label: msg.statuses[s] })),
            ]}
          />
          <SelectField
            id="register-department"
            name="avdeling"
            label={r.department}
            defaultValue={values.avdeling}
            error={error('avdeling')}
            options={[
              { value: '', label: r.anyDepartment },
              ...departments.map((d) => ({ value: d.id, label: d.name })),
            ]}
          />
          <DateField
            id="register-from"
            name="fra"
            label={t.from}
            defaultValue={values.fra}
            error={error('fra')}
          />
          <DateField
            id="register-to"
            name="til"
            label={t.to}
            defaultValue={values.til}
            error={error('til')}
          />
          <TextField
            id="register-text"
            name="sok"
            label={t.freeText}
            description={r.freeTextHelp}
            defaultValue={values.sok}
            error={error('sok')}
          />
        </div>
        <div className="sp-row">
          <Button type="submit">{t.apply}</Button>
        </div>
      </Form>
      {Object.keys(errors).length === 0 && (
        <>
          <RegisterTable
            caption={r.captions[tab]}
            rows={rows}
            filtered={Boolean(
              values.status || values.avdeling || values.fra || values.til || values.sok,
            )}
          />
          <Pager
            label={t.pagination}
            first={paged ? `/register?${query}` : null}
            next={nextQuery ? `/register?${nextQuery}` : null}
            firstLabel={t.firstPage}
            nextLabel={t.nextPage}
          />
        </>
      )}
    </div>
  );
}
