import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/database.server';
import { attachmentContents } from '../../db/schema';

/** Where the bytes of attachments are kept, for one trust, inside one use case's transaction. */
export interface AttachmentStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export type AttachmentStoreKind = 'db' | 'folder';

/**
 * Opens the store for a transaction bound to a trust (`inTenant`). The database store works in
 * that transaction, under row-level security; the folder store beside it, so use cases call it
 * last, just before commit.
 */
export interface AttachmentStorage {
  readonly kind: AttachmentStoreKind;
  open(tx: Tx, trustId: string): AttachmentStore;
}

/** Bytes in the `attachment_contents` table: several stateless app instances share them. */
export function databaseStorage(): AttachmentStorage {
  return {
    kind: 'db',
    open: (tx, trustId) => ({
      put: async (key, bytes) => {
        await tx.insert(attachmentContents).values({ key, trustId, bytes });
      },
      get: async (key) => {
        const [row] = await tx
          .select({ bytes: attachmentContents.bytes })
          .from(attachmentContents)
          .where(eq(attachmentContents.key, key));
        return row ? row.bytes : null;
      },
      delete: async (key) => {
        await tx.delete(attachmentContents).where(eq(attachmentContents.key, key));
      },
    }),
  };
}

/** Keys and trust ids are ours (uuids), never a client's; checked anyway, as they become paths. */
const SAFE_SEGMENT = /^[0-9A-Za-z-]{1,64}$/;
const segment = (value: string) => {
  if (!SAFE_SEGMENT.test(value)) throw new Error(`Unsafe attachment path segment: ${value}`);
  return value;
};

/** Bytes in files under `dir/<trust id>/<key>`, readable only by the app's user. */
export function folderStorage(dir: string): AttachmentStorage {
  return {
    kind: 'folder',
    open: (_tx, trustId) => {
      const folder = join(dir, segment(trustId));
      const path = (key: string) => join(folder, segment(key));
      return {
        put: async (key, bytes) => {
          await mkdir(folder, { recursive: true, mode: 0o700 });
          // Written whole under a temporary name, then renamed: a crash never leaves half a file.
          const temporary = `${path(key)}.${randomBytes(6).toString('hex')}.tmp`;
          await writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
          await rename(temporary, path(key));
        },
        get: async (key) => {
          try {
            return new Uint8Array(await readFile(path(key)));
          } catch (error) {
            if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
            throw error;
          }
        },
        delete: (key) => rm(path(key), { force: true }),
      };
    },
  };
}
