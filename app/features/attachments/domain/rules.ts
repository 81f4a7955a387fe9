import type { CaseRole, Role } from '../../auth/domain/roles';
import { applicationEditorRole, writerRole } from '../../cases/domain/access';
import type { Status } from '../../cases/domain/workflow';

/**
 * What an attachment added now goes with: the application (while it may be edited) or the answer
 * to a request for more information (while the case awaits it). Each place that adds or removes
 * attachments names its scope: the edit page the application, the case page's answer form the
 * answer.
 */
export const ATTACHMENT_SCOPES = ['application', 'answer'] as const;
export type AttachmentScope = (typeof ATTACHMENT_SCOPES)[number];

/** The status in which the applicant answers a request for information (`provideInformation`). */
const ANSWER_STATUS: Status = 'awaitingInformation';

/**
 * Who may add attachments now, in which role, and to what: the application's writers (its
 * applicant and co-authors) to the application while it is a draft or returned, and to their
 * answer while the case awaits information. Co-authors too: they may write the application
 * otherwise, and the documents asked for are often theirs, though only the applicant sends the
 * answer (the workflow's `provideInformation`). Null: nobody else, and in no other status.
 */
export function attachmentWriter(
  roles: readonly CaseRole[],
  status: Status,
): { role: Role; scope: AttachmentScope } | null {
  const editor = applicationEditorRole(roles, status);
  if (editor) return { role: editor, scope: 'application' };
  const writer = status === ANSWER_STATUS ? writerRole(roles) : null;
  return writer ? { role: writer, scope: 'answer' } : null;
}

/**
 * The wait for information an attachment was added during, as the database finds it from the
 * case's audit trail and the attachment's time (attachments.server.ts `waitOf`): the event that
 * ended the wait and when, or null for both while the case still waits.
 */
export interface AttachmentWait {
  endedBy: string | null;
  endedAt: Date | null;
}

/**
 * What an attachment came with: the application; the answer the case awaits now (not sent yet);
 * the answer sent at `answeredAt`; or an answer never sent (the application was withdrawn
 * while it was awaited).
 */
export type AttachmentOrigin =
  | { kind: 'application' }
  | { kind: 'pendingAnswer' }
  | { kind: 'answer'; answeredAt: Date }
  | { kind: 'unsentAnswer' };

/** An attachment's origin from the wait it was added during (null: none, the application). */
export function attachmentOrigin(wait: AttachmentWait | null): AttachmentOrigin {
  if (!wait) return { kind: 'application' };
  if (wait.endedBy === null) return { kind: 'pendingAnswer' };
  if (wait.endedBy === 'provideInformation' && wait.endedAt) {
    return { kind: 'answer', answeredAt: wait.endedAt };
  }
  return { kind: 'unsentAnswer' };
}

/**
 * Whether someone who may add to `scope` now may remove an attachment of `origin`: from the
 * application, those that came with it (an answer's attachments were sent, like its text, and
 * stay); from the answer, only those added since the request, before the answer is sent.
 */
export function mayRemove(scope: AttachmentScope, origin: AttachmentOrigin): boolean {
  return scope === 'application' ? origin.kind === 'application' : origin.kind === 'pendingAnswer';
}
