import type { Tx } from '../../db/database.server';
import { notifications } from '../../db/schema';
import type { NotificationKind } from './domain/kinds';

export interface NotifyInput {
  /** The trust the case belongs to. */
  trustId: string;
  caseId: string | null;
  kind: NotificationKind;
  recipientIds: readonly string[];
  /** The person whose action caused this is not told about it. */
  exceptUserId?: string;
}

/**
 * Notifies people in the app, in the caller's transaction, so a notification exists exactly when
 * the change it tells of was committed. Each row is also the outbox entry for its e-mail.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.exceptUserId);
  if (recipients.length === 0) return 0;
  await tx.insert(notifications).values(
    recipients.map((userId) => ({
      userId,
      trustId: input.trustId,
      caseId: input.caseId,
      kind: input.kind,
    })),
  );
  return recipients.length;
}
