import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { attachments, users } from '../../db/schema';
import { msg } from '../../i18n';
import type { Actor } from '../auth/domain/roles';
import { loadVisibleCase, logAccess, statusOf } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { accessRole, applicationEditorRole } from '../cases/domain/access';
import { AttachmentError } from './domain/errors';
import { sanitizeFileName } from './domain/file-name';
import { checkFile } from './domain/file-type';
import { ATTACHMENT_TYPES, kindOfMime, type AttachmentKind } from './domain/kinds';
import type { AttachmentStorage } from './store.server';

/** How attachments are kept and how large one may be (ATTACHMENT_STORE, ATTACHMENT_MAX_BYTES). */
export interface AttachmentSettings {
  storage: AttachmentStorage;
  maxBytes: number;
}

export interface AttachmentListItem {
  id: string;
  fileName: string;
  kind: AttachmentKind;
  size: number;
  uploadedAt: Date;
  uploadedByName: string;
}

export interface AttachmentDownload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** The case if the actor may see it (caseRoles non-empty), else notFound, as for the case itself. */
async function visibleCase(tx: Tx, actor: Actor, caseId: string) {
  try {
    return await loadVisibleCase(tx, actor, caseId);
  } catch (error) {
    if (error instanceof CaseError && error.code === 'notFound') {
      throw new AttachmentError('notFound');
    }
    throw error;
  }
}

async function attachmentOfCase(tx: Tx, caseId: string, attachmentId: string) {
  if (!z.uuid().safeParse(attachmentId).success) throw new AttachmentError('notFound');
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)));
  if (!row) throw new AttachmentError('notFound');
  return row;
}

const kindOf = (mimeType: string): AttachmentKind => {
  const kind = kindOfMime(mimeType);
  if (!kind) throw new Error(`Unknown attachment type in database: ${mimeType}`);
  return kind;
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The attachments of a case the actor may see, oldest first, and whether the actor may add and
 * remove them. Not logged on its own: it belongs on a page that reads the case (logged by getCase).
 */
export async function listAttachments(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ attachments: AttachmentListItem[]; editable: boolean }> {
  return inTenant(db, actor, (tx) => listAttachmentsIn(tx, actor, caseId));
}

/** `listAttachments` in the caller's transaction (the case page reads all its sections in one). */
export async function listAttachmentsIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
): Promise<{ attachments: AttachmentListItem[]; editable: boolean }> {
  const { row, roles } = await visibleCase(tx, actor, caseId);
  const rows = await tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      uploadedAt: attachments.uploadedAt,
      uploadedByName: users.name,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.caseId, row.id))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
    .prepare('sp_case_attachments')
    .execute();
  return {
    attachments: rows.map(({ mimeType, ...item }) => ({ ...item, kind: kindOf(mimeType) })),
    editable: applicationEditorRole(roles, statusOf(row)) !== null,
  };
}

/**
 * Adds a file to a case: only its applicant (later also co-authors) while it is editable. The
 * type is detected from the bytes; the name is only sanitised and given the detected extension.
 * Metadata, access-log record and (database store) bytes are written in one transaction.
 */
export async function uploadAttachment(
  db: Db,
  settings: AttachmentSettings,
  actor: Actor,
  input: { caseId: string; fileName: string; bytes: Uint8Array },
): Promise<AttachmentListItem> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await visibleCase(tx, actor, input.caseId);
    const role = applicationEditorRole(roles, statusOf(row));
    if (!role) throw new AttachmentError('notEditable');
    const check = await checkFile(input.bytes, settings.maxBytes);
    if (!check.ok) throw new AttachmentError(check.problem);

    const id = randomUUID();
    const fileName = sanitizeFileName(input.fileName, check.kind, msg.attachments.defaultFileName);
    const [saved] = await tx
      .insert(attachments)
      .values({
        id,
        caseId: row.id,
        trustId: row.trustId,
        fileName,
        mimeType: ATTACHMENT_TYPES[check.kind].mime,
        size: input.bytes.length,
        sha256: sha256(input.bytes),
        storageKey: id,
        uploadedBy: actor.userId,
      })
      .returning({ uploadedAt: attachments.uploadedAt });
    if (!saved) throw new Error('Insert returned no row');
    await logAccess(tx, actor, role, row.id, 'attachment-upload', { objectId: id });
    // Last, so that a folder store writes only when everything before it has succeeded.
    await settings.storage.open(tx, row.trustId).put(id, input.bytes);
    return {
      id,
      fileName,
      kind: check.kind,
      size: input.bytes.length,
      uploadedAt: saved.uploadedAt,
      uploadedByName: actor.name,
    };
  });
}

/**
 * An attachment's bytes, for anyone who may see the case (else notFound). Every download is
 * written to the access log in the same transaction, and the bytes are checked against the
 * SHA-256 taken at upload.
 */
export async function downloadAttachment(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  caseId: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await visibleCase(tx, actor, caseId);
    const attachment = await attachmentOfCase(tx, row.id, attachmentId);
    const role = accessRole(roles, statusOf(row));
    if (role)
      await logAccess(tx, actor, role, row.id, 'attachment-download', { objectId: attachment.id });
    const bytes = await storage.open(tx, row.trustId).get(attachment.storageKey);
    if (!bytes) throw new Error(`Attachment ${attachment.id}: no bytes in the store`);
    if (sha256(bytes) !== attachment.sha256) {
      throw new Error(`Attachment ${attachment.id}: the stored bytes do not match their SHA-256`);
    }
    return { fileName: attachment.fileName, mimeType: attachment.mimeType, bytes };
  });
}

/** Removes an attachment: the same people and statuses as for adding one. */
export async function deleteAttachment(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  caseId: string,
  attachmentId: string,
): Promise<void> {
  await inTenant(db, actor, async (tx) => {
    const { row, roles } = await visibleCase(tx, actor, caseId);
    const role = applicationEditorRole(roles, statusOf(row));
    if (!role) throw new AttachmentError('notEditable');
    const attachment = await attachmentOfCase(tx, row.id, attachmentId);
    await tx.delete(attachments).where(eq(attachments.id, attachment.id));
    await logAccess(tx, actor, role, row.id, 'attachment-delete', { objectId: attachment.id });
    // Last, so that a folder store deletes only when everything before it has succeeded.
    await storage.open(tx, row.trustId).delete(attachment.storageKey);
  });
}
