import type { ShouldRevalidateFunction } from 'react-router';
import { msg } from '../i18n';

/** A text field from a form post; missing fields and files read as the empty string. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The text fields of a form post, by name. */
export function formTexts<K extends string>(
  form: FormData,
  names: readonly K[],
): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, formText(form, n)])) as Record<K, string>;
}

/**
 * The version a compare-and-set form was loaded with, from its hidden `version` field: a whole
 * number of at most nine digits (0 where the form says nothing is saved yet), spaces around it
 * ignored; anything else is null. The use case decides what null means: refused, or a version no
 * row has.
 */
export function formVersion(value: string): number | null {
  const text = value.trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * A page title in the form «Page – Søknadsportal»; «Feil: Page – Søknadsportal» while the page
 * shows what went wrong with a form post (`failed`, see `postFailed`), so the title says so too.
 */
export const pageTitle = (page: string, app: string, failed = false) =>
  `${failed ? msg.problems.errorTitle(page) : page} – ${app}`;

/**
 * What a refused form post returns: a problem above the form and/or errors per field, or what
 * someone else saved since the form was loaded (409): for the whole form (`conflict`) or per field
 * (`conflicts`).
 */
interface PostOutcome {
  problem?: unknown;
  fieldErrors?: object;
  errors?: object;
  conflict?: unknown;
  conflicts?: object;
}

/**
 * Whether a form post came back refused (a problem, a field error or a conflict), for `pageTitle`.
 */
export function postFailed(outcome: PostOutcome | null | undefined): boolean {
  if (!outcome) return false;
  const fields = { ...outcome.fieldErrors, ...outcome.errors, ...outcome.conflicts };
  return (
    (outcome.problem ?? null) !== null ||
    (outcome.conflict ?? null) !== null ||
    Object.keys(fields).length > 0
  );
}

/**
 * A form's `action` that lands on its error summary (`#id`): after a refused post without
 * JavaScript the browser scrolls to the summary, however far down the page the form is. When the
 * summary is not shown (no field errors) the page stays at its top, where the problem is.
 */
export const actionToSummary = (path: string, summaryId: string) => `${path}#${summaryId}`;

/**
 * `shouldRevalidate` for a page with compare-and-set forms. React Router reads no loader again
 * after an action answers 4xx, so with JavaScript a form refused as stale (409: changed meanwhile,
 * or the case moved on) would keep the stale `version`, and every resend would be refused again
 * until a reload. After a 409 the page's data is read again, as a browser without JavaScript does:
 * the page shows what is stored now and its forms carry its version, while the refused form's
 * fields keep what was typed (an uncontrolled field keeps its text; a form gone shows it in
 * `ProblemAlert`).
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => defaultShouldRevalidate || actionStatus === 409;
