/**
 * The e-mail outbox's rules: how a notification's e-mail is claimed, retried and given up. Pure:
 * the delivery itself is `deliverOutbox` (outbox.server.ts).
 */

/** Notifications claimed at a time. */
export const OUTBOX_BATCH = 50;
/** A run stops after this many batches; the periodic job picks up the rest. */
export const OUTBOX_MAX_BATCHES = 20;
/**
 * How long a claimed e-mail is held by the run that claimed it. A run that stops without an
 * answer (the app stopped, the machine crashed) gives its e-mails back when the lease ends:
 * longer than one send may take (the transport's timeouts, `SMTP_TIMEOUTS`).
 */
export const OUTBOX_LEASE_MS = 15 * 60_000;
/** An e-mail not delivered this long after its notice is given up: it would come too late. */
export const OUTBOX_GIVE_UP_MS = 3 * 24 * 3600_000;
/** The mail transport's timeouts, so one unanswering server holds a run minutes, not hours. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

/** Minutes until the next try after `attempts` tries have failed: 1, 2, 4, 8, 16, 32, then 60. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1));
}

/**
 * The mail server refused this message for good: a permanent (5xx) reply to its recipient or its
 * content, e.g. «550 no such user». Not a refusal of the sender's own set-up (authentication,
 * TLS, a connection), which the operator mends and every e-mail waits for.
 */
export function refusedForGood(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

export type AfterFailure =
  { kind: 'retry'; at: Date } | { kind: 'givenUp'; why: 'refused' | 'tooLate' };

/** What becomes of an e-mail whose send failed, on its `attempts`-th try. */
export function afterFailure(
  error: unknown,
  attempts: number,
  createdAt: Date,
  now: Date,
): AfterFailure {
  if (refusedForGood(error)) return { kind: 'givenUp', why: 'refused' };
  const at = new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000);
  if (at.getTime() - createdAt.getTime() > OUTBOX_GIVE_UP_MS) {
    return { kind: 'givenUp', why: 'tooLate' };
  }
  return { kind: 'retry', at };
}
