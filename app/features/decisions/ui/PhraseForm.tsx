import { Button, Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { ErrorSummaryList } from '../../../ui/ErrorSummaryList';
import { TextField } from '../../../ui/fields';
import { PHRASE_KINDS, type PhraseFieldErrors } from '../domain/phrases';

export const PHRASE_FIELDS = ['kind', 'title', 'text', 'sortOrder'] as const;
export type PhraseValues = Record<(typeof PHRASE_FIELDS)[number], string>;

/** Adds or edits one decision phrase; works without JavaScript. */
export function PhraseForm({
  idPrefix,
  headingId,
  values,
  errors,
  submitLabel,
  version,
}: {
  idPrefix: string;
  headingId: string;
  values: PhraseValues;
  errors: PhraseFieldErrors;
  submitLabel: string;
  /** Editing: the version the form was loaded with (the save is a compare-and-set on it). */
  version?: number;
}) {
  const t = msg.decisionModule.phrases;
  const error = (field: keyof PhraseFieldErrors) => {
    const code = errors[field];
    return code ? t.errors[code] : undefined;
  };
  const kindError = error('kind');
  const labels = { kind: t.kind, title: t.titleField, text: t.textField, sortOrder: t.sortOrder };
  return (
    <Form method="post" className="sp-stack" aria-labelledby={headingId} noValidate>
      <ErrorSummaryList
        errors={PHRASE_FIELDS.flatMap((field) => {
          const text = error(field);
          return text ? [{ anchor: `${idPrefix}-${field}`, label: labels[field], text }] : [];
        })}
      />
      <input type="hidden" name="intent" value="save" />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Field>
        <Label htmlFor={`${idPrefix}-kind`}>{t.kind}</Label>
        <Select
          id={`${idPrefix}-kind`}
          name="kind"
          defaultValue={values.kind}
          aria-invalid={kindError ? true : undefined}
          aria-describedby={kindError ? `${idPrefix}-kind-error` : undefined}
        >
          <Select.Option value="">{msg.decisionModule.none}</Select.Option>
          {PHRASE_KINDS.map((kind) => (
            <Select.Option key={kind} value={kind}>
              {t.kindSingular[kind]}
            </Select.Option>
          ))}
        </Select>
        {kindError && (
          <ValidationMessage id={`${idPrefix}-kind-error`}>{kindError}</ValidationMessage>
        )}
      </Field>
      <TextField
        id={`${idPrefix}-title`}
        name="title"
        label={t.titleField}
        description={t.titleHelp}
        defaultValue={values.title}
        error={error('title')}
      />
      <TextField
        id={`${idPrefix}-text`}
        name="text"
        label={t.textField}
        description={t.intro}
        multiline
        rows={4}
        defaultValue={values.text}
        error={error('text')}
      />
      <TextField
        id={`${idPrefix}-sortOrder`}
        name="sortOrder"
        label={t.sortOrder}
        description={t.sortOrderHelp}
        inputMode="numeric"
        defaultValue={values.sortOrder}
        error={error('sortOrder')}
      />
      <div>
        <Button type="submit">{submitLabel}</Button>
      </div>
    </Form>
  );
}
