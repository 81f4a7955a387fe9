import {
  generateClientKey,
  startTestProvider,
  type TestProvider,
  type TestProviderOptions,
} from '../scripts/oidc-provider';
import { freePort } from './harness';

/** The local HelseID of `startHelseId`, and the settings that make an app log in there. */
export interface HelseIdForApp {
  provider: TestProvider;
  /** For `startApp`'s `env`: the app's port (the provider knows its return address on it). */
  env: NodeJS.ProcessEnv;
}

/**
 * Starts the local provider like HelseID (scripts/oidc-provider.ts) with `options`, for an app yet
 * to start on a port free now: our client, its key and its return address are set here.
 */
export async function startHelseId(
  options: Omit<TestProviderOptions, 'port' | 'clientId' | 'clientJwks' | 'redirectUris'>,
): Promise<HelseIdForApp> {
  const key = generateClientKey();
  const port = await freePort();
  const publicUrl = `http://localhost:${port}`;
  const provider = await startTestProvider({
    ...options,
    port: 0,
    clientId: 'soknadsportal-e2e',
    clientJwks: { keys: [key.publicJwk] },
    redirectUris: [`${publicUrl}/logg-inn/helseid/retur`],
  });
  return {
    provider,
    env: {
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'soknadsportal-e2e',
      OIDC_CLIENT_KEY: JSON.stringify(key.privateJwk),
      OIDC_PID_SECRET: 'e2e-pid-secret-0123456789abcdef0123',
      // Never beside HelseID: the app refuses to start with both (server/config.ts).
      DEV_LOGIN: 'false',
    },
  };
}
