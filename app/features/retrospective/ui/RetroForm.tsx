import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { DECISION_OUTCOMES, PATIENT_SCOPES, SCHEMES } from '../../cases/domain/application';
import { DrugCombobox } from '../../fest/ui/DrugCombobox';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import { DateField, TextField } from '../../../ui/fields';
import {
  FOLLOW_UPS,
  RETRO_COLUMNS,
  type RetroColumn,
  type RetroDateColumn,
  type RetroErrors,
  type RetroSelectColumn,
  type RetroValues,
} from '../domain/retrospective';

const fieldId = (column: RetroColumn) => `retro-${column}`;
const t = msg.retrospective;

interface Props {
  departments: readonly string[];
  /** Today in Norway (YYYY-MM-DD): neither date can be later. */
  today: string;
  values: RetroValues;
  errors: RetroErrors;
}

/** The etterregistrering form: one case, no patient identity. Works without JavaScript. */
export function RetroForm({ departments, today, values, errors }: Props) {
  const error = (column: RetroColumn) => {
    const code = errors[column];
    // The form chooses the drug by name, so its message does not speak of a FEST-id.
    if (code === 'drugRequired') return t.drugRequiredInForm;
    return code ? t.errors[code] : undefined;
  };
  const wrong = RETRO_COLUMNS.filter((c) => errors[c]);
  // Each part's legend is a heading too, so «Legemiddel» the part does not read like a field.
  const legend = (text: string) => (
    <Fieldset.Legend>
      <Heading level={2} data-size="xs">
        {text}
      </Heading>
    </Fieldset.Legend>
  );
  const text = (column: RetroColumn, extra: { multiline?: boolean } = {}) => (
    <TextField
      id={fieldId(column)}
      name={column}
      label={t.columns[column]}
      description={t.columnHelp[column]}
      defaultValue={values[column]}
      error={error(column)}
      multiline={extra.multiline}
    />
  );
  // A date field shows and takes dd.mm.åååå and sends YYYY-MM-DD; the server checks the dates again.
  const date = (column: RetroDateColumn) => (
    <DateField
      id={fieldId(column)}
      name={column}
      label={t.columns[column]}
      description={t.dateHelp[column]}
      defaultValue={values[column]}
      max={today}
      error={error(column)}
    />
  );
  // A list's options speak for themselves: a help text only where the form has one
  // (`selectHelp`), not the spreadsheet's, which lists the values to type.
  const select = (
    column: RetroSelectColumn,
    options: readonly { value: string; label: string }[],
    withEmpty = true,
  ) => {
    const id = fieldId(column);
    const err = error(column);
    const help: string | undefined = t.selectHelp[column];
    return (
      <Field>
        <Label htmlFor={id}>{t.columns[column]}</Label>
        {help && <Field.Description id={`${id}-description`}>{help}</Field.Description>}
        <Select
          id={id}
          name={column}
          defaultValue={values[column]}
          aria-describedby={
            [help ? `${id}-description` : '', err ? `${id}-error` : ''].join(' ').trim() ||
            undefined
          }
          aria-invalid={err ? true : undefined}
        >
          {withEmpty && <Select.Option value="">{t.chooseOption}</Select.Option>}
          {options.map((o) => (
            <Select.Option key={o.value} value={o.value}>
              {o.label}
            </Select.Option>
          ))}
        </Select>
        {err && <ValidationMessage id={`${id}-error`}>{err}</ValidationMessage>}
      </Field>
    );
  };
  return (
    <Form method="post" className="sp-stack sp-form" noValidate>
      <ErrorSummaryList
        errors={wrong.map((c) => ({
          anchor: fieldId(c),
          label: t.columns[c],
          text: error(c) ?? '',
        }))}
      />
      <Fieldset>
        {legend(t.sectionCase)}
        {text('reference')}
        {select(
          'department',
          departments.map((d) => ({ value: d, label: d })),
        )}
        {select(
          'scheme',
          SCHEMES.map((s) => ({ value: s, label: msg.schemes[s] })),
        )}
        {select(
          'patientScope',
          PATIENT_SCOPES.map((s) => ({ value: s, label: msg.patientScopes[s] })),
        )}
      </Fieldset>
      <Fieldset>
        {legend(t.sectionDrug)}
        <Fieldset.Description>{t.sectionDrugHelp}</Fieldset.Description>
        <div id={fieldId('drugName')}>
          <DrugCombobox
            name="drugId"
            label={t.columns.drugName}
            error={error('drugName') ?? error('drugId')}
            defaultValue={
              values.drugId || values.drugName
                ? { id: values.drugId, label: values.drugName }
                : null
            }
          />
        </div>
        {text('atc')}
        {text('substance')}
      </Fieldset>
      <Fieldset>
        {legend(t.sectionDiagnoses)}
        {text('mainDiagnosis')}
        {text('otherDiagnoses')}
      </Fieldset>
      <Fieldset>
        {legend(t.sectionDecision)}
        {date('submittedDate')}
        {date('decidedDate')}
        {select(
          'outcome',
          DECISION_OUTCOMES.map((o) => ({ value: o, label: msg.outcomes[o] })),
        )}
        {text('conditions', { multiline: true })}
        {text('reason', { multiline: true })}
        {select(
          'followUp',
          [
            { value: '', label: t.noFollowUp },
            ...FOLLOW_UPS.map((f) => ({ value: f, label: t.followUps[f] })),
          ],
          false,
        )}
      </Fieldset>
      <div>
        <Button type="submit">{t.register}</Button>
      </div>
    </Form>
  );
}
