import { Alert, Heading, List } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { FilterError } from '../domain/overview';

/** The refused filters of a request, each with its Norwegian message (unknown keys named). */
export function FilterProblems({
  errors,
  known,
}: {
  errors: Partial<Record<string, FilterError>>;
  known: readonly string[];
}) {
  const entries = Object.entries(errors).flatMap(([key, code]) =>
    code ? [[key, code] as const] : [],
  );
  if (entries.length === 0) return null;
  return (
    <Alert data-color="danger">
      <Heading level={2} data-size="xs">
        {msg.national.invalid}
      </Heading>
      <List.Unordered>
        {entries.map(([key, code]) => (
          <List.Item key={key}>
            {known.includes(key)
              ? msg.national.errors[code]
              : `«${key}»: ${msg.national.errors[code]}`}
          </List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}
