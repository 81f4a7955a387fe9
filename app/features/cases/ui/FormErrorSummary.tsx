import { msg } from '../../../i18n';
import { ErrorSummaryList, type SummaryHeadingLevel } from '../../../ui/ErrorSummaryList';
import type { FieldErrors, ValidationError } from '../domain/application';

/** The error summary of a form validated with the case schemas' error codes. */
export function FormErrorSummary<F extends string>({
  errors,
  labels,
  anchors,
  describe = (_field, code) => msg.errors[code],
  id,
  headingLevel,
}: {
  errors: FieldErrors;
  labels: Record<F, string>;
  anchors: Record<F, string>;
  /** An error's text (by default the catalogue's text for its code). */
  describe?: (field: F, code: ValidationError) => string;
  /** The summary's id, for the form's `action` (`actionToSummary`). */
  id?: string;
  /** Its heading's level (`ErrorSummaryList`). */
  headingLevel?: SummaryHeadingLevel;
}) {
  const items = (Object.keys(labels) as F[]).flatMap((field) => {
    const code = errors[field];
    return code
      ? [{ anchor: anchors[field], label: labels[field], text: describe(field, code) }]
      : [];
  });
  return <ErrorSummaryList errors={items} id={id} headingLevel={headingLevel} />;
}
