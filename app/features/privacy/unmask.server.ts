import { inTenant, type Db } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { loadVisibleCase, logAccess, statusOf } from '../cases/cases.server';
import { accessRole, seesPatientIdentity } from '../cases/domain/access';
import { patientIdKind, type PatientIdKind } from '../cases/domain/application';
import { CaseError } from '../cases/domain/errors';

/**
 * Shows one case's full patient id on demand; every showing is on the access log (purpose unmask,
 * in the role the actor works the case in, `accessRole`). Only the treating trust sees it: a
 * consulted trust is refused (`patientIdentityHidden`) and nothing is logged (BRIEF §7).
 */
export async function revealPatientId(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{
  caseId: string;
  caseNumber: string | null;
  patientId: string;
  kind: PatientIdKind | null;
}> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    if (!seesPatientIdentity(roles)) throw new CaseError('patientIdentityHidden');
    const patientId = row.answers.patientId;
    const role = accessRole(roles, statusOf(row));
    if (typeof patientId !== 'string' || !role) throw new CaseError('notFound');
    await logAccess(tx, actor, role, row.id, 'revealPatientId', {
      purpose: 'unmask',
      objectId: 'patientId',
    });
    return {
      caseId: row.id,
      caseNumber: row.caseNumber,
      patientId,
      kind: patientIdKind(patientId),
    };
  });
}
