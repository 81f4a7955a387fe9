import { z } from 'zod';
import type { CaseRole, Role } from '../../auth/domain/roles';
import type { Status } from '../../cases/domain/workflow';
import { HANDLING, type RecipientGroup } from '../../notifications/domain/recipients';

/**
 * Who may read a message of the case dialog: `case` — everyone working the case, the applicant and
 * co-authors included; `internal` — the caseworkers only (leader, committee, medical director).
 */
export const MESSAGE_VISIBILITIES = ['case', 'internal'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

export function isMessageVisibility(value: string): value is MessageVisibility {
  return (MESSAGE_VISIBILITIES as readonly string[]).includes(value);
}

/** The writers of the application: they take part in the dialog but never see internal notes. */
const APPLICATION_ROLES: readonly Role[] = ['applicant', 'coAuthor'];
/** Those who handle the case: they see and write internal notes too. */
const CASEWORKER_ROLES: readonly Role[] = ['endorser', 'decisionMaker', 'assessor'];
/**
 * Leaders on the endorsement who do not endorse (ADR 0024): the department's leader while it is
 * delegated, a collaborating leader. They work the case as caseworkers, in their `endorser` role.
 */
const LEADER_CASE_ROLES: readonly CaseRole[] = ['delegator', 'collaborator'];
const isLeaderOnCase = (roles: readonly CaseRole[]) =>
  LEADER_CASE_ROLES.some((r) => roles.includes(r));

/** The visibilities whose messages someone holding `roles` (for this case) may read. */
export function visibleTo(roles: readonly CaseRole[]): MessageVisibility[] {
  if (CASEWORKER_ROLES.some((r) => roles.includes(r)) || isLeaderOnCase(roles)) {
    return ['case', 'internal'];
  }
  if (APPLICATION_ROLES.some((r) => roles.includes(r))) return ['case'];
  return [];
}

/** May someone holding `roles` (for this case) post a message of this visibility? */
export function canPost(roles: readonly CaseRole[], visibility: MessageVisibility): boolean {
  return visibleTo(roles).includes(visibility);
}

/**
 * The role a message is posted in (shown beside the author's name): a caseworker role for an
 * internal note, otherwise the first role that may post it, the applicant's own role first.
 */
export function postingRole(
  roles: readonly CaseRole[],
  visibility: MessageVisibility,
): Role | null {
  if (!canPost(roles, visibility)) return null;
  const order: readonly Role[] =
    visibility === 'internal' ? CASEWORKER_ROLES : [...APPLICATION_ROLES, ...CASEWORKER_ROLES];
  return order.find((r) => roles.includes(r)) ?? (isLeaderOnCase(roles) ? 'endorser' : null);
}

export const MAX_MESSAGE_LENGTH = 5000;

export const MESSAGE_ERRORS = ['messageRequired', 'messageTooLong', 'visibilityInvalid'] as const;
export type MessageError = (typeof MESSAGE_ERRORS)[number];

export const messageSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'messageRequired' })
    .max(MAX_MESSAGE_LENGTH, { error: 'messageTooLong' }),
  visibility: z.enum(MESSAGE_VISIBILITIES, { error: 'visibilityInvalid' }),
});
export type MessageInput = z.infer<typeof messageSchema>;

/** Checks a posted message: the message itself, or what is wrong with it (each error once). */
export function parseMessage(
  input: unknown,
): { ok: true; message: MessageInput } | { ok: false; errors: MessageError[] } {
  const parsed = messageSchema.safeParse(input);
  if (parsed.success) return { ok: true, message: parsed.data };
  const errors = MESSAGE_ERRORS.filter((e) => parsed.error.issues.some((i) => i.message === e));
  return { ok: false, errors: errors.length > 0 ? errors : ['visibilityInvalid'] };
}

/**
 * The caseworkers told of a new message (notifications' recipient groups): none while the case is
 * a draft; after submission the people handling it (`HANDLING`): the department's leaders, the
 * leader the endorsement is delegated to, the leaders invited to collaborate on it (ADR 0024), the
 * medical directors and the case's committee (its assigned members, else the trust's assessors
 * once it has been under assessment, ADR 0009).
 */
export function caseworkerGroups(status: Status): readonly RecipientGroup[] {
  return status === 'draft' ? [] : HANDLING;
}

/** The people of a case who may be told about a new message, by how they take part. */
export interface DialogPeople {
  applicantId: string;
  coAuthorIds: readonly string[];
  /** The caseworkers in `caseworkerGroups`. */
  caseworkerIds: readonly string[];
}

/**
 * Who is told about a new message: every participant who may read it, except its author. An
 * internal note never reaches the applicant or co-authors.
 */
export function messageRecipients(
  people: DialogPeople,
  visibility: MessageVisibility,
  authorId: string,
): string[] {
  const readers =
    visibility === 'internal'
      ? [...people.caseworkerIds]
      : [people.applicantId, ...people.coAuthorIds, ...people.caseworkerIds];
  const writers = new Set(
    visibility === 'internal' ? [people.applicantId, ...people.coAuthorIds] : [],
  );
  return [...new Set(readers)].filter((id) => id !== authorId && !writers.has(id));
}
