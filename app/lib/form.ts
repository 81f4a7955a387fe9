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

/** A page title in the form «Page – Søknadsportal». */
export const pageTitle = (page: string, app: string) => `${page} – ${app}`;
