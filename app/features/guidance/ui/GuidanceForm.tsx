import { Button, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { formText } from '../../../lib/form';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import { TextField } from '../../../ui/fields';
import {
  GUIDANCE_LIMITS,
  type GuidanceField,
  type GuidanceFieldErrors,
  type GuidanceFormValues,
} from '../domain/guidance';

export type GuidanceValues = GuidanceFormValues & { version: string };

/** The form's values read from a post: the text, the link rows by position, the version. */
export function guidanceValues(form: FormData): GuidanceValues {
  const texts = (name: string) =>
    form.getAll(name).map((value) => (typeof value === 'string' ? value : ''));
  return {
    text: formText(form, 'text'),
    linkTitles: texts('linkTitle'),
    linkUrls: texts('linkUrl'),
    version: formText(form, 'version'),
  };
}

const fieldId = (field: GuidanceField) => `guidance-${field.replace('.', '-')}`;

/**
 * One place's guidance: plain text and a few link rows (title and https address), with the
 * version it was loaded with (the save is a compare-and-set on it). Works without JavaScript.
 */
export function GuidanceForm({
  headingId,
  values,
  errors,
}: {
  headingId: string;
  values: GuidanceValues;
  errors: GuidanceFieldErrors;
}) {
  const t = msg.guidanceAdmin;
  const rowCount = Math.max(
    GUIDANCE_LIMITS.links,
    values.linkTitles.length,
    values.linkUrls.length,
  );
  const rows = Array.from({ length: rowCount }, (_, row) => row);
  const error = (field: GuidanceField) => {
    const code = errors[field];
    return code ? t.errors[code] : undefined;
  };
  const labels: [GuidanceField, string][] = [
    ['text', t.text],
    ['links', t.linksLegend],
    ...rows.flatMap((row): [GuidanceField, string][] => [
      [`linkTitle.${row}`, t.linkTitle(row + 1)],
      [`linkUrl.${row}`, t.linkUrl(row + 1)],
    ]),
  ];
  const linksError = error('links');
  return (
    <Form method="post" className="sp-stack" aria-labelledby={headingId} noValidate>
      <ErrorSummaryList
        errors={labels.flatMap(([field, label]) => {
          const text = error(field);
          return text ? [{ anchor: fieldId(field), label, text }] : [];
        })}
      />
      <input type="hidden" name="version" value={values.version} />
      <TextField
        id={fieldId('text')}
        name="text"
        label={t.text}
        description={t.textHelp}
        multiline
        rows={8}
        defaultValue={values.text}
        error={error('text')}
      />
      <Fieldset
        id={fieldId('links')}
        aria-invalid={linksError ? true : undefined}
        aria-describedby={linksError ? `${fieldId('links')}-error` : undefined}
      >
        <Fieldset.Legend>{t.linksLegend}</Fieldset.Legend>
        <Fieldset.Description>{t.linksHelp}</Fieldset.Description>
        {linksError && (
          <ValidationMessage id={`${fieldId('links')}-error`}>{linksError}</ValidationMessage>
        )}
        {rows.map((row) => (
          <div key={row} className="sp-row">
            <TextField
              id={fieldId(`linkTitle.${row}`)}
              name="linkTitle"
              label={t.linkTitle(row + 1)}
              defaultValue={values.linkTitles[row] ?? ''}
              error={error(`linkTitle.${row}`)}
            />
            <TextField
              id={fieldId(`linkUrl.${row}`)}
              name="linkUrl"
              label={t.linkUrl(row + 1)}
              defaultValue={values.linkUrls[row] ?? ''}
              error={error(`linkUrl.${row}`)}
              autoComplete="url"
            />
          </div>
        ))}
      </Fieldset>
      <div>
        <Button type="submit">{t.save}</Button>
      </div>
    </Form>
  );
}
