import { anonymisedIn } from '../retention/retention.server';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { caseMessages, users } from '../../db/schema';
import { isEventRole, isRole, type Actor, type EventRole, type Role } from '../auth/domain/roles';
import { caseTrailIn, loadVisibleCase, logAccess, statusOf } from '../cases/cases.server';
import { isQuestionStatus, openQuestion, type OpenQuestion } from '../cases/domain/history';
import type { Status } from '../cases/domain/workflow';
import { accessRole } from '../cases/domain/access';
import { CaseError } from '../cases/domain/errors';
import { groupRecipients, markCaseRead, notify } from '../notifications/notifications.server';
import {
  caseworkerGroups,
  isMessageVisibility,
  messageRecipients,
  parseMessage,
  postingRole,
  visibleTo,
  type MessageError,
  type MessageVisibility,
} from './domain/visibility';

export interface DialogMessage {
  id: number;
  authorName: string;
  authorRole: Role;
  visibility: MessageVisibility;
  body: string;
  createdAt: Date;
}

export interface DialogView {
  caseId: string;
  /** Null while the case is a draft. */
  caseNumber: string | null;
  status: Status;
  messages: DialogMessage[];
  /** The visibilities the actor may post with (empty: may only read). */
  canPostAs: MessageVisibility[];
}

/**
 * The case's dialog as the actor may read it (internal notes only for caseworkers), for its own
 * page: reading it is logged, and the actor's notifications about the case count as read once it
 * is open. While the case waits for its applicant to answer a question (returned, or awaiting
 * information), the page has that question too: the answer in the dialog is about it.
 */
export async function loadDialogPage(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<DialogView & { question: OpenQuestion<QuestionAsked> | null }> {
  return inTenant(db, actor, async (tx) => {
    const dialog = await loadDialogIn(tx, actor, caseId);
    // Only a case in a question status has one to find: other dialogs skip reading the trail.
    if (!isQuestionStatus(dialog.status)) return { ...dialog, question: null };
    const found = openQuestion(dialog.status, await caseTrailIn(tx, dialog.caseId));
    const question =
      found && isEventRole(found.question.actorRole)
        ? {
            status: found.status,
            question: { ...found.question, actorRole: found.question.actorRole },
          }
        : null;
    return { ...dialog, question };
  });
}

/** A question the case waits for its applicant to answer, as `ReturnedQuestion` shows it. */
export interface QuestionAsked {
  actorName: string;
  actorRole: EventRole;
  reason: string | null;
  at: Date;
}

/** `loadDialog` in the caller's transaction (the case page reads all its sections in one). */
export async function loadDialogIn(tx: Tx, actor: Actor, caseId: string): Promise<DialogView> {
  const { row, roles } = await loadVisibleCase(tx, actor, caseId);
  const visible = visibleTo(roles);
  // Marked read before the messages are read: a message posted meanwhile (its notice committed
  // after this) stays unread rather than being marked read without being shown.
  await markCaseRead(tx, actor.userId, row.id);
  const rows =
    visible.length === 0
      ? []
      : await tx
          .select({
            id: caseMessages.id,
            authorName: users.name,
            authorRole: caseMessages.authorRole,
            visibility: caseMessages.visibility,
            body: caseMessages.body,
            createdAt: caseMessages.createdAt,
          })
          .from(caseMessages)
          .innerJoin(users, eq(users.id, caseMessages.authorId))
          .where(and(eq(caseMessages.caseId, row.id), inArray(caseMessages.visibility, visible)))
          .orderBy(asc(caseMessages.id))
          // One statement per set of visibilities (its text lists them).
          .prepare(`sp_case_messages_${visible.join('_')}`)
          .execute();
  const role = accessRole(roles, statusOf(row));
  if (role) await logAccess(tx, actor, role, row.id, 'readMessages');
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    status: statusOf(row),
    messages: rows.flatMap((m) =>
      isMessageVisibility(m.visibility) && isRole(m.authorRole)
        ? [{ ...m, visibility: m.visibility, authorRole: m.authorRole }]
        : [],
    ),
    canPostAs: (await anonymisedIn(tx, row)) ? [] : visible,
  };
}

export type PostResult = { ok: true; id: number } | { ok: false; errors: MessageError[] };

/**
 * Adds a message to the case's dialog and tells the other participants who may read it (an
 * internal note never reaches the applicant). Bad input changes nothing and says why.
 */
export async function postMessage(
  db: Db,
  actor: Actor,
  caseId: string,
  input: { body: string; visibility: string },
): Promise<PostResult> {
  return inTenant(db, actor, async (tx) => {
    // Row-locked: the retention job anonymises under the same lock, so a message is either
    // anonymised with the case or refused after it.
    const { row, roles, coAuthorIds, delegateId, collaboratorIds } = await loadVisibleCase(
      tx,
      actor,
      caseId,
      true,
    );
    const parsed = parseMessage(input);
    if (!parsed.ok) return parsed;
    if (await anonymisedIn(tx, row)) throw new CaseError('anonymised');
    const { body, visibility } = parsed.message;
    // The role the message is posted in; none when canPost(roles, visibility) says no.
    const role = postingRole(roles, visibility);
    if (!role) throw new CaseError('forbidden');
    const [created] = await tx
      .insert(caseMessages)
      .values({
        trustId: row.trustId,
        caseId: row.id,
        authorId: actor.userId,
        authorRole: role,
        visibility,
        body,
      })
      .returning({ id: caseMessages.id });
    if (!created) throw new Error('Insert returned no row');
    // Logged in the role that let them post it (a collaborating or delegating leader's message is
    // shown as a leader's, `postingRole`, but the log says which leader role it was).
    const loggedRole = roles.includes(role) ? role : (accessRole(roles, statusOf(row)) ?? role);
    await logAccess(tx, actor, loggedRole, row.id, 'postMessage', {
      objectId: String(created.id),
    });
    const caseworkerIds = await groupRecipients(
      tx,
      { ...row, caseId: row.id, coAuthorIds, delegateId, collaboratorIds },
      caseworkerGroups(statusOf(row)),
    );
    await notify(tx, {
      trustId: row.trustId,
      caseId: row.id,
      kind: 'messagePosted',
      recipientIds: messageRecipients(
        { applicantId: row.applicantId, coAuthorIds, caseworkerIds },
        visibility,
        actor.userId,
      ),
      exceptUserId: actor.userId,
    });
    return { ok: true, id: created.id };
  });
}
