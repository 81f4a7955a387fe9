import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { cases, notifications, users } from '../../db/schema';
import { msg } from '../../i18n';
import { loggableError } from '../../lib/loggable-error.server';
import { isNotificationKind, linksToCase, noticePage } from './domain/kinds';
import type { Mailer, OutgoingMail } from './mail.server';

const BATCH = 50;
/** A run stops after this many batches; the periodic job picks up the rest. */
const MAX_BATCHES = 20;

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/** The e-mail for one notification: which case, a link, nothing about the patient or the drug. */
export function composeMail(
  row: { kind: string; caseId: string | null; caseNumber: string | null; email: string },
  publicUrl: string,
): OutgoingMail {
  const texts = msg.notifications;
  const known = isNotificationKind(row.kind) ? row.kind : null;
  const what = known ? texts.kinds[known] : texts.genericKind;
  // A case the recipient can no longer open (`linksToCase`) is named, not linked: the link would
  // only answer «Siden finnes ikke». An inquiry's notice opens the inquiries page (`noticePage`).
  const page = known ? noticePage(known) : null;
  const opensCase = page === null && row.caseId !== null && (known === null || linksToCase(known));
  const target = page ? 'page' : opensCase ? 'case' : 'notifications';
  const link =
    page !== null
      ? `${publicUrl}${page}`
      : opensCase
        ? `${publicUrl}/saker/${row.caseId}`
        : `${publicUrl}/varsler`;
  const subject = texts.mailSubject(row.caseNumber);
  return { to: row.email, subject, text: texts.mailBody(row.caseNumber, what, link, target) };
}

/**
 * Delivers the e-mail outbox (notifications with `emailed_at` null). Runs as the table owner, across
 * trusts: each batch is claimed by setting `emailed_at` in one statement (`FOR UPDATE SKIP LOCKED`,
 * so concurrent runs on several app instances never claim the same row), then sent; a row whose
 * sending fails is put back in the outbox for the next run.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const pending = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(isNull(notifications.emailedAt))
      .orderBy(asc(notifications.id))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(notifications)
      .set({ emailedAt: sql`now()` })
      .where(inArray(notifications.id, pending))
      .returning({ id: notifications.id });
    if (claimed.length === 0) break;
    const rows = await db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        caseId: notifications.caseId,
        // The number the notice kept (for a recipient who cannot read the case), else the case's.
        caseNumber: sql<string | null>`coalesce(${notifications.caseNumber}, ${cases.caseNumber})`,
        email: users.email,
      })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(cases, eq(cases.id, notifications.caseId))
      .where(
        inArray(
          notifications.id,
          claimed.map((c) => c.id),
        ),
      )
      .orderBy(asc(notifications.id));
    for (const row of rows) {
      try {
        await mailer.send(composeMail(row, publicUrl));
        result.sent++;
      } catch (error) {
        result.failed++;
        console.error(
          `E-mail for notification ${row.id} failed; it stays in the outbox:`,
          loggableError(error),
        );
        await db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, row.id));
      }
    }
    if (result.failed > 0 || claimed.length < BATCH) break;
  }
  return result;
}

export interface Outbox {
  /** One delivery run now (the periodic job and tests). */
  deliver(): Promise<DeliveryResult>;
  /** Starts a run soon without waiting for it (after a request's transaction has committed). */
  kick(): void;
}

/** Coalesces kicks: at most one run at a time, and one more if kicked while running. */
export function createOutbox(db: Db, mailer: Mailer, publicUrl: string): Outbox {
  let running: Promise<unknown> | null = null;
  let again = false;
  const deliver = () => deliverOutbox(db, mailer, publicUrl);
  const run = () => {
    running = deliver()
      .catch((error: unknown) => console.error('E-mail delivery run failed:', loggableError(error)))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return {
    deliver,
    kick() {
      if (running) again = true;
      else run();
    },
  };
}
