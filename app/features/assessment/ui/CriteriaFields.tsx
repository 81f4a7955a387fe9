import { Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { ChoiceField, TextField } from '../../../ui/fields';
import type { UnsavedText } from '../../../ui/ProblemAlert';
import type { FieldErrors } from '../../cases/domain/application';
import { CRITERIA, criterionFields, LEVELS } from '../domain/criteria';

/**
 * The criteria fields for a form's error summary (`FormErrorSummary`): each field's label and the
 * id of its first control, under the form's `idPrefix`.
 */
export function criteriaSummaryFields(idPrefix: string) {
  const labels: Record<string, string> = {};
  const anchors: Record<string, string> = {};
  for (const criterion of CRITERIA) {
    const title = msg.assessment.criteria[criterion].title;
    const fields = criterionFields(criterion);
    labels[fields.level] = title;
    anchors[fields.level] = `${idPrefix}-${criterion}-${LEVELS[0]}`;
    labels[fields.text] = msg.assessment.ratingTextFor(title);
    anchors[fields.text] = `${idPrefix}-${criterion}-text`;
  }
  return { labels, anchors };
}

/** The criteria's justifications a refused post had typed, for «Dette skrev du» (`ProblemAlert`). */
export function unsavedCriteria(values: Readonly<Record<string, string>>): UnsavedText[] {
  return CRITERIA.map((criterion) => ({
    label: msg.assessment.ratingTextFor(msg.assessment.criteria[criterion].title),
    text: values[criterionFields(criterion).text] ?? '',
  }));
}

/**
 * The priority criteria as form fields: for each, a level on the scale and a short justification.
 * `values` are what was typed (or saved), so nothing is lost when the form comes back with errors.
 */
export function CriteriaFields({
  idPrefix,
  values,
  errors,
}: {
  idPrefix: string;
  values: Readonly<Record<string, string>>;
  errors: FieldErrors;
}) {
  return (
    <>
      {CRITERIA.map((criterion) => {
        const texts = msg.assessment.criteria[criterion];
        const fields = criterionFields(criterion);
        const levelError = errors[fields.level];
        const textError = errors[fields.text];
        const levelErrorId = `${idPrefix}-${criterion}-level-error`;
        return (
          <Fieldset key={criterion}>
            <Fieldset.Legend>{texts.title}</Fieldset.Legend>
            <Fieldset.Description>{texts.help}</Fieldset.Description>
            <div className="sp-row">
              {LEVELS.map((level) => (
                <ChoiceField
                  key={level}
                  type="radio"
                  id={`${idPrefix}-${criterion}-${level}`}
                  name={fields.level}
                  value={String(level)}
                  label={msg.assessment.levelValue(level, texts.levels[level - 1] ?? '')}
                  defaultChecked={values[fields.level] === String(level)}
                  errorId={levelError ? levelErrorId : undefined}
                />
              ))}
            </div>
            {levelError && (
              <ValidationMessage id={levelErrorId}>{msg.errors[levelError]}</ValidationMessage>
            )}
            <TextField
              id={`${idPrefix}-${criterion}-text`}
              name={fields.text}
              label={msg.assessment.ratingTextFor(texts.title)}
              multiline
              rows={2}
              defaultValue={values[fields.text] ?? ''}
              error={textError ? msg.errors[textError] : undefined}
            />
          </Fieldset>
        );
      })}
    </>
  );
}
