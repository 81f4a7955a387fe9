import type { Tx } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { countUnreadIn } from './notifications.server';

/** The pages that mark the user's notifications about their case read (they open its dialog). */
const CASE_PAGE = /^\/saker\/([0-9a-f-]{36})(?:\/meldinger)?(?:\.data)?\/?$/;

/**
 * The unread count for the header of the page being loaded, in the transaction that read the
 * session (bound to the actor's trust). Loaders run in parallel, so on a page that opens a case
 * (and marks its notifications read) the count leaves that case out already.
 */
export function unreadForPage(tx: Tx, actor: Actor, request: Request): Promise<number> {
  const opening = CASE_PAGE.exec(new URL(request.url).pathname)?.[1];
  return countUnreadIn(tx, actor, opening);
}
