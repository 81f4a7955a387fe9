import type { AppLoadContext } from 'react-router';
import { DEV_PID_SECRET } from '../../server/config';
import type { Database } from '../db/database.server';
import { DEFAULT_MAX_BYTES } from '../features/attachments/domain/kinds';
import { databaseStorage } from '../features/attachments/store.server';
import { createAuth } from '../features/auth/auth.server';
import { TEST_SECRETS } from './actors';

/**
 * A route loader's arguments for a GET of `path` (with its query) by the session of `cookie`,
 * with the context the server gives it: to test a loader's reading of the address on a database.
 */
export function loaderArgs(database: Database, path: string, cookie: string, pattern: string) {
  const url = new URL(path, 'http://test');
  const context: AppLoadContext = {
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
  };
  return {
    request: new Request(url, { headers: { Cookie: cookie } }),
    url,
    pattern,
    params: {},
    context,
  };
}
