import type { DatabaseKind, Db } from './db/database.server';
import type { AttachmentSettings } from './features/attachments/attachments.server';
import type { Auth } from './features/auth/auth.server';
import type { MachineAccess } from './features/auth/machine.server';
import type { HelseIdLogin } from './features/auth/oidc.server';

declare module 'react-router' {
  interface AppLoadContext {
    db: Db;
    databaseKind: DatabaseKind;
    auth: Auth;
    attachments: AttachmentSettings;
    /** The development mailbox folder (/utvikling/epost); null: none (SMTP, or not development). */
    mailboxDir: string | null;
    /** This response's Content-Security-Policy nonce (server/security.ts); absent outside the server. */
    cspNonce?: string;
    /**
     * Where app/entry.server.tsx leaves a rendered document's bytes for the server to send
     * (server/request-handler.ts), keyed by the Response it returns; absent outside the server,
     * where the document is the Response's body.
     */
    documentBodies?: WeakMap<Response, Uint8Array>;
    /**
     * Keys the hash of a national identity number (users.pid_hash): HelseID's OIDC_PID_SECRET, or
     * outside production without HelseID the development secret (server/config.ts).
     */
    pidSecret: string;
    /** How one logs in: HelseID (null: not configured) and the development login (never in production). */
    signIn: { helseId: HelseIdLogin | null; devLogin: boolean };
    /**
     * Verifies a system's HelseID access token (client credentials), accepted by the national
     * exports only (ADR 0033); null: not configured, every bearer request is refused.
     */
    machineAccess: MachineAccess | null;
  }
}
