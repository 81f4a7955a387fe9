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

/** A page title in the form «Page – Søknadsportal». */
export const pageTitle = (page: string, app: string) => `${page} – ${app}`;
