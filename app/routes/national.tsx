import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, Form } from 'react-router';
import { SCHEMES, PATIENT_SCOPES } from '../features/cases/domain/application';
import {
  NATIONAL_KEYS,
  NATIONAL_SORTS,
  nationalQueryString,
  OUTCOME_FILTERS,
  SORT_DIRECTIONS,
  type Cursor,
  type FilterError,
  type NationalFilter,
} from '../features/national/domain/overview';
import { readNationalPage } from '../features/national/http.server';
import type { NationalRow } from '../features/national/overview.server';
import { FilterProblems } from '../features/national/ui/FilterProblems';
import { NationalTable } from '../features/national/ui/NationalTable';
import { SelectField } from '../features/national/ui/SelectField';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import { DateField, TextField } from '../ui/fields';
import { Pager } from '../ui/Pager';
import type { Route } from './+types/national';

/**
 * The national overview (BRIEF §4.9): every trust's cases from `case_summaries` only, for every
 * signed-in user. A GET form filters and sorts; keyset pages; CSV/XLSX of the filtered set.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const { trusts, values, parsed, page } = await readNationalPage(context.db, actor, request);
  if (!parsed.ok || !page) {
    return data(
      {
        trusts,
        values,
        errors: parsed.ok ? {} : parsed.errors,
        rows: [] as NationalRow[],
        query: '',
        nextQuery: null,
        paged: false,
      },
      { status: 400 },
    );
  }
  return {
    trusts,
    values,
    errors: {} as Partial<Record<string, FilterError>>,
    rows: page.rows,
    query: nationalQueryString(parsed.value),
    nextQuery: page.next ? nextQuery(parsed.value, page.next) : null,
    paged: parsed.cursor !== null,
  };
}

const nextQuery = (filter: NationalFilter, next: Cursor) => nationalQueryString(filter, next);

const withEmpty = (empty: string, options: { value: string; label: string }[]) => [
  { value: '', label: empty },
  ...options,
];

export default function National({ loaderData }: Route.ComponentProps) {
  const { trusts, values, errors, rows, query, nextQuery: next, paged } = loaderData;
  const t = msg.national;
  const error = (key: string) => {
    const code = errors[key];
    return code ? t.errors[code] : undefined;
  };
  const suffix = query ? `?${query}` : '';
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <FilterProblems errors={errors} known={NATIONAL_KEYS} />
      <Form
        method="get"
        action="/nasjonalt"
        className="sp-stack"
        aria-labelledby="national-filters"
      >
        <Heading level={2} data-size="sm" id="national-filters">
          {t.filters}
        </Heading>
        <div className="sp-grid">
          <SelectField
            id="national-trust"
            name="foretak"
            label={t.trust}
            defaultValue={values.foretak}
            error={error('foretak')}
            options={withEmpty(
              t.anyTrust,
              trusts.map((trust) => ({ value: trust.code, label: trust.name })),
            )}
          />
          <SelectField
            id="national-scheme"
            name="ordning"
            label={t.scheme}
            defaultValue={values.ordning}
            error={error('ordning')}
            options={withEmpty(
              t.anyScheme,
              SCHEMES.map((s) => ({ value: s, label: msg.schemes[s] })),
            )}
          />
          <SelectField
            id="national-scope"
            name="omfang"
            label={t.scope}
            defaultValue={values.omfang}
            error={error('omfang')}
            options={withEmpty(
              t.anyScope,
              PATIENT_SCOPES.map((s) => ({ value: s, label: msg.patientScopes[s] })),
            )}
          />
          <SelectField
            id="national-outcome"
            name="utfall"
            label={t.outcome}
            defaultValue={values.utfall}
            error={error('utfall')}
            options={withEmpty(
              t.anyOutcome,
              OUTCOME_FILTERS.map((o) => ({
                value: o,
                label: o === 'ingen' ? t.noOutcome : msg.outcomes[o],
              })),
            )}
          />
          <TextField
            id="national-atc"
            name="atc"
            label={t.atc}
            defaultValue={values.atc}
            error={error('atc')}
          />
          <TextField
            id="national-icd"
            name="icd"
            label={t.icd}
            defaultValue={values.icd}
            error={error('icd')}
          />
          <DateField
            id="national-from"
            name="fra"
            label={t.from}
            defaultValue={values.fra}
            error={error('fra')}
          />
          <DateField
            id="national-to"
            name="til"
            label={t.to}
            defaultValue={values.til}
            error={error('til')}
          />
          <SelectField
            id="national-retrospective"
            name="etterregistrert"
            label={t.retrospective}
            defaultValue={values.etterregistrert}
            error={error('etterregistrert')}
            options={[
              { value: '', label: t.retrospectiveAny },
              { value: 'ja', label: t.yes },
              { value: 'nei', label: t.no },
            ]}
          />
          <TextField
            id="national-text"
            name="sok"
            label={t.freeText}
            description={t.freeTextHelp}
            defaultValue={values.sok}
            error={error('sok')}
          />
          <SelectField
            id="national-sort"
            name="sorter"
            label={t.sort}
            defaultValue={values.sorter ?? 'innsendt'}
            error={error('sorter')}
            options={NATIONAL_SORTS.map((s) => ({ value: s, label: t.sorts[s] }))}
          />
          <SelectField
            id="national-direction"
            name="retning"
            label={t.direction}
            defaultValue={values.retning ?? 'synkende'}
            error={error('retning')}
            options={SORT_DIRECTIONS.map((d) => ({ value: d, label: t.directions[d] }))}
          />
        </div>
        <div className="sp-row">
          <Button type="submit">{t.apply}</Button>
          <Link href="/nasjonalt">{t.reset}</Link>
        </div>
      </Form>
      {Object.keys(errors).length === 0 && (
        <>
          <div className="sp-row">
            <Link href={`/nasjonalt/eksport.csv${suffix}`} download>
              {t.exportCsv}
            </Link>
            <Link href={`/nasjonalt/eksport.xlsx${suffix}`} download>
              {t.exportXlsx}
            </Link>
          </div>
          <NationalTable rows={rows} />
          <Pager
            label={t.pagination}
            first={paged ? `/nasjonalt${suffix}` : null}
            next={next ? `/nasjonalt?${next}` : null}
            firstLabel={t.firstPage}
            nextLabel={t.nextPage}
          />
        </>
      )}
    </div>
  );
}
