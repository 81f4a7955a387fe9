import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import { cases, notifications, users } from '../../db/schema';
import { msg } from '../../i18n';
import { loggableError } from '../../lib/loggable-error.server';
import { isNotificationKind, linksToCase, noticePage } from './domain/kinds';
import { afterFailure, OUTBOX_BATCH, OUTBOX_LEASE_MS, OUTBOX_MAX_BATCHES } from './domain/outbox';
import type { Mailer, OutgoingMail } from './mail.server';

export interface DeliveryResult {
  sent: number;
  /** Failed, to be tried again. */
  failed: number;
  /** Failed and given up (domain/outbox.ts): the notice in the app is all the recipient gets. */
  givenUp: number;
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
 * Delivers the e-mail outbox: the notifications whose e-mail is neither sent nor given up, and
 * due (`email_next_at`). Runs as the table owner, across trusts. Each batch is claimed in one
 * statement (`FOR UPDATE SKIP LOCKED`, so runs on several app instances never claim the same row)
 * by moving its due time a lease ahead; a run that stops before it has sent them gives them back
 * when the lease ends. `emailed_at` is set only once the mail server has taken the e-mail. A failed
 * send is tried again after a back-off, or given up when refused for good or too late
 * (domain/outbox.ts); after a failure that may be the server's, the run gives back the rest of its
 * batch and stops.
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  now = () => new Date(),
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, givenUp: 0 };
  for (let batch = 0; batch < OUTBOX_MAX_BATCHES; batch++) {
    const claimedAt = now();
    const pending = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          isNull(notifications.emailedAt),
          isNull(notifications.emailGivenUpAt),
          lte(notifications.emailNextAt, claimedAt),
        ),
      )
      .orderBy(asc(notifications.emailNextAt), asc(notifications.id))
      .limit(OUTBOX_BATCH)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(notifications)
      .set({
        emailNextAt: new Date(claimedAt.getTime() + OUTBOX_LEASE_MS),
        emailAttempts: sql`${notifications.emailAttempts} + 1`,
      })
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
        attempts: notifications.emailAttempts,
        createdAt: notifications.createdAt,
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
    let serverFailed = false;
    for (const [index, row] of rows.entries()) {
      try {
        await mailer.send(composeMail(row, publicUrl));
        result.sent++;
        await db
          .update(notifications)
          .set({ emailedAt: now() })
          .where(eq(notifications.id, row.id));
      } catch (error) {
        const next = afterFailure(error, row.attempts, row.createdAt, now());
        if (next.kind === 'givenUp') {
          result.givenUp++;
          console.error(
            `E-mail for notification ${row.id} given up (${next.why}); the notice stays in the app:`,
            loggableError(error),
          );
          await db
            .update(notifications)
            .set({ emailGivenUpAt: now() })
            .where(eq(notifications.id, row.id));
          continue;
        }
        result.failed++;
        console.error(
          `E-mail for notification ${row.id} failed; tried again from ${next.at.toISOString()}:`,
          loggableError(error),
        );
        await db
          .update(notifications)
          .set({ emailNextAt: next.at })
          .where(eq(notifications.id, row.id));
        // The server may be down: the rest of the batch is given back untried, for the next run.
        const untried = rows.slice(index + 1).map((r) => r.id);
        if (untried.length > 0) {
          await db
            .update(notifications)
            .set({
              emailNextAt: claimedAt,
              emailAttempts: sql`${notifications.emailAttempts} - 1`,
            })
            .where(inArray(notifications.id, untried));
        }
        serverFailed = true;
        break;
      }
    }
    if (serverFailed || claimed.length < OUTBOX_BATCH) break;
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
