/**
 * System-to-system access with a HelseID access token (client credentials, ADR 0033): the pure
 * checks on the token's claims once its signature, issuer, audience and lifetime are verified
 * (machine.server.ts), and the Authorization header. Only the national exports accept it.
 */

/** The scope a system needs for the national exports: `<audience>/nasjonalt`. */
export const nationalScope = (audience: string) => `${audience}/nasjonalt`;

/** HelseID's claims about a person start with this; a client-credentials token has none. */
const PERSON_CLAIM_PREFIX = 'helseid://claims/identity/';

/** Why a verified token is refused: `invalid` is a 401 (`invalid_token`), `scope` a 403. */
export type MachineRefusal =
  /** No `client_id`: not a token issued to a client. */
  | 'noClient'
  /** Issued for a person (a `sub` other than the client, or HelseID identity claims). */
  | 'person'
  /** The required scope is missing. */
  | 'scope';

export type MachineCheck = { ok: true; clientId: string } | { ok: false; refusal: MachineRefusal };

/** The scopes of a `scope` claim: a space-separated string (RFC 9068) or an array of strings. */
export function scopesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(' ').filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((s): s is string => typeof s === 'string');
  return [];
}

/**
 * Whether a verified access token's claims are a system's with the required scope. A
 * client-credentials token names its client (`client_id`) and no person: HelseID sets no `sub` (an
 * RFC 9068 issuer may set it to the client id) and no `helseid://claims/identity/…` claim. A
 * person's token (authorization code flow) is refused even with the scope: a person reaches data
 * through a session only.
 */
export function checkMachineClaims(
  claims: Record<string, unknown>,
  requiredScope: string,
): MachineCheck {
  const clientId = claims.client_id;
  if (typeof clientId !== 'string' || clientId.trim() === '') {
    return { ok: false, refusal: 'noClient' };
  }
  const sub = claims.sub;
  if (
    (sub !== undefined && sub !== clientId) ||
    Object.keys(claims).some((name) => name.startsWith(PERSON_CLAIM_PREFIX))
  ) {
    return { ok: false, refusal: 'person' };
  }
  if (!scopesOf(claims.scope).includes(requiredScope)) return { ok: false, refusal: 'scope' };
  return { ok: true, clientId };
}

/**
 * The token of an Authorization header: null without one (the session cookie decides), a string
 * for `Bearer <token>` (RFC 6750 §2.1: the scheme in any case, one token of b64token characters),
 * and `false` for any other Authorization header (refused: a request that authenticates does so
 * with a bearer token, never falling back to the cookie).
 */
export function bearerToken(header: string | null): string | false | null {
  if (header === null) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1] ?? false;
}

/** RFC 6750 §3's challenge for a 401 (`invalid_token`) or a 403 (`insufficient_scope`). */
export function bearerChallenge(error: 'invalid_token' | 'insufficient_scope', scope: string) {
  return error === 'invalid_token'
    ? 'Bearer error="invalid_token"'
    : `Bearer error="insufficient_scope", scope="${scope}"`;
}
