import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { DateField } from '../../../ui/fields';
import { PATIENT_SCOPES, SCHEMES } from '../../cases/domain/application';
import { ATC_LEVELS, GRANULARITIES, type FilterError, type FilterField } from '../domain/filters';

interface Option {
  value: string;
  label: string;
}

function FilterField({
  name,
  label,
  values,
  errors,
  description,
  options,
}: {
  name: FilterField;
  label: string;
  values: Record<FilterField, string>;
  errors: Partial<Record<FilterField, FilterError>>;
  description?: string;
  options?: Option[];
}) {
  const id = `filter-${name}`;
  const error = errors[name];
  const describedBy =
    [description ? `${id}-description` : '', error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id,
    name,
    defaultValue: values[name],
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description id={`${id}-description`}>{description}</Field.Description>}
      {options ? (
        <Select {...common}>
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
      ) : (
        <Input {...common} type="text" />
      )}
      {error && (
        <ValidationMessage id={`${id}-error`}>{msg.statistics.errors[error]}</ValidationMessage>
      )}
    </Field>
  );
}

/** The filters as a GET form: works without JavaScript, every value stays in the address. */
export function FilterForm({
  values,
  errors,
  trusts,
}: {
  values: Record<FilterField, string>;
  errors: Partial<Record<FilterField, FilterError>>;
  trusts: { code: string; name: string }[];
}) {
  const s = msg.statistics;
  const common = { values, errors };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form
      method="get"
      action="/statistikk"
      className="sp-stack"
      aria-labelledby="statistics-filter"
    >
      <Heading level={2} data-size="sm" id="statistics-filter">
        {s.filterTitle}
      </Heading>
      {hasErrors && (
        <Alert data-color="danger">
          <Paragraph>{s.filterProblem}</Paragraph>
        </Alert>
      )}
      <div className="sp-grid">
        <DateField
          id="filter-fra"
          name="fra"
          label={s.from}
          defaultValue={values.fra}
          error={errors.fra && s.errors[errors.fra]}
        />
        <DateField
          id="filter-til"
          name="til"
          label={s.to}
          defaultValue={values.til}
          error={errors.til && s.errors[errors.til]}
        />
        <FilterField
          name="helseforetak"
          label={s.trustFilter}
          options={[
            { value: '', label: s.allTrusts },
            ...trusts.map((t) => ({ value: t.code, label: t.name })),
          ]}
          {...common}
        />
        <FilterField
          name="ordning"
          label={s.schemeFilter}
          options={[
            { value: '', label: s.allSchemes },
            ...SCHEMES.map((scheme) => ({ value: scheme, label: msg.schemes[scheme] })),
          ]}
          {...common}
        />
        <FilterField
          name="omfang"
          label={s.scopeFilter}
          options={[
            { value: '', label: s.allScopes },
            ...PATIENT_SCOPES.map((scope) => ({ value: scope, label: msg.patientScopes[scope] })),
          ]}
          {...common}
        />
        <FilterField name="atc" label={s.atcFilter} description={s.atcHelp} {...common} />
        <FilterField
          name="atcniva"
          label={s.atcLevel}
          options={ATC_LEVELS.map((level) => ({ value: level, label: s.atcLevels[level] }))}
          {...common}
        />
        <FilterField
          name="inndeling"
          label={s.granularity}
          options={GRANULARITIES.map((g) => ({ value: g, label: s.granularities[g] }))}
          {...common}
        />
      </div>
      <div>
        <Button type="submit">{s.apply}</Button>
      </div>
    </Form>
  );
}
