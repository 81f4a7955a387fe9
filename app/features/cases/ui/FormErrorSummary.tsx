import { ErrorSummary } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { FieldErrors } from '../domain/application';

/** Lists every field error with a link to its field; renders nothing when there are none. */
export function FormErrorSummary<F extends string>({
  errors,
  labels,
  anchors,
}: {
  errors: FieldErrors;
  labels: Record<F, string>;
  anchors: Record<F, string>;
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
                {`${labels[field]}: ${code ? msg.errors[code] : ''}`}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
