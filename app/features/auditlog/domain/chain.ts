/**
 * The access log's hash chain, as pure rules (ADR 0012, ADR 0025): the text each row's hash is
 * computed over, and the chain anchors kept outside the database.
 */

/** The `prev_hash` of a trust's first row. */
export const GENESIS = '0'.repeat(64);

/** The columns a row's hash covers, as the database hands them out. */
export interface ChainRow {
  id: number;
  seq: number;
  trustId: string;
  userId: string;
  role: string;
  caseId: string | null;
  purpose: string;
  action: string;
  objectId: string | null;
  /** `created_at` in UTC with microseconds, e.g. `2026-12-04T16:52:04.123456Z`. */
  createdAt: string;
  /** Set only on a consulted trust's read (ADR 0025): then, and only then, part of the hash. */
  readerTrustId: string | null;
}

/**
 * The canonical form of a row: PostgreSQL's text form of the jsonb array the database's
 * `access_log_hash()` builds (elements separated by ", ", strings escaped as JSON, which is what
 * both jsonb and `JSON.stringify` do). `reader_trust_id` is appended only when set, so rows
 * written before it existed keep their hashes.
 */
export function canonicalRow(row: ChainRow): string {
  const items: (string | number | null)[] = [
    row.id,
    row.seq,
    row.trustId,
    row.userId,
    row.role,
    row.caseId,
    row.purpose,
    row.action,
    row.objectId,
    row.createdAt,
  ];
  if (row.readerTrustId !== null) items.push(row.readerTrustId);
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/** What sha256 is taken over: the previous row's hash followed by the row's canonical form. */
export function hashInput(prevHash: string, row: ChainRow): string {
  return prevHash + canonicalRow(row);
}

/**
 * A chain anchor: a trust's head (seq and hash) as recorded outside the database, e.g. from the
 * hourly anchor line in the server log or the log controller's page. Written `TRUST:SEQ:HASH`,
 * TRUST being the trust's code (e.g. `HBE`).
 */
export interface Anchor {
  trustCode: string;
  seq: number;
  hash: string;
}

export type AnchorParse = { ok: true; anchor: Anchor } | { ok: false; error: string };

const ANCHOR = /^([A-Za-z0-9_-]+):([1-9][0-9]{0,15}):([0-9a-fA-F]{64})$/;

/** Parses one `TRUST:SEQ:HASH` anchor; a malformed one is explained, never guessed. */
export function parseAnchor(text: string): AnchorParse {
  const match = ANCHOR.exec(text.trim());
  if (!match?.[1] || !match[2] || !match[3]) {
    return {
      ok: false,
      error:
        `"${text}" is not an anchor: write TRUST:SEQ:HASH, e.g. HBE:42:<64 hex digits>` +
        ' (the trust code, a seq from 1, the row hash)',
    };
  }
  return {
    ok: true,
    anchor: {
      trustCode: match[1].toUpperCase(),
      seq: Number(match[2]),
      hash: match[3].toLowerCase(),
    },
  };
}

/** An anchor as `TRUST:SEQ:HASH`, the form `parseAnchor` reads. */
export const formatAnchor = (anchor: Anchor): string =>
  `${anchor.trustCode}:${anchor.seq}:${anchor.hash}`;

/** The verify command's arguments: every `--anchor X` / `--anchor=X`; anything else is an error. */
export function parseVerifyArgs(args: readonly string[]): {
  anchors: Anchor[];
  errors: string[];
} {
  const anchors: Anchor[] = [];
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    let value: string | undefined;
    if (arg === '--anchor') {
      value = args[i + 1];
      i++;
      if (value === undefined) {
        errors.push('--anchor needs a value: --anchor TRUST:SEQ:HASH');
        continue;
      }
    } else if (arg.startsWith('--anchor=')) {
      value = arg.slice('--anchor='.length);
    } else {
      errors.push(`Unknown argument "${arg}" (only --anchor TRUST:SEQ:HASH, repeatable)`);
      continue;
    }
    const parsed = parseAnchor(value);
    if (parsed.ok) anchors.push(parsed.anchor);
    else errors.push(parsed.error);
  }
  return { anchors, errors };
}
