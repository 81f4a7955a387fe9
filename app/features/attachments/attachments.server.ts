import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { attachments, users } from '../../db/schema';
import { msg } from '../../i18n';
import type { Actor } from '../auth/domain/roles';
import {
  loadVisibleCase,
  logAccess,
  schemeOf,
  statusOf,
  transitionIn,
  type TransitionResult,
  type VisibleCase,
} from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { accessRole } from '../cases/domain/access';
import { checkTransition } from '../cases/domain/workflow';
import { sameFiles } from './domain/answer-form';
import { AttachmentError } from './domain/errors';
import { sanitizeFileName } from './domain/file-name';
import { checkFile } from './domain/file-type';
import { ATTACHMENT_TYPES, kindOfMime, type AttachmentKind } from './domain/kinds';
import {
  attachmentOrigin,
  attachmentWriter,
  mayRemove,
  type AttachmentOrigin,
  type AttachmentScope,
} from './domain/rules';
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
  /** What it came with: the application, or an answer to a request for information. */
  origin: AttachmentOrigin;
  /** Whether the user may remove it now (`mayRemove`). */
  removable: boolean;
}

/** A case's attachments as a user sees them, and what they may add to now. */
export interface AttachmentList {
  attachments: AttachmentListItem[];
  /** The user may add attachments to the application (a draft or returned; the edit page). */
  editable: boolean;
  /** The user may add attachments to the answer the case awaits (the case page's answer form). */
  answering: boolean;
}

export interface AttachmentDownload {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** The case if the actor may see it (caseRoles non-empty), else notFound, as for the case itself. */
async function visibleCase(tx: Tx, actor: Actor, caseId: string, lock = false) {
  try {
    return await loadVisibleCase(tx, actor, caseId, lock);
  } catch (error) {
    if (error instanceof CaseError && error.code === 'notFound') {
      throw new AttachmentError('notFound');
    }
    throw error;
  }
}

/**
 * The case, locked, if the actor may add attachments to `scope` of it now, with the role they do
 * it in; notEditable if they only see it. It is read first without the lock, so that a reader
 * whose trust only reads the case (a consultation) is refused as one, not hidden by the lock's
 * row-level security; then locked and checked again, so that the upload or removal is ordered
 * with the case's status changes: none lands after the application or the answer was sent.
 */
async function writableCase(tx: Tx, actor: Actor, caseId: string, scope: AttachmentScope) {
  const writerOf = ({ row, roles }: VisibleCase) => {
    const writer = attachmentWriter(roles, statusOf(row));
    if (!writer || writer.scope !== scope) throw new AttachmentError('notEditable');
    return writer;
  };
  writerOf(await visibleCase(tx, actor, caseId));
  const locked = await visibleCase(tx, actor, caseId, true);
  return { row: locked.row, role: writerOf(locked).role };
}

const attachmentColumn = (name: string) => sql`${attachments}.${sql.identifier(name)}`;
/** Qualified: in a one-table select list Drizzle names a column without its table. */
const uploadedAt = attachmentColumn('uploaded_at');

/**
 * The wait for information an attachment was added during, as JSON `{ endedBy, endedAt }`
 * (`AttachmentWait`; both null while the case still waits), or null when it was added during none:
 * the latest request for information before the upload, with the first event after it that left
 * `awaitingInformation` (the answer, or a withdrawal) if that came after the upload. Nothing is
 * stored for it: the times decide, compared here to the microsecond. They are ordered as the
 * changes were: an upload takes its time under the case's row lock (`clock_timestamp()`, after
 * the request that allowed it was committed), and so does the answer's event (`transitionIn`).
 */
const waitOf = sql`(select json_build_object('endedBy', ended.event, 'endedAt', ended.created_at)
  from case_events asked
  left join lateral (select e.event, e.created_at from case_events e
    where e.case_id = asked.case_id and e.id > asked.id and e.from_status = 'awaitingInformation'
    order by e.id limit 1) ended on true
  where asked.case_id = ${attachmentColumn('case_id')} and asked.to_status = 'awaitingInformation'
    and asked.created_at < ${uploadedAt} and (ended.created_at is null or ${uploadedAt} < ended.created_at)
  order by asked.id desc limit 1)`;

const attachmentWait = z
  .object({ endedBy: z.string().nullable(), endedAt: z.string().nullable() })
  .nullable()
  .transform(
    (wait) =>
      wait && { endedBy: wait.endedBy, endedAt: wait.endedAt ? new Date(wait.endedAt) : null },
  );

async function attachmentOfCase(tx: Tx, caseId: string, attachmentId: string) {
  if (!z.uuid().safeParse(attachmentId).success) throw new AttachmentError('notFound');
  const [found] = await tx
    .select({ row: attachments, wait: waitOf })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)));
  if (!found) throw new AttachmentError('notFound');
  return { ...found.row, origin: attachmentOrigin(attachmentWait.parse(found.wait)) };
}

const kindOf = (mimeType: string): AttachmentKind => {
  const kind = kindOfMime(mimeType);
  if (!kind) throw new Error(`Unknown attachment type in database: ${mimeType}`);
  return kind;
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The attachments of a case the actor may see, oldest first, each with what it came with, and
 * what the actor may add to and remove. Not logged on its own: it belongs on a page that reads
 * the case (logged by getCase).
 */
export async function listAttachments(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<AttachmentList> {
  return inTenant(db, actor, (tx) => listAttachmentsIn(tx, actor, caseId));
}

/** `listAttachments` in the caller's transaction (the case page reads all its sections in one). */
export async function listAttachmentsIn(
  tx: Tx,
  actor: Actor,
  caseId: string,
): Promise<AttachmentList> {
  const { row, roles } = await visibleCase(tx, actor, caseId);
  const rows = await tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      size: attachments.size,
      uploadedAt: attachments.uploadedAt,
      uploadedByName: users.name,
      wait: waitOf,
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedBy))
    .where(eq(attachments.caseId, row.id))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
    .prepare('sp_case_attachments')
    .execute();
  const writer = attachmentWriter(roles, statusOf(row));
  return {
    attachments: rows.map(({ mimeType, wait, ...item }) => {
      const origin = attachmentOrigin(attachmentWait.parse(wait));
      return {
        ...item,
        kind: kindOf(mimeType),
        origin,
        removable: writer !== null && mayRemove(writer.scope, origin),
      };
    }),
    editable: writer?.scope === 'application',
    answering: writer?.scope === 'answer',
  };
}

/**
 * Adds a file to a case, to the application (`scope`, the default: the edit page) or to the answer
 * the case awaits (the case page's answer form): only its writers, only while that is open
 * (`attachmentWriter`). The type is detected from the bytes; the name is only sanitised and given
 * the detected extension. Metadata, access-log record and (database store) bytes are written in
 * one transaction, under the case's row lock.
 */
export async function uploadAttachment(
  db: Db,
  settings: AttachmentSettings,
  actor: Actor,
  input: { caseId: string; fileName: string; bytes: Uint8Array; scope?: AttachmentScope },
): Promise<AttachmentListItem> {
  const scope = input.scope ?? 'application';
  return inTenant(db, actor, async (tx) => {
    const { row, role } = await writableCase(tx, actor, input.caseId, scope);
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
        // Taken now, under the row lock, not when the transaction began (see `waitOf`).
        uploadedAt: sql`clock_timestamp()`,
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
      origin: scope === 'answer' ? { kind: 'pendingAnswer' } : { kind: 'application' },
      removable: true,
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

/**
 * Removes an attachment: the same people and statuses, and the same `scope`, as for adding one;
 * only an attachment that came with that part of the case, and from an answer only before it is
 * sent (`mayRemove`).
 */
export async function deleteAttachment(
  db: Db,
  storage: AttachmentStorage,
  actor: Actor,
  caseId: string,
  attachmentId: string,
  scope: AttachmentScope = 'application',
): Promise<void> {
  await inTenant(db, actor, async (tx) => {
    const { row, role } = await writableCase(tx, actor, caseId, scope);
    const attachment = await attachmentOfCase(tx, row.id, attachmentId);
    if (!mayRemove(scope, attachment.origin)) throw new AttachmentError('notRemovable');
    await tx.delete(attachments).where(eq(attachments.id, attachment.id));
    await logAccess(tx, actor, role, row.id, 'attachment-delete', { objectId: attachment.id });
    // Last, so that a folder store deletes only when everything before it has succeeded.
    await storage.open(tx, row.trustId).delete(attachment.storageKey);
  });
}

/**
 * Sends the answer to a request for information (`provideInformation`, with the text as its
 * reason) if the files added to it are still those its sender's form listed (`shownIds`): a
 * compare-and-set on the answer's files beside the one on the case's version, since uploads and
 * removals leave the version alone. The answer's files are those added before it is recorded
 * (`waitOf`), so they are compared under the case's row lock, the one every upload and removal
 * takes (`writableCase`): none lands between the comparison and the answer. Changed meanwhile (a
 * co-author added or removed one): nothing is sent (`answerChanged`). Someone who may not send
 * the answer gets the transition's refusal.
 */
export async function sendAnswer(
  db: Db,
  actor: Actor,
  input: { caseId: string; version: number; reason: string; shownIds: readonly string[] },
): Promise<TransitionResult> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, input.caseId);
    if (checkTransition(statusOf(row), 'provideInformation', roles, schemeOf(row)).ok) {
      // Locked only now: a case awaiting its answer is read by its own trust only, whose
      // row-level security lets the lock see it (`writableCase`).
      await loadVisibleCase(tx, actor, input.caseId, true);
      const rows = await tx
        .select({ id: attachments.id, wait: waitOf })
        .from(attachments)
        .where(eq(attachments.caseId, row.id));
      const stored = rows
        .filter((r) => attachmentOrigin(attachmentWait.parse(r.wait)).kind === 'pendingAnswer')
        .map((r) => r.id);
      if (!sameFiles(input.shownIds, stored)) throw new AttachmentError('answerChanged');
    }
    return transitionIn(tx, actor, {
      caseId: input.caseId,
      version: input.version,
      event: 'provideInformation',
      reason: input.reason,
    });
  });
}
