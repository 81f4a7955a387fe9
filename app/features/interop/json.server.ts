import { inTenant, type Db } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { getCaseIn } from '../cases/cases.server';
import type { Status } from '../cases/domain/workflow';
import {
  exportApplication,
  exportDrug,
  type ExportedDrug,
  type ExportedSection,
} from '../cases/ui/export';
import { retrospectiveNoteIn, type RetrospectiveNote } from '../retrospective/retrospective.server';

/** The JSON export of one case (docs/api.md, `GET /saker/:caseId/eksport`). */
export interface CaseJson {
  caseNumber: string | null;
  status: Status;
  trust: string;
  department: string;
  /** Null for a case registered after the fact: the portal does not know who applied. */
  applicant: string | null;
  /** Who registered it, when, and the trust's own reference; null for an application. */
  retrospective: RetrospectiveNote | null;
  submittedAt: Date | null;
  sections: ExportedSection[];
  drug: ExportedDrug | null;
}

/**
 * One case as JSON, section by section: the case and its registration read in one transaction,
 * with the same access rule as the case page and the read written to the access log with the
 * export purpose (action `export`), like `exportCaseFhir`.
 */
export async function exportCaseJson(db: Db, actor: Actor, caseId: string): Promise<CaseJson> {
  return inTenant(db, actor, async (tx) => {
    const view = await getCaseIn(tx, actor, caseId, 'export');
    const registered = await retrospectiveNoteIn(tx, view);
    return {
      caseNumber: view.caseNumber,
      status: view.status,
      trust: view.trustName,
      department: view.departmentName,
      applicant: registered ? null : view.applicantName,
      retrospective: registered,
      submittedAt: view.submittedAt,
      sections: exportApplication(view.answers),
      drug: exportDrug(view),
    };
  });
}
