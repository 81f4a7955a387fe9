/**
 * A local OpenID provider configured like HelseID (oidc-provider 8): pushed authorization requests
 * required, PKCE (S256) required, `private_key_jwt` the only client authentication, the HelseID
 * claim names in the ID token, security level 4. Used by the end-to-end tests and, through
 * `npm run oidc:dev`, by developers. Like HelseID it also issues access tokens to systems (client
 * credentials, ADR 0033): JWTs (`at+jwt`) for our API's audience, signed with its key. Its login page is oidc-provider's development interaction: type
 * a test person's login (their HPR number) and any password. Append `:3` to the login
 * (`9100000:3`) to log in on security level 3, which the app must refuse.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { HELSEID_CLAIMS, HELSEID_SCOPES } from '../app/features/auth/domain/helseid';
import { nationalScope } from '../app/features/auth/domain/machine';
import { DEV_API_AUDIENCE, DEV_PID_SECRET } from '../server/config';

export interface TestPerson {
  name: string;
  /** A synthetic national identity number (11 digits). */
  pid: string;
  /** Absent: not health personnel. */
  hprNumber?: string;
}

export interface TestProviderOptions {
  /** 0 picks a free port. */
  port: number;
  clientId: string;
  /** The client's public key(s): `private_key_jwt` assertions must be signed with the private one. */
  clientJwks: { keys: JsonWebKey[] };
  redirectUris: string[];
  /** Test people by login name. */
  people: Record<string, TestPerson>;
  /**
   * Systems that get access tokens for `apiAudience` by client credentials (`private_key_jwt`), each
   * with the API scopes it may have (space-separated).
   */
  machineClients?: { clientId: string; jwks: { keys: JsonWebKey[] }; scope: string }[];
  /** Our API's audience (OIDC_API_AUDIENCE); also the resource indicator of its tokens. */
  apiAudience?: string;
}

export interface TestProvider {
  issuer: string;
  /** The provider's private signing key (kid `provider`): for tests that forge tokens with it. */
  signingJwk: JsonWebKey & { kid: string };
  stop(): Promise<void>;
}

/** An RSA key pair as JWKs (the private one for the client, the public one for the provider). */
export function generateClientKey(kid = 'soknadsportal-test'): {
  privateJwk: JsonWebKey & { kid: string };
  publicJwk: JsonWebKey & { kid: string };
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

/** The login `<name>` logs in on level 4, `<name>:3` on level 3. */
function account(people: Record<string, TestPerson>, id: string) {
  const [login = '', level = '4'] = id.split(':');
  const person = people[login];
  if (!person || (level !== '4' && level !== '3')) return undefined;
  const [givenName, ...rest] = person.name.split(' ');
  return {
    accountId: id,
    claims: () => ({
      sub: id,
      name: person.name,
      given_name: givenName,
      family_name: rest.join(' '),
      [HELSEID_CLAIMS.pid]: person.pid,
      ...(person.hprNumber ? { [HELSEID_CLAIMS.hprNumber]: person.hprNumber } : {}),
      [HELSEID_CLAIMS.securityLevel]: level,
      'helseid://claims/identity/assurance_level': level === '4' ? 'high' : 'substantial',
    }),
  };
}

/** Starts the provider on `127.0.0.1:port`; its issuer is `http://127.0.0.1:<port>`. */
export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const signingJwk = { ...signing.export({ format: 'jwk' }), kid: 'provider', use: 'sig' };
  const machineClients = options.machineClients ?? [];
  const machineScopes = new Map(machineClients.map((c) => [c.clientId, c.scope]));
  const apiAudience = options.apiAudience;

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: options.clientJwks.keys.map((k) => ({ ...k })) },
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        require_pushed_authorization_requests: true,
      },
      ...machineClients.map((c) => ({
        client_id: c.clientId,
        token_endpoint_auth_method: 'private_key_jwt' as const,
        jwks: { keys: c.jwks.keys.map((k) => ({ ...k })) },
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
      })),
    ],
    clientAuthMethods: ['private_key_jwt'],
    pkce: { methods: ['S256'], required: () => true },
    responseTypes: ['code'],
    scopes: [...HELSEID_SCOPES],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name'],
      'helseid://scopes/identity/pid': [HELSEID_CLAIMS.pid],
      'helseid://scopes/identity/security_level': [
        HELSEID_CLAIMS.securityLevel,
        'helseid://claims/identity/assurance_level',
      ],
      'helseid://scopes/hpr/hpr_number': [HELSEID_CLAIMS.hprNumber],
    },
    // Like HelseID: the identity claims are in the ID token, not only behind userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
      // Like HelseID: a system's token request names the API (by scope; here also by `resource`),
      // and gets a JWT access token for it, with only the API scopes the system is registered for.
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // oidc-provider's own default (the one of several asked for, else none) for the login client.
        defaultResource: (_ctx, client, oneOf) =>
          (oneOf ??
            (machineScopes.has(client.clientId) ? apiAudience : undefined)) as unknown as string,
        getResourceServerInfo: (_ctx, resource, client) => {
          const scope = machineScopes.get(client.clientId);
          if (!apiAudience || resource !== apiAudience || scope === undefined) {
            throw new errors.InvalidTarget();
          }
          return {
            scope,
            audience: apiAudience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      ClientCredentials: 600,
    },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => account(options.people, id),
    // HelseID asks for no consent for a registered client: grant what it asked for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();
  server.on('request', (req, res) => {
    void handle(req, res);
  });
  return {
    issuer,
    signingJwk,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * `npm run oidc:dev`: the provider on OIDC_PORT (4000) for the demo users, with a client key kept
 * in DATA_DIR; prints the settings to start the app with.
 */
async function main() {
  const { DEMO_PEOPLE, demoHprNumber } = await import('../app/db/seed.server');
  const dataDir = process.env.DATA_DIR ?? 'data';
  const keyFile = join(dataDir, 'oidc-dev-client-key.json');
  if (!existsSync(keyFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(keyFile, JSON.stringify(generateClientKey().privateJwk), { mode: 0o600 });
  }
  const privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey & { kid: string };
  const publicJwk = { kty: privateJwk.kty, n: privateJwk.n, e: privateJwk.e, kid: privateJwk.kid };
  const people: Record<string, TestPerson> = {};
  for (const [code, members] of Object.entries(DEMO_PEOPLE)) {
    members.forEach((person, index) => {
      const hprNumber = demoHprNumber(code as keyof typeof DEMO_PEOPLE, index);
      // Day 99 is never a real birth date: a synthetic number, never a real person's.
      people[hprNumber] = { name: person.name, pid: `99${hprNumber.padStart(9, '0')}`, hprNumber };
    });
  }
  const publicUrl = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const provider = await startTestProvider({
    port: Number(process.env.OIDC_PORT ?? 4000),
    clientId: 'soknadsportal-dev',
    clientJwks: { keys: [publicJwk] },
    redirectUris: [`${publicUrl}/logg-inn/helseid/retur`],
    people,
    // A system with the same key: client credentials for the national exports (ADR 0033).
    apiAudience: DEV_API_AUDIENCE,
    machineClients: [
      {
        clientId: 'soknadsportal-dev-system',
        jwks: { keys: [publicJwk] },
        scope: nationalScope(DEV_API_AUDIENCE),
      },
    ],
  });
  console.log(`Local HelseID test provider: ${provider.issuer}`);
  console.log('Start the app with:');
  console.log(
    `  OIDC_ISSUER=${provider.issuer} OIDC_CLIENT_ID=soknadsportal-dev ` +
      `OIDC_CLIENT_KEY="$(cat ${keyFile})" OIDC_PID_SECRET=${DEV_PID_SECRET} ` +
      'DEV_LOGIN=false npm start',
  );
  console.log(
    'Log in with a demo user’s HPR number (e.g. 9100000 = Ingrid Haugland), any password;',
  );
  console.log('append :3 (9100000:3) for a security level 3 login.');
  console.log(
    `A system: client soknadsportal-dev-system (the same key, private_key_jwt) gets a token by ` +
      `client credentials with scope ${nationalScope(DEV_API_AUDIENCE)} and resource ` +
      `${DEV_API_AUDIENCE}, for GET /nasjonalt/eksport.csv with Authorization: Bearer.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
