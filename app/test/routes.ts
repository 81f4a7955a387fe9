import type { AppLoadContext } from 'react-router';
import { DEV_PID_SECRET } from '../../server/config';
import type { Database } from '../db/database.server';
import { DEFAULT_MAX_BYTES } from '../features/attachments/domain/kinds';
import { databaseStorage } from '../features/attachments/store.server';
import { createAuth } from '../features/auth/auth.server';
import { TEST_SECRETS } from './actors';

/**
 * The context the server gives a route (server/app.ts) on a test database: its connection, the
 * session reads through the app role's connections, attachments in the database, no mailbox, the
 * development identity-number secret and login. `change` replaces parts (say the attachments).
 */
export function routeContext(
  database: Database,
  change: Partial<AppLoadContext> = {},
): AppLoadContext {
  return {
    db: database.db,
    databaseKind: database.kind,
    auth: createAuth(database.db, {
      secrets: TEST_SECRETS,
      secure: false,
      readAsApp: database.readAsApp,
    }),
    attachments: { storage: databaseStorage(), maxBytes: DEFAULT_MAX_BYTES },
    mailboxDir: null,
    pidSecret: DEV_PID_SECRET,
    signIn: { helseId: null, devLogin: true },
    machineAccess: null,
    ...change,
  };
}

/**
 * A route loader's arguments for a GET of `path` (with its query) by the session of `cookie` (none
 * when empty), with the route's `params` and the context the server gives it: to test a loader's
 * reading of the address on a database.
 */
export function loaderArgs<P extends Record<string, string> = Record<string, string>>(
  database: Database,
  path: string,
  cookie: string,
  pattern: string,
  params: P = {} as P,
  context: AppLoadContext = routeContext(database),
) {
  const url = new URL(path, 'http://test');
  return {
    request: new Request(url, { headers: cookie ? { Cookie: cookie } : {} }),
    url,
    pattern,
    params,
    context,
  };
}
