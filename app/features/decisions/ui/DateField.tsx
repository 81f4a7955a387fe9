import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';

/** A date input with label, description and error linked in the server-rendered HTML. */
export function DateField({
  id,
  name,
  label,
  description,
  error,
  defaultValue,
  min,
}: {
  id: string;
  name: string;
  label: string;
  description: string;
  error?: string;
  defaultValue: string;
  min: string;
}) {
  const describedBy = [`${id}-description`, error ? `${id}-error` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Field.Description id={`${id}-description`}>{description}</Field.Description>
      <Input
        type="date"
        id={id}
        name={name}
        defaultValue={defaultValue}
        min={min}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </Field>
  );
}
