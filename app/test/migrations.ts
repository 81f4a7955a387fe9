import { readFileSync } from 'node:fs';

/**
 * The last statement of a committed migration (`drizzle/<tag>.sql`), for a test that runs a
 * migration's one-time data change again on data it made stale. `expected` is a piece of that
 * statement: the test fails at once if the migration's last statement is another.
 */
export function lastMigrationStatement(tag: string, expected: string): string {
  const text = readFileSync(new URL(`../../drizzle/${tag}.sql`, import.meta.url), 'utf8');
  const last = text.split('--> statement-breakpoint').at(-1)?.trim();
  if (!last?.includes(expected)) throw new Error(`The last statement of ${tag} has changed`);
  return last;
}
