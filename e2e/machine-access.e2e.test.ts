import { importJWK, SignJWT, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHprNumber } from '../app/db/seed.server';
import { TEST_DATABASES } from '../app/test/databases';
import { generateClientKey } from '../scripts/oidc-provider';
import { startDraftOverHttp } from './application';
import { useAppAndBrowser } from './harness';
import { startHelseId, type HelseIdForApp } from './helseid-provider';

/** Our API at the provider (OIDC_API_AUDIENCE) and the national exports' scope (ADR 0033). */
const AUDIENCE = 'soknadsportal:e2e-api';
const SCOPE = `${AUDIENCE}/nasjonalt`;
const REGISTER = 'register-e2e';
const OTHER_SYSTEM = 'annet-system-e2e';
/** Tone Lie, national reader (Helse Vest RHF). */
const TONE = demoHprNumber('HBE', 5);
const INGRID = demoHprNumber('HBE', 0);

describe.each(TEST_DATABASES)(
  'Systems fetch the national exports with a HelseID access token on %s',
  (kind) => {
    let helseId: HelseIdForApp;
    const contexts: BrowserContext[] = [];
    const registerKey = generateClientKey('register');
    const otherKey = generateClientKey('other');

    // Before the app's own hooks: the provider starts before the app and stops after it.
    beforeAll(async () => {
      helseId = await startHelseId({
        people: {
          [TONE]: { name: 'Tone Lie', pid: '99009100005', hprNumber: TONE },
          [INGRID]: { name: 'Ingrid Haugland', pid: '99009100000', hprNumber: INGRID },
        },
        apiAudience: AUDIENCE,
        machineClients: [
          { clientId: REGISTER, jwks: { keys: [registerKey.publicJwk] }, scope: SCOPE },
          // Registered for another of the API's scopes only.
          {
            clientId: OTHER_SYSTEM,
            jwks: { keys: [otherKey.publicJwk] },
            scope: `${AUDIENCE}/annet`,
          },
        ],
      });
    });
    afterAll(() => helseId.provider.stop());

    const e2e = useAppAndBrowser(kind, () => ({
      nationalDemoCases: 30,
      env: { ...helseId.env, OIDC_API_AUDIENCE: AUDIENCE },
    }));

    /** An access token from the provider by client credentials (`private_key_jwt`), as a system gets it. */
    async function clientCredentials(
      clientId: string,
      key: JsonWebKey & { kid: string },
      scope: string,
    ): Promise<string> {
      const config = await oidc.discovery(
        new URL(helseId.provider.issuer),
        clientId,
        undefined,
        oidc.PrivateKeyJwt({ key: (await importJWK(key, 'RS256')) as CryptoKey, kid: key.kid }),
        // The local provider is http:// (never in production).
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        { execute: [oidc.allowInsecureRequests] },
      );
      const tokens = await oidc.clientCredentialsGrant(config, { scope, resource: AUDIENCE });
      return tokens.access_token;
    }

    /** A token made here: by default exactly what the provider issues the register, signed with its key. */
    async function forged(
      claims: JWTPayload & Record<string, unknown> = {},
      options: { key?: JsonWebKey; typ?: string; exp?: number; nbf?: number } = {},
    ): Promise<string> {
      const now = Math.floor(Date.now() / 1000);
      const key = (await importJWK(
        options.key ?? helseId.provider.signingJwk,
        'RS256',
      )) as CryptoKey;
      return new SignJWT({
        iss: helseId.provider.issuer,
        aud: AUDIENCE,
        client_id: REGISTER,
        sub: REGISTER,
        scope: SCOPE,
        jti: crypto.randomUUID(),
        iat: now,
        exp: options.exp ?? now + 300,
        ...(options.nbf === undefined ? {} : { nbf: options.nbf }),
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'provider', typ: options.typ ?? 'at+jwt' })
        .sign(key);
    }

    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${e2e.app.url}${path}`, { headers, redirect: 'manual' });
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

    /** A browser signed in through HelseID as `login`. */
    async function logIn(login: string): Promise<Page> {
      const context = await e2e.browser.newContext({ locale: 'nb-NO' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${e2e.app.url}/logg-inn`);
      await page.getByRole('button', { name: 'Logg inn med HelseID' }).click();
      await page.waitForURL((url) => url.href.startsWith(helseId.provider.issuer));
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill('hva som helst');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL((url) => url.href.startsWith(e2e.app.url));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      return page;
    }

    it("gives a system with the scope the same CSV and XLSX as a national reader's session", async () => {
      const token = await clientCredentials(REGISTER, registerKey.privateJwk, SCOPE);
      const tone = await logIn(TONE);
      for (const query of ['', '?utfall=approved&sorter=lopenummer&retning=stigende']) {
        const path = `/nasjonalt/eksport.csv${query}`;
        const machine = await get(path, bearer(token));
        expect(machine.status).toBe(200);
        expect(machine.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
        expect(machine.headers.get('Cache-Control')).toBe('no-store');
        const bytes = Buffer.from(await machine.arrayBuffer());
        const session = await tone
          .context()
          .request.get(`${e2e.app.url}${path}`, { maxRedirects: 0 });
        expect(session.status()).toBe(200);
        // Byte for byte (fetch's text() would drop the byte-order mark).
        expect(bytes.equals(await session.body())).toBe(true);
        expect(bytes.toString('utf8').split('\n').length).toBeGreaterThan(2);
      }

      const xlsx = await get('/nasjonalt/eksport.xlsx', bearer(token));
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('Content-Type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const bytes = new Uint8Array(await xlsx.arrayBuffer());
      expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');

      // Each call is in the server log with the client, the endpoint and the number of rows. The
      // server writes the line once the response has ended, and its output comes through a pipe:
      // each line is waited for (the XLSX line came after the test read it once under load).
      await expect
        .poll(() => e2e.app.output())
        .toMatch(/Machine access: client "register-e2e" GET \/nasjonalt\/eksport\.csv: \d+ rows/);
      await expect
        .poll(() => e2e.app.output())
        .toMatch(/Machine access: client "register-e2e" GET \/nasjonalt\/eksport\.xlsx: \d+ rows/);

      // The same query check as for a person: a refused filter is a 400.
      const bad = await get('/nasjonalt/eksport.csv?pasient=1', bearer(token));
      expect(bad.status).toBe(400);
    });

    it('refuses a token without the scope with 403 insufficient_scope', async () => {
      const token = await clientCredentials(OTHER_SYSTEM, otherKey.privateJwk, `${AUDIENCE}/annet`);
      for (const path of ['/nasjonalt/eksport.csv', '/nasjonalt/eksport.xlsx']) {
        const response = await get(path, bearer(token));
        expect(response.status).toBe(403);
        expect(response.headers.get('WWW-Authenticate')).toBe(
          `Bearer error="insufficient_scope", scope="${SCOPE}"`,
        );
        expect(await response.text()).toContain('Tilgangsbeviset gir ikke tilgang');
      }
      // Asking for the scope it is not registered for gives a token without it.
      const asked = await clientCredentials(OTHER_SYSTEM, otherKey.privateJwk, SCOPE);
      expect((await get('/nasjonalt/eksport.csv', bearer(asked))).status).toBe(403);
    });

    it('refuses a forged, foreign, expired, personal or garbled token with 401 invalid_token', async () => {
      // What is forged below is refused for its one difference: the same token unchanged is let in.
      expect((await get('/nasjonalt/eksport.csv', bearer(await forged()))).status).toBe(200);

      const now = Math.floor(Date.now() / 1000);
      const throwaway = generateClientKey('provider').privateJwk;
      const refused: [string, string][] = [
        ['signed by another key', await forged({}, { key: throwaway })],
        ['for another audience', await forged({ aud: 'annet:api' })],
        ['from another issuer', await forged({ iss: 'https://helseid-sts.nhn.no' })],
        ['expired', await forged({}, { exp: now - 120 })],
        ['not yet valid', await forged({}, { nbf: now + 300 })],
        ['not an access token (typ JWT)', await forged({}, { typ: 'JWT' })],
        [
          "a person's",
          await forged({ sub: 'person', 'helseid://claims/identity/pid': '15038510271' }),
        ],
        ['without client_id', await forged({ client_id: undefined, sub: undefined })],
        ['garbage', 'not-a-token'],
        ['a JWT cut short', (await forged()).split('.').slice(0, 2).join('.')],
      ];
      for (const [what, token] of refused) {
        const response = await get('/nasjonalt/eksport.csv', bearer(token));
        expect({ what, status: response.status }).toEqual({ what, status: 401 });
        expect(response.headers.get('WWW-Authenticate')).toBe('Bearer error="invalid_token"');
        expect(await response.text()).toContain('Tilgangsbeviset mangler, er ugyldig');
      }
      // Another scheme than Bearer, or an empty one.
      for (const header of ['Basic cmVnaXN0ZXI6aGVtbWVsaWc=', 'Bearer ']) {
        const response = await get('/nasjonalt/eksport.xlsx', { Authorization: header });
        expect(response.status).toBe(401);
      }
    });

    it('never falls back to the session cookie when a bearer token is refused', async () => {
      const tone = await logIn(TONE);
      const response = await tone.context().request.get(`${e2e.app.url}/nasjonalt/eksport.csv`, {
        headers: { Authorization: 'Bearer not-a-token' },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(401);
      // Without an Authorization header, as before: the session, or the login page.
      expect(
        (await tone.context().request.get(`${e2e.app.url}/nasjonalt/eksport.csv`)).status(),
      ).toBe(200);
      const anonymous = await get('/nasjonalt/eksport.csv');
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get('Location')).toBe(
        '/logg-inn?tilbake=%2Fnasjonalt%2Feksport.csv',
      );
    });

    it('opens nothing else: a valid token on personal-data routes gets the login redirect', async () => {
      const token = await clientCredentials(REGISTER, registerKey.privateJwk, SCOPE);
      const ingrid = await logIn(INGRID);
      // Ingrid starts a draft: a case with a patient's data to withhold.
      const draft = await startDraftOverHttp(ingrid.context().request, e2e.app.url);
      const caseId = draft.replace(/^\/saker\//, '');
      expect(caseId).not.toBe('');
      const paths = [
        `/saker/${caseId}/fhir`,
        `/saker/${caseId}/eksport`,
        '/statistikk/eksport?seksjon=trust',
        '/nasjonalt',
        `/saker/${caseId}`,
        '/',
      ];
      for (const path of paths) {
        // The case's people do get it with their session: there is data to withhold.
        if (path.includes(caseId)) {
          const own = await ingrid
            .context()
            .request.get(`${e2e.app.url}${path}`, { maxRedirects: 0 });
          expect({ path, status: own.status() }).toEqual({ path, status: 200 });
        }
        const response = await get(path, bearer(token));
        expect({ path, status: response.status }).toEqual({ path, status: 302 });
        // The login page, asked to send the user back to the page (not to the start page).
        expect(response.headers.get('Location')).toBe(
          path === '/' ? '/logg-inn' : `/logg-inn?${new URLSearchParams({ tilbake: path })}`,
        );
      }
    });
  },
);
