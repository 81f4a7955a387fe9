import type { Tx } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { loadDialogIn } from './dialog.server';

/** The query flag the message route redirects back with after a post. */
export const SENT_FLAG = 'melding';

/** What the case page needs for its dialog section: the thread and whether a post just went. */
export async function dialogSection(tx: Tx, actor: Actor, caseId: string, url: URL) {
  return {
    view: await loadDialogIn(tx, actor, caseId),
    sent: url.searchParams.get(SENT_FLAG) === 'sendt',
  };
}
