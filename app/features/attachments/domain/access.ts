import type { Role } from '../../auth/domain/roles';
import { EDITABLE_STATUSES, type Status } from '../../cases/domain/workflow';

/** Who may add and remove attachments: those who write the application (co-authors when added). */
const EDITOR_ROLES: readonly Role[] = ['applicant', 'coAuthor'];

/**
 * The role in which the actor may add and remove attachments, given their roles *for this case*
 * (caseRoles) and its status, or null: only the application's writers, only while it is editable.
 */
export function attachmentEditorRole(roles: readonly Role[], status: Status): Role | null {
  if (!EDITABLE_STATUSES.includes(status)) return null;
  return roles.find((role) => EDITOR_ROLES.includes(role)) ?? null;
}
