import { ErrorSummary } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { FieldErrors, ValidationError } from '../domain/application';

/**
 * Lists every field error with a link to its field; renders nothing when there are none. It takes
 * focus when it appears, so show it only after an explicit action (a submit), never on autosave.
 */
export function FormErrorSummary<F extends string>({
  errors,
  labels,
  anchors,
  describe = (_field, code) => msg.errors[code],
}: {
  errors: FieldErrors;
  labels: Record<F, string>;
  anchors: Record<F, string>;
  /** An error's text (by default the catalogue's text for its code). */
  describe?: (field: F, code: ValidationError) => string;
}) {
  const fields = (Object.keys(labels) as F[]).filter((f) => errors[f]);
  if (fields.length === 0) return null;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>{msg.problems.errorSummary}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {fields.map((field) => {
          const code = errors[field];
          return (
            <ErrorSummary.Item key={field}>
              <ErrorSummary.Link href={`#${anchors[field]}`}>
                {`${labels[field]}: ${code ? describe(field, code) : ''}`}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
