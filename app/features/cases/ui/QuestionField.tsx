import { Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { ChoiceField, TextField } from '../../../ui/fields';
import type { ValidationError } from '../domain/application';
import type { AnswerValue, Question } from '../domain/questionnaire';
import { DiagnosisPicker } from '../../diagnoses/ui/DiagnosisPicker';
import type { Diagnosis } from '../../diagnoses/domain/diagnosis';
import { DrugCombobox } from '../../fest/ui/DrugCombobox';
import { fieldAnchor, fieldName, presentField } from './questionnaire-form';
import { optionLabel } from '../domain/option-labels';
import { questionErrorText } from './QuestionnaireView';

const asText = (value: AnswerValue | null): string => {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return value.label;
};

/**
 * One question of the questionnaire, rendered from its definition. Every field posts under
 * `q.<id>` with a `q.<id>.present` marker, so an unticked box or an empty list is still a change.
 */
export function QuestionField({
  question,
  value,
  error,
  diagnoses = {},
  unknownDiagnoses = [],
}: {
  question: Question;
  value: AnswerValue | null;
  error: ValidationError | undefined;
  /** The chosen diagnoses by code as written, with their texts (looked up on the server). */
  diagnoses?: Partial<Record<string, Diagnosis>>;
  /** Diagnosis codes the last save found in neither ICD-10 nor ICPC-2, as typed. */
  unknownDiagnoses?: readonly string[];
}) {
  const { label } = msg.questionnaire.questions[question.id];
  const help = msg.questionHelp.questions[question.id];
  const name = fieldName(question.id);
  const id = fieldAnchor(question.id);
  const errorText = error ? questionErrorText(question, error, unknownDiagnoses) : undefined;
  const marker = <input type="hidden" name={presentField(question.id)} value="1" />;

  switch (question.type) {
    case 'choice': {
      const errorId = `${id}-error`;
      return (
        <Fieldset data-question={question.id}>
          {marker}
          <Fieldset.Legend>{label}</Fieldset.Legend>
          <Fieldset.Description>{help}</Fieldset.Description>
          {(question.options ?? []).map((option, i) => (
            <ChoiceField
              key={option}
              type="radio"
              id={i === 0 ? id : `${id}-${option}`}
              name={name}
              value={option}
              label={optionLabel(question, option)}
              defaultChecked={value === option}
              errorId={errorText ? errorId : undefined}
            />
          ))}
          {errorText && <ValidationMessage id={errorId}>{errorText}</ValidationMessage>}
        </Fieldset>
      );
    }
    case 'confirm': {
      const errorId = `${id}-error`;
      return (
        <Fieldset data-question={question.id}>
          {marker}
          <Fieldset.Legend>{label}</Fieldset.Legend>
          <Fieldset.Description>{help}</Fieldset.Description>
          <ChoiceField
            type="checkbox"
            id={id}
            name={name}
            value="yes"
            label={msg.questionnaire.yes}
            defaultChecked={value === 'yes'}
            errorId={errorText ? errorId : undefined}
          />
          {errorText && <ValidationMessage id={errorId}>{errorText}</ValidationMessage>}
        </Fieldset>
      );
    }
    case 'drug': {
      const drug = value && typeof value === 'object' && !Array.isArray(value) ? value : null;
      return (
        <div data-question={question.id} id={id}>
          {marker}
          <DrugCombobox
            name={name}
            label={label}
            description={help}
            error={errorText}
            defaultValue={drug ? { id: drug.id ?? '', label: drug.label } : null}
          />
        </div>
      );
    }
    case 'diagnoses': {
      const codes = Array.isArray(value) ? value : [];
      return (
        <div data-question={question.id} id={id}>
          {marker}
          <DiagnosisPicker
            name={name}
            label={label}
            description={help}
            error={errorText}
            defaultValue={codes.flatMap((code) => diagnoses[code] ?? [])}
            defaultText={codes.join(', ')}
          />
        </div>
      );
    }
    default:
      return (
        <div data-question={question.id}>
          {marker}
          {question.type === 'longText' ? (
            <TextField
              id={id}
              name={name}
              label={label}
              description={help}
              defaultValue={asText(value)}
              error={errorText}
              multiline
              rows={4}
            />
          ) : (
            <TextField
              id={id}
              name={name}
              label={label}
              description={help}
              defaultValue={asText(value)}
              error={errorText}
              autoComplete="off"
              inputMode={
                question.type === 'number' || question.type === 'patientId' ? 'decimal' : undefined
              }
            />
          )}
        </div>
      );
  }
}
