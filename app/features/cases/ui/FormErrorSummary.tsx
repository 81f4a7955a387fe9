import { ErrorSummary } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { msg } from '../../../i18n';
import type { FieldErrors, ValidationError } from '../domain/application';

/**
 * Moves focus to the field a summary link points at and scrolls its label into view: following
 * the link alone only scrolls, and Chromium then leaves focus on nothing (WCAG 2.4.3).
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  const control = target?.matches('input, textarea, select')
    ? target
    : target?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select');
  if (!control) return;
  event.preventDefault();
  control.focus({ preventScroll: true });
  const choice =
    control instanceof HTMLInputElement &&
    (control.type === 'radio' || control.type === 'checkbox');
  (control.closest<HTMLElement>(choice ? 'fieldset' : '.ds-field') ?? control).scrollIntoView({
    block: 'start',
  });
}

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
              <ErrorSummary.Link
                href={`#${anchors[field]}`}
                onClick={(event) => focusField(event, anchors[field])}
              >
                {`${labels[field]}: ${code ? describe(field, code) : ''}`}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
