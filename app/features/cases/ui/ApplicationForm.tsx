import {
  Alert,
  Button,
  Fieldset,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { PATIENT_SCOPES, SCHEMES, type FieldErrors } from '../domain/application';
import type { Problem } from '../domain/errors';
import { FormErrorSummary } from './FormErrorSummary';

export const APPLICATION_FIELDS = [
  'scheme',
  'patientScope',
  'patientId',
  'drug',
  'indication',
  'justification',
] as const;
export type ApplicationValues = Record<(typeof APPLICATION_FIELDS)[number], string>;

/** Where the error summary links to for each field (the first radio of a fieldset). */
const ANCHORS: Record<(typeof APPLICATION_FIELDS)[number], string> = {
  scheme: `scheme-${SCHEMES[0]}`,
  patientScope: `patientScope-${PATIENT_SCOPES[0]}`,
  patientId: 'patientId',
  drug: 'drug',
  indication: 'indication',
  justification: 'justification',
};

const LABELS: Record<(typeof APPLICATION_FIELDS)[number], string> = {
  scheme: msg.application.scheme,
  patientScope: msg.application.patientScope,
  patientId: msg.application.patientId,
  drug: msg.application.drug,
  indication: msg.application.indication,
  justification: msg.application.justification,
};

const errorText = (errors: FieldErrors, field: string) => {
  const code = errors[field];
  return code ? msg.errors[code] : undefined;
};

/** The (minimal) application form; works without JavaScript. */
export function ApplicationForm({
  values,
  fieldErrors,
  problem,
  target,
}: {
  values: ApplicationValues;
  fieldErrors: FieldErrors;
  problem: Problem | null;
  target: { caseId: string; version: number } | null;
}) {
  const radioError = (field: 'scheme' | 'patientScope') => {
    const text = errorText(fieldErrors, field);
    return text ? { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` } : {};
  };
  return (
    <Form method="post" className="sp-form sp-stack" noValidate>
      {problem && <Alert data-color="danger">{msg.problems[problem]}</Alert>}
      <FormErrorSummary errors={fieldErrors} labels={LABELS} anchors={ANCHORS} />
      {target && (
        <>
          <input type="hidden" name="caseId" value={target.caseId} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <Fieldset>
        <Fieldset.Legend>{msg.application.scheme}</Fieldset.Legend>
        <Fieldset.Description>{msg.application.schemeHelp}</Fieldset.Description>
        {SCHEMES.map((scheme) => (
          <Radio
            key={scheme}
            id={`scheme-${scheme}`}
            name="scheme"
            value={scheme}
            label={msg.schemes[scheme]}
            defaultChecked={values.scheme === scheme}
            {...radioError('scheme')}
          />
        ))}
        {errorText(fieldErrors, 'scheme') && (
          <ValidationMessage id="scheme-error">
            {errorText(fieldErrors, 'scheme')}
          </ValidationMessage>
        )}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{msg.application.patientScope}</Fieldset.Legend>
        {PATIENT_SCOPES.map((scope) => (
          <Radio
            key={scope}
            id={`patientScope-${scope}`}
            name="patientScope"
            value={scope}
            label={msg.patientScopes[scope]}
            defaultChecked={values.patientScope === scope}
            {...radioError('patientScope')}
          />
        ))}
        {errorText(fieldErrors, 'patientScope') && (
          <ValidationMessage id="patientScope-error">
            {errorText(fieldErrors, 'patientScope')}
          </ValidationMessage>
        )}
      </Fieldset>
      <Textfield
        id="patientId"
        name="patientId"
        label={msg.application.patientId}
        description={msg.application.patientIdHelp}
        defaultValue={values.patientId}
        error={errorText(fieldErrors, 'patientId')}
        inputMode="numeric"
        autoComplete="off"
      />
      <Textfield
        id="drug"
        name="drug"
        label={msg.application.drug}
        description={msg.application.drugHelp}
        defaultValue={values.drug}
        error={errorText(fieldErrors, 'drug')}
      />
      <Textfield
        id="indication"
        name="indication"
        label={msg.application.indication}
        description={msg.application.indicationHelp}
        defaultValue={values.indication}
        error={errorText(fieldErrors, 'indication')}
        multiline
        rows={3}
      />
      <Textfield
        id="justification"
        name="justification"
        label={msg.application.justification}
        description={msg.application.justificationHelp}
        defaultValue={values.justification}
        error={errorText(fieldErrors, 'justification')}
        multiline
        rows={8}
      />
      <div className="sp-row">
        <Button type="submit" name="intent" value="save" variant="secondary">
          {msg.application.saveDraft}
        </Button>
        <Button type="submit" name="intent" value="submit">
          {msg.application.submit}
        </Button>
      </div>
    </Form>
  );
}
