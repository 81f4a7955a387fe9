import { createHmac, webcrypto } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { inApp, type Db, type Tx } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { users } from '../../db/schema';
import type { Auth } from './auth.server';
import { recordLoginRefusal } from './events.server';
import { signedCookie } from './signed-cookie.server';
import { safeReturnPath } from './domain/return-path';
import {
  HELSEID_SCOPES,
  personFromClaims,
  type HelseIdPerson,
  type LoginRefusal,
} from './domain/helseid';

export interface HelseIdSettings {
  issuer: string;
  clientId: string;
  /** The client's private JWK: `private_key_jwt` client authentication. */
  clientKey: JsonWebKey;
  /** PUBLIC_URL/logg-inn/helseid/retur, registered with HelseID. */
  redirectUri: string;
  /** Keys the HMAC of the national identity number (users.pid_hash). */
  pidSecret: string;
  /** An http:// issuer (the local test provider; never in production). */
  allowHttp: boolean;
}

/** Either way, `setCookies` ends the flow cookie (and on success sets the session cookie). */
export type LoginResult =
  | { ok: true; setCookies: string[]; returnTo: string | null }
  | { ok: false; refusal: LoginRefusal; setCookies: string[] };

const FLOW_MINUTES = 10;

/** HMAC-SHA-256 of a national identity number: matchable, but not reversible without the secret. */
export const pidHash = (secret: string, pid: string) =>
  createHmac('sha256', secret).update(pid).digest('hex');

const SIGNING: Record<string, RsaHashedImportParams | EcKeyImportParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
};

async function importClientKey(jwk: JsonWebKey & { kid?: string }): Promise<oidc.PrivateKey> {
  const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
  const params = SIGNING[alg];
  if (!params) throw new Error(`OIDC_CLIENT_KEY: unsupported alg ${alg} (RS256, PS256, ES256)`);
  const key = await webcrypto.subtle.importKey('jwk', jwk, params, false, ['sign']);
  return { key, kid: jwk.kid };
}

const flowState = (value: unknown) => {
  if (typeof value !== 'object' || value === null) return null;
  const { verifier, state, nonce, returnTo } = value as Record<string, unknown>;
  return typeof verifier === 'string' && typeof state === 'string' && typeof nonce === 'string'
    ? { verifier, state, nonce, returnTo: typeof returnTo === 'string' ? returnTo : null }
    : null;
};

/**
 * HelseID login: authorization code flow with PAR, PKCE (S256), state and nonce, and
 * `private_key_jwt` client authentication (openid-client). The PKCE verifier, state and nonce live
 * in a short-lived signed httpOnly cookie scoped to /logg-inn/helseid (ADR 10). The user is found
 * by HPR number (or by the keyed hash of the identity number); roles come from our own tables.
 */
export function createHelseIdLogin(
  db: Db,
  auth: Auth,
  settings: HelseIdSettings,
  cookieOptions: { secrets: string[]; secure: boolean },
) {
  const flowCookie = signedCookie('sp_helseid', {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieOptions.secure,
    path: '/logg-inn/helseid',
    maxAge: FLOW_MINUTES * 60,
    secrets: cookieOptions.secrets,
  });

  let discovered: Promise<oidc.Configuration> | null = null;
  /** Discovery once, on first use (start-up does not depend on HelseID); retried after a failure. */
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= (async () => {
      const clientAuth = oidc.PrivateKeyJwt(await importClientKey(settings.clientKey));
      return oidc.discovery(
        new URL(settings.issuer),
        settings.clientId,
        { id_token_signed_response_alg: 'RS256' },
        clientAuth,
        // Only for an http:// issuer, which config refuses in production (the local test provider).
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    })().catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  }

  /**
   * Pushes the authorization request; returns where to send the browser and the flow cookie, which
   * also holds the page to return to after the login (`returnTo`, a safe path or null).
   */
  async function start(
    returnTo: string | null,
  ): Promise<{ location: string; setCookie: string } | null> {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    try {
      const config = await configuration();
      const url = await oidc.buildAuthorizationUrlWithPAR(config, {
        redirect_uri: settings.redirectUri,
        scope: HELSEID_SCOPES.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return {
        location: url.href,
        setCookie: flowCookie.serialize({ verifier, state, nonce, returnTo }),
      };
    } catch (error) {
      console.error('HelseID: could not start the login:', describe(error));
      return null;
    }
  }

  /** Handles the redirect back from HelseID: a new session, or why not. Nothing is created on refusal. */
  async function finish(request: Request): Promise<LoginResult> {
    const clear = flowCookie.serialize('', { maxAge: 0 });
    const refuse = (refusal: LoginRefusal): LoginResult => ({
      ok: false,
      refusal,
      setCookies: [clear],
    });
    const query = new URL(request.url).search;
    const params = new URLSearchParams(query);
    if (params.get('error')) {
      console.warn('HelseID: the provider answered', params.get('error'));
      return refuse(params.get('error') === 'access_denied' ? 'cancelled' : 'providerError');
    }
    const flow = flowState(flowCookie.parse(request.headers.get('Cookie')));
    if (!flow) return refuse('expired');
    let claims: unknown;
    try {
      const tokens = await oidc.authorizationCodeGrant(
        await configuration(),
        new URL(`${settings.redirectUri}${query}`),
        {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
    } catch (error) {
      console.error('HelseID: the code exchange or the ID token failed:', describe(error));
      return refuse('providerError');
    }
    const mapped = personFromClaims(claims);
    if (!mapped.ok) {
      console.warn('HelseID: login refused:', mapped.refusal);
      await recordLoginRefusal(db, mapped.refusal, mapped.hprNumber, null);
      return refuse(mapped.refusal);
    }
    const match = await inApp(db, (tx) => matchPerson(tx, mapped.person, settings.pidSecret));
    if (match.userId === null && match.refusal === 'duplicatePerson') {
      console.warn('HelseID: login refused: the person is two users who have both logged in');
      await recordLoginRefusal(db, match.refusal, mapped.person.hprNumber, match.userIds);
      return refuse(match.refusal);
    }
    const userId = match.userId;
    const session = userId ? await auth.login(userId, request, 'helseid') : null;
    if (!session) {
      console.warn('HelseID: login refused: no user with roles for this person');
      await recordLoginRefusal(db, 'unknownUser', mapped.person.hprNumber, userId);
      return refuse('unknownUser');
    }
    return { ok: true, setCookies: [session, clear], returnTo: safeReturnPath(flow.returnTo) };
  }

  return { start, finish };
}

export type HelseIdLogin = ReturnType<typeof createHelseIdLogin>;

/** Whom a HelseID person is, or why nobody: unknown, or known twice and not joinable. */
export type PersonMatch =
  | { userId: string }
  | { userId: null; refusal: 'unknownUser' }
  | { userId: null; refusal: 'duplicatePerson'; userIds: string[] };

const nobody: PersonMatch = { userId: null, refusal: 'unknownUser' };

/**
 * The user this person is: by HPR number, else by the keyed hash of the identity number. The
 * first login binds the hash to the user; a user bound to another person, or with another HPR
 * number, is never matched. Creates nobody. One person added twice, once by HPR number and once
 * by identity number, is two users with one identifier each: they are joined here, in the
 * login's transaction (`merge_person()`, ADR 0018), unless both have logged in already
 * (`duplicatePerson`).
 */
export async function matchPerson(
  tx: Tx,
  person: HelseIdPerson,
  secret: string,
): Promise<PersonMatch> {
  const hash = pidHash(secret, person.pid);
  const byHpr = person.hprNumber
    ? (
        await tx
          .select({ id: users.id, pidHash: users.pidHash })
          .from(users)
          .where(eq(users.hprNumber, person.hprNumber))
      )[0]
    : undefined;
  const [byPid] = await tx
    .select({ id: users.id, hprNumber: users.hprNumber })
    .from(users)
    .where(eq(users.pidHash, hash));
  if (byHpr && person.hprNumber) {
    if (byHpr.pidHash !== null && byHpr.pidHash !== hash) return nobody;
    if (byPid && byPid.id !== byHpr.id) {
      // Two users; one person only if each has just the identifier it was found by.
      if (byHpr.pidHash !== null || byPid.hprNumber !== null) return nobody;
      return mergePerson(tx, person.hprNumber, hash, [byHpr.id, byPid.id]);
    }
    if (byHpr.pidHash === null) {
      await tx
        .update(users)
        .set({ pidHash: hash })
        .where(and(eq(users.id, byHpr.id), isNull(users.pidHash)));
    }
    return { userId: byHpr.id };
  }
  if (!byPid) return nobody;
  // Bound by the identity number; an HPR number, if HelseID sends one, must be theirs.
  if (person.hprNumber !== null && byPid.hprNumber !== null && byPid.hprNumber !== person.hprNumber)
    return nobody;
  return { userId: byPid.id };
}

const mergeOutcome = z.object({
  kept: z.string().nullable(),
  outcome: z.enum(['merged', 'bothLoggedIn', 'noRoles']),
});

/**
 * Joins the user with this HPR number and the one with this identity number's hash
 * (`merge_person()`, migration 0048, as the owner: the two may hold roles in different trusts).
 * `both` names them for the record of a refusal.
 */
async function mergePerson(
  tx: Tx,
  hprNumber: string,
  hash: string,
  both: string[],
): Promise<PersonMatch> {
  const result = await tx.execute(
    sql`select kept, outcome from merge_person(${hprNumber}, ${hash})`,
  );
  const [row] = rowsOf(result, mergeOutcome);
  if (row?.outcome === 'merged' && row.kept) return { userId: row.kept };
  if (row?.outcome === 'bothLoggedIn') {
    return { userId: null, refusal: 'duplicatePerson', userIds: both };
  }
  return nobody;
}

/** An error for the log: its name and message, never a token. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
