import { cursorKeyValid, decodeCursor, encodeCursor } from '../national/domain/overview';
import type { ListCursor } from './cases.server';

/**
 * The paged lists of "My cases", each with its keyset cursor in the URL: what waits for the actor
 * (`?venter=`), the other active cases (`?andre=`) and the concluded ones (`?avsluttet=`).
 */
export const MY_CASES_LISTS = ['venter', 'andre', 'avsluttet'] as const;
export type MyCasesList = (typeof MY_CASES_LISTS)[number];

export const encodeListCursor = (list: MyCasesList, cursor: ListCursor): string =>
  encodeCursor({ sort: `mine:${list}`, key: cursor.key, id: cursor.id });

/** The cursor, or null when absent or malformed (then the first page is shown). */
export function decodeListCursor(list: MyCasesList, value: string | null): ListCursor | null {
  if (!value) return null;
  const cursor = decodeCursor(value, `mine:${list}`);
  if (!cursor || !cursorKeyValid('timestamp', cursor.key)) return null;
  return { key: cursor.key, id: cursor.id };
}
