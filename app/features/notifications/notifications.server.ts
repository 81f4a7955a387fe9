import { and, desc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import {
  activeCollaboration,
  caseCollaborators,
  caseCommittee,
  caseEvents,
  caseLeaders,
  cases,
  notifications,
  roleAssignments,
} from '../../db/schema';
import type { Actor, Role } from '../auth/domain/roles';
import type { CaseEvent, Status } from '../cases/domain/workflow';
import { isNotificationKind, type NotificationKind } from './domain/kinds';
import {
  committeeOf,
  fallbackGroupsFor,
  groupsFor,
  transitionRecipients,
  type GroupMembers,
  type RecipientGroup,
} from './domain/recipients';

export interface NotifyInput {
  /** The trust the case belongs to. */
  trustId: string;
  caseId: string | null;
  kind: NotificationKind;
  recipientIds: readonly string[];
  /** The person whose action caused this is not told about it. */
  exceptUserId?: string;
  /**
   * The case number as it is now, kept with the notice for recipients who cannot read the case
   * (`linksToCase` false): the list and the e-mail show it instead of reading the case.
   */
  caseNumber?: string | null;
}

/**
 * Notifies people in the app, in the caller's transaction, so a notification exists exactly when
 * the change it tells of was committed. Each row is also the outbox entry for its e-mail.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<number> {
  const recipients = [...new Set(input.recipientIds)].filter((id) => id !== input.exceptUserId);
  if (recipients.length === 0) return 0;
  await tx.insert(notifications).values(
    recipients.map((userId) => ({
      userId,
      trustId: input.trustId,
      caseId: input.caseId,
      kind: input.kind,
      caseNumber: input.caseNumber ?? null,
    })),
  );
  return recipients.length;
}

/** The people of a case, as the notification rules need them. */
export interface CasePeople {
  trustId: string;
  caseId: string;
  departmentId: string;
  applicantId: string;
  /** The leader the endorsement is delegated to (an active delegation), or null. */
  delegateId: string | null;
}

/** Users holding `role` in the trust (for `departmentId`, or trust-wide). */
export async function usersWithRole(
  tx: Tx,
  trustId: string,
  role: Role,
  departmentId?: string,
): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.trustId, trustId),
        eq(roleAssignments.role, role),
        departmentId === undefined
          ? undefined
          : or(
              isNull(roleAssignments.departmentId),
              eq(roleAssignments.departmentId, departmentId),
            ),
      ),
    );
  return rows.map((r) => r.userId);
}

async function coAuthorIds(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: caseCollaborators.userId })
    .from(caseCollaborators)
    .where(eq(caseCollaborators.caseId, caseId));
  return rows.map((r) => r.userId);
}

/** The leaders invited to collaborate on the case's endorsement: its active invitations (ADR 0024). */
async function leaderCollaboratorIds(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: caseLeaders.userId })
    .from(caseLeaders)
    .where(and(eq(caseLeaders.caseId, caseId), activeCollaboration));
  return rows.map((r) => r.userId);
}

/** The case's committee (`committeeOf`): its assigned members, else the trust's assessors. */
async function committeeIds(tx: Tx, people: CasePeople, authorIds: readonly string[]) {
  const assigned = (
    await tx
      .select({ userId: caseCommittee.userId })
      .from(caseCommittee)
      .where(eq(caseCommittee.caseId, people.caseId))
  ).map((r) => r.userId);
  const assessed =
    assigned.length === 0 &&
    (
      await tx
        .select({ id: caseEvents.id })
        .from(caseEvents)
        .where(
          and(eq(caseEvents.caseId, people.caseId), eq(caseEvents.toStatus, 'underAssessment')),
        )
        .limit(1)
    ).length > 0;
  const assessors = assessed ? await usersWithRole(tx, people.trustId, 'assessor') : [];
  return committeeOf({ assigned, assessors, assessed, authorIds });
}

/** Who asked the applicant for the information being given: the latest request's actor. */
async function informationRequesterIds(tx: Tx, caseId: string): Promise<string[]> {
  const [asked] = await tx
    .select({ actorId: caseEvents.actorId })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.event, 'requestInformation')))
    .orderBy(desc(caseEvents.id))
    .limit(1);
  return asked ? [asked.actorId] : [];
}

/**
 * What a caller that has read the case with its members (`loadVisibleCase`) may pass on, so the
 * groups made of them need no query of their own.
 */
export interface KnownMembers {
  coAuthorIds?: readonly string[];
  /** The case's active collaborating leaders (`collaboratorIdsOf` in features/cases). */
  collaboratorIds?: readonly string[];
}

/**
 * The people in each of `groups` for one case (the groups not asked for are empty): one query
 * per group needed, none for a group not asked for or whose members the caller knows. The one
 * resolution of recipient groups to people, for the transitions, the stage reminders
 * (features/clocks) and the dialog.
 */
export async function groupMembers(
  tx: Tx,
  people: CasePeople & KnownMembers,
  groups: readonly RecipientGroup[],
): Promise<GroupMembers> {
  const wants = (group: RecipientGroup) => groups.includes(group);
  const coAuthors =
    wants('coAuthors') || wants('committee') || wants('currentEndorsers')
      ? (people.coAuthorIds ?? (await coAuthorIds(tx, people.caseId)))
      : [];
  const authorIds = [people.applicantId, ...coAuthors];
  return {
    applicant: wants('applicant') ? [people.applicantId] : [],
    coAuthors: wants('coAuthors') ? coAuthors : [],
    departmentEndorsers: wants('departmentEndorsers')
      ? await usersWithRole(tx, people.trustId, 'endorser', people.departmentId)
      : [],
    currentEndorsers: !wants('currentEndorsers')
      ? []
      : people.delegateId !== null
        ? [people.delegateId]
        : (await usersWithRole(tx, people.trustId, 'endorser', people.departmentId)).filter(
            (id) => !authorIds.includes(id),
          ),
    endorsementDelegate:
      wants('endorsementDelegate') && people.delegateId !== null ? [people.delegateId] : [],
    leaderCollaborators: wants('leaderCollaborators')
      ? (people.collaboratorIds ?? (await leaderCollaboratorIds(tx, people.caseId)))
      : [],
    decisionMakers: wants('decisionMakers')
      ? await usersWithRole(tx, people.trustId, 'decisionMaker')
      : [],
    committee: wants('committee') ? await committeeIds(tx, people, authorIds) : [],
    informationRequester: wants('informationRequester')
      ? await informationRequesterIds(tx, people.caseId)
      : [],
  };
}

/** Everyone in `groups` for the case, each once (`groupMembers`). */
export async function groupRecipients(
  tx: Tx,
  people: CasePeople & KnownMembers,
  groups: readonly RecipientGroup[],
): Promise<string[]> {
  const members = await groupMembers(tx, people, groups);
  return [...new Set(groups.flatMap((group) => members[group]))];
}

/**
 * Tells the people a status change concerns (see domain/recipients.ts), in the transition's own
 * transaction: who is told depends on the event and the status the case left. The actor is never
 * told of their own action.
 */
export async function notifyForTransition(
  tx: Tx,
  input: CasePeople & KnownMembers & { event: CaseEvent; from: Status; actorId: string },
): Promise<number> {
  const groups = groupsFor(input.event, input.from);
  if (groups.length === 0) return 0;
  let members = await groupMembers(tx, input, groups);
  let notice = transitionRecipients(input.event, input.from, members, input.actorId);
  const fallback = fallbackGroupsFor(input.event);
  if (notice?.recipientIds.length === 0 && fallback.length > 0) {
    // No one of the event's own groups is told: look up those told instead (`otherwise`).
    members = await groupMembers(tx, input, [...groups, ...fallback]);
    notice = transitionRecipients(input.event, input.from, members, input.actorId);
  }
  if (!notice) return 0;
  return notify(tx, {
    trustId: input.trustId,
    caseId: input.caseId,
    kind: notice.kind,
    recipientIds: notice.recipientIds,
    exceptUserId: input.actorId,
  });
}

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  caseId: string | null;
  /**
   * Null while the case is a draft. For a case the user cannot read, the number the notice kept
   * when it was sent (`notify`'s `caseNumber`), else null.
   */
  caseNumber: string | null;
  /** False for a case of another trust than the one signed in to (row-level security hides it). */
  caseVisible: boolean;
  createdAt: Date;
  read: boolean;
}

const LIST_LIMIT = 200;

/** The signed-in user's own notifications, newest first. */
export async function listNotifications(db: Db, actor: Actor): Promise<NotificationItem[]> {
  const rows = await inTenant(db, actor, (tx) =>
    tx
      .select({
        id: notifications.id,
        kind: notifications.kind,
        caseId: notifications.caseId,
        caseNumber: cases.caseNumber,
        keptCaseNumber: notifications.caseNumber,
        visibleCaseId: cases.id,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(cases, eq(cases.id, notifications.caseId))
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.id))
      .limit(LIST_LIMIT),
  );
  return rows.flatMap((r) =>
    isNotificationKind(r.kind)
      ? [
          {
            id: r.id,
            kind: r.kind,
            caseId: r.caseId,
            caseNumber: r.keptCaseNumber ?? r.caseNumber,
            caseVisible: r.visibleCaseId !== null,
            createdAt: r.createdAt,
            read: r.readAt !== null,
          },
        ]
      : [],
  );
}

/** How many of the user's notifications are unread (shown in the header), leaving out one case. */
export function countUnread(db: Db, actor: Actor, exceptCaseId?: string): Promise<number> {
  return inTenant(db, actor, (tx) => countUnreadIn(tx, actor, exceptCaseId));
}

/** `countUnread` in the caller's transaction, bound to the actor's trust. */
export async function countUnreadIn(tx: Tx, actor: Actor, exceptCaseId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        exceptCaseId === undefined
          ? undefined
          : or(isNull(notifications.caseId), ne(notifications.caseId, exceptCaseId)),
      ),
    )
    .prepare(exceptCaseId === undefined ? 'sp_unread' : 'sp_unread_except_case')
    .execute();
  return row?.n ?? 0;
}

/**
 * Marks the given notifications of the user read, or all unread ones up to `{ upTo }`: the newest
 * the page showed (one that came after it stays unread: it was never seen).
 */
export async function markRead(
  db: Db,
  actor: Actor,
  which: readonly number[] | { upTo: number },
): Promise<number> {
  const chosen =
    'upTo' in which ? lte(notifications.id, which.upTo) : inArray(notifications.id, [...which]);
  if (!('upTo' in which) && which.length === 0) return 0;
  return inTenant(db, actor, async (tx) => {
    const updated = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), chosen))
      .returning({ id: notifications.id });
    return updated.length;
  });
}

/** Marks the user's notifications about one case read, in the caller's transaction (on opening it). */
export async function markCaseRead(tx: Tx, userId: string, caseId: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.caseId, caseId),
        isNull(notifications.readAt),
      ),
    )
    .prepare('sp_case_notifications_read')
    .execute();
}
