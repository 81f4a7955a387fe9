import { Field, Input, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * Thin wrappers over Designsystemet's Field, Label, Input and Textarea that link label,
 * description and error to the control in the server-rendered HTML (explicit `htmlFor`, `id`,
 * `aria-describedby`, `aria-invalid`). Designsystemet's Textfield and Radio make these links
 * only in the browser, so without JavaScript (and before hydration) the fields had no names.
 */

const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter((id): id is string => typeof id === 'string').join(' ') || undefined;

/** What links a control to its label, description and error. */
interface ControlLinks {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
}

/** One control with its label, description and error, linked in the server-rendered HTML. */
function FieldFrame({
  id,
  label,
  description,
  error,
  control,
}: FieldFrameProps & { control: (links: ControlLinks) => ReactNode }) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description id={descriptionId}>{description}</Field.Description>}
      {control({
        id,
        'aria-describedby': describedBy(descriptionId, errorId),
        'aria-invalid': error ? true : undefined,
      })}
      {error && <ValidationMessage id={errorId}>{error}</ValidationMessage>}
    </Field>
  );
}

interface TextFieldProps extends FieldFrameProps {
  name: string;
  defaultValue?: string;
  multiline?: boolean;
  rows?: number;
  inputMode?: 'text' | 'decimal' | 'numeric';
  autoComplete?: string;
}

export function TextField({
  name,
  defaultValue,
  multiline = false,
  rows = 4,
  inputMode,
  autoComplete,
  ...frame
}: TextFieldProps) {
  return (
    <FieldFrame
      {...frame}
      control={(links) =>
        multiline ? (
          <Textarea {...links} name={name} defaultValue={defaultValue} rows={rows} />
        ) : (
          <Input
            {...links}
            name={name}
            defaultValue={defaultValue}
            type="text"
            inputMode={inputMode}
            autoComplete={autoComplete}
          />
        )
      }
    />
  );
}

interface DateFieldProps extends FieldFrameProps {
  name: string;
  /** YYYY-MM-DD, or empty. */
  defaultValue?: string;
  /** The first and last day the picker offers (YYYY-MM-DD); the server checks them again. */
  min?: string;
  max?: string;
}

/**
 * A date field (`<input type="date">`): the browser shows and takes the date the user's way
 * (dd.mm.åååå in Norwegian) and sends YYYY-MM-DD.
 */
export function DateField({ name, defaultValue, min, max, ...frame }: DateFieldProps) {
  return (
    <FieldFrame
      {...frame}
      control={(links) => (
        <Input {...links} type="date" name={name} defaultValue={defaultValue} min={min} max={max} />
      )}
    />
  );
}

interface ChoiceProps {
  id: string;
  name: string;
  value: string;
  label: ReactNode;
  defaultChecked?: boolean;
  /** Id of the group's error message, when the group has one. */
  errorId?: string;
}

/** A radio button or checkbox with its label linked in the server-rendered HTML. */
export function ChoiceField({
  type,
  id,
  name,
  value,
  label,
  defaultChecked,
  errorId,
}: ChoiceProps & { type: 'radio' | 'checkbox' }) {
  return (
    <Field position="start">
      <Input
        type={type}
        id={id}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      />
      <Label htmlFor={id} data-weight="regular">
        {label}
      </Label>
    </Field>
  );
}
