import type { DatabaseKind, Db } from './db/database.server';
import type { Auth } from './features/auth/auth.server';

declare module 'react-router' {
  interface AppLoadContext {
    db: Db;
    databaseKind: DatabaseKind;
    auth: Auth;
  }
}
