import { inTenant, type Db } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { loadVisibleCase, logAccess } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';

/** Shows one case's full patient id on demand; every showing is on the access log (purpose unmask). */
export async function revealPatientId(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ caseId: string; caseNumber: string | null; patientId: string }> {
  return inTenant(db, actor, async (tx) => {
    const { row, roles } = await loadVisibleCase(tx, actor, caseId);
    const patientId = row.answers.patientId;
    const [role] = roles;
    if (typeof patientId !== 'string' || !role) throw new CaseError('notFound');
    await logAccess(tx, actor, role, row.id, 'revealPatientId', {
      purpose: 'unmask',
      objectId: 'patientId',
    });
    return { caseId: row.id, caseNumber: row.caseNumber, patientId };
  });
}
