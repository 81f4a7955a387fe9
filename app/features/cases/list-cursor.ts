import { cursorKeyValid, decodeCursor, encodeCursor } from '../national/domain/overview';
import type { ListCursor } from './cases.server';

/** The keyset cursor of the finished cases on "My cases", in the URL (`?avsluttet=`). */
const SORT = 'mine:avsluttet';

export const encodeFinishedCursor = (cursor: ListCursor): string =>
  encodeCursor({ sort: SORT, key: cursor.key, id: cursor.id });

/** The cursor, or null when absent or malformed (then the first page is shown). */
export function decodeFinishedCursor(value: string | null): ListCursor | null {
  if (!value) return null;
  const cursor = decodeCursor(value, SORT);
  if (!cursor || !cursorKeyValid('timestamp', cursor.key)) return null;
  return { key: cursor.key, id: cursor.id };
}
