import { ErrorSummary } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { msg } from '../i18n';

/**
 * One error of a form: the id of the field (or its fieldset) it is about, the field's label (shown
 * before the text, `msg.ui.labelled`; none for an error about the form as a whole) and the text.
 */
export interface SummaryError {
  anchor: string;
  label?: string;
  text: string;
}

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

/** The heading levels an error summary may have (under the page's h1). */
export type SummaryHeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * Every error of a form, each a link that focuses its field; renders nothing when there are none.
 * It takes focus when it appears, so show it only after an explicit action (a submit), never on
 * autosave. Every form's error summary is this one (ADR 0020).
 */
export function ErrorSummaryList({
  errors,
  id,
  headingLevel = 2,
}: {
  errors: readonly SummaryError[];
  /** The summary's id: the form's `action` names it (`actionToSummary`) to land on it without JS. */
  id?: string;
  /** Its heading's level: one below its form's heading (an h4's form has an h5), so none skips. */
  headingLevel?: SummaryHeadingLevel;
}) {
  if (errors.length === 0) return null;
  return (
    <ErrorSummary id={id}>
      <ErrorSummary.Heading level={headingLevel}>{msg.problems.errorSummary}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map(({ anchor, label, text }) => (
          <ErrorSummary.Item key={anchor}>
            <ErrorSummary.Link href={`#${anchor}`} onClick={(event) => focusField(event, anchor)}>
              {label === undefined ? text : msg.ui.labelled(label, text)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
