import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { TenantScope } from '../../db/database.server';
import { msg } from '../../i18n';
import { bearerChallenge, bearerToken, checkMachineClaims, nationalScope } from './domain/machine';

/**
 * A system's database scope: no trust and no user, so row-level security shows it no trust's rows
 * and nobody's, only the tables open to every reader (case_summaries, trusts).
 */
export const MACHINE_SCOPE: TenantScope = Object.freeze({ trustId: '', userId: '' });

/** HelseID as the issuer of access tokens for our API (server/config.ts; ADR 0033). */
export interface MachineAccessSettings {
  /** OIDC_ISSUER: the tokens' `iss`, and where the signing keys are found (discovery). */
  issuer: string;
  /** OIDC_API_AUDIENCE: our API's name at HelseID, required in the tokens' `aud`. */
  audience: string;
  /** An http:// issuer (the local test provider; never in production). */
  allowHttp: boolean;
}

/** What a token is (the signature and the claims both checked). */
export type MachineVerdict =
  { ok: true; clientId: string } | { ok: false; error: 'invalid_token' | 'insufficient_scope' };

export interface MachineAccess {
  /** The scope the national exports require (`<audience>/nasjonalt`). */
  scope: string;
  verify(token: string): Promise<MachineVerdict>;
}

/** What HelseID signs access tokens with (RS256 today); nothing else is accepted. */
const ALGORITHMS = ['RS256', 'PS256', 'ES256'];
/** Seconds of clock skew allowed on `exp`, `nbf` and `iat`. */
const CLOCK_TOLERANCE = 30;

/**
 * Verifies HelseID access tokens with `jose`: the signature against the issuer's keys (the
 * `jwks_uri` of its discovery document, fetched once on first use and retried after a failure; the
 * key set is cached by jose and refetched for an unknown `kid`), `typ` `at+jwt` (RFC 9068: not an
 * ID token), `iss`, `aud`, `exp` (required) and `nbf`, then the claims (domain/machine.ts).
 */
export function createMachineAccess(settings: MachineAccessSettings): MachineAccess {
  const scope = nationalScope(settings.audience);
  let keys: Promise<JWTVerifyGetKey> | null = null;

  function keySet(): Promise<JWTVerifyGetKey> {
    keys ??= (async () => {
      const base = settings.issuer.endsWith('/') ? settings.issuer : `${settings.issuer}/`;
      const response = await fetch(new URL('.well-known/openid-configuration', base), {
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`HelseID discovery: HTTP ${response.status}`);
      const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (document.issuer !== settings.issuer) {
        throw new Error(`HelseID discovery: issuer ${String(document.issuer)}`);
      }
      if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri)) {
        throw new Error('HelseID discovery: no jwks_uri');
      }
      const jwksUri = new URL(document.jwks_uri);
      if (jwksUri.protocol !== 'https:' && !(settings.allowHttp && jwksUri.protocol === 'http:')) {
        throw new Error(`HelseID discovery: jwks_uri ${jwksUri.href} is not https`);
      }
      return createRemoteJWKSet(jwksUri, { timeoutDuration: 10_000 });
    })().catch((error: unknown) => {
      keys = null;
      throw error;
    });
    return keys;
  }

  async function verify(token: string): Promise<MachineVerdict> {
    // A discovery or key-set fetch failure is thrown (a 500 the operator sees), not a 401.
    const getKey = await keySet();
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, getKey, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        typ: 'at+jwt',
        clockTolerance: CLOCK_TOLERANCE,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && !isFetchFailure(error)) {
        return { ok: false, error: 'invalid_token' };
      }
      throw error;
    }
    const check = checkMachineClaims(claims, scope);
    if (check.ok) return check;
    return { ok: false, error: check.refusal === 'scope' ? 'insufficient_scope' : 'invalid_token' };
  }

  return { scope, verify };
}

/** The key set could not be fetched: HelseID's trouble (or ours), not the token's. */
const isFetchFailure = (error: errors.JOSEError) =>
  error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid;

/**
 * A request's system caller: null without an Authorization header (the session cookie decides, as
 * before); otherwise the verified client, or the 401/403 to answer (RFC 6750, a Norwegian line in
 * the body). Without HelseID (`access` null) every bearer request is a 401.
 */
export async function machineCaller(
  request: Request,
  access: MachineAccess | null,
): Promise<{ ok: true; clientId: string } | { ok: false; response: Response } | null> {
  const token = bearerToken(request.headers.get('Authorization'));
  if (token === null) return null;
  const verdict: MachineVerdict =
    token === false || access === null
      ? { ok: false, error: 'invalid_token' }
      : await access.verify(token);
  if (verdict.ok) return verdict;
  const forbidden = verdict.error === 'insufficient_scope';
  return {
    ok: false,
    response: new Response(forbidden ? msg.machine.insufficientScope : msg.machine.invalidToken, {
      status: forbidden ? 403 : 401,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'WWW-Authenticate': bearerChallenge(verdict.error, access?.scope ?? ''),
      },
    }),
  };
}

/**
 * One line in the server log per system call, when its answer has been written: which client,
 * which endpoint, how many rows. (National data holds no personal data: not the access log.)
 */
export function logMachineCall(clientId: string, endpoint: string) {
  return (rows: number) => {
    console.log(`Machine access: client ${JSON.stringify(clientId)} GET ${endpoint}: ${rows} rows`);
  };
}
