import type { Bundle } from 'fhir/r4';
import { eq } from 'drizzle-orm';
import { inTenant, type Db } from '../../db/database.server';
import { cases, trusts, users } from '../../db/schema';
import type { Actor } from '../auth/domain/roles';
import { getCaseIn } from '../cases/cases.server';
import { drugAnswer } from '../cases/domain/questionnaire';
import { retrospectiveNoteIn } from '../retrospective/retrospective.server';
import { caseBundle, diagnosesOf } from './domain/fhir';

/**
 * One case as a FHIR R4 Bundle, for exactly the people who may export its JSON: the same
 * `getCaseIn` access rule (another trust's case is `notFound`), and the read is written to the
 * access log with the export purpose (action `fhirExport`) in the same transaction.
 */
export async function exportCaseFhir(
  db: Db,
  actor: Actor,
  caseId: string,
  now: Date = new Date(),
): Promise<{ caseNumber: string | null; bundle: Bundle }> {
  return inTenant(db, actor, async (tx) => {
    const view = await getCaseIn(tx, actor, caseId, 'fhirExport');
    // What the case view leaves out: the last change, the trust's and the applicant's identifiers.
    const [row] = await tx
      .select({
        updatedAt: cases.updatedAt,
        trustId: trusts.id,
        trustName: trusts.name,
        orgnr: trusts.orgnr,
        applicantId: users.id,
        hprNumber: users.hprNumber,
      })
      .from(cases)
      .innerJoin(trusts, eq(trusts.id, cases.trustId))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(eq(cases.id, view.id));
    if (!row) throw new Error('A visible case that cannot be read');
    // Registered after the fact: its applicant row is whoever registered it, not who applied.
    const registered = await retrospectiveNoteIn(tx, view);
    const drug = drugAnswer(view.answers);
    const registeredAtc = drug?.atc ? { code: drug.atc, name: drug.substance ?? null } : null;
    // The ATC code as sent (ADR 0027), while the drug answer is still the product that was sent
    // (a returned case may name another by now); else today's FEST, else as registered.
    const sent = view.festSnapshot?.facts;
    const facts = sent && drug?.id === sent.id ? sent : view.drugFacts;
    const bundle = caseBundle(
      {
        id: view.id,
        caseNumber: view.caseNumber,
        status: view.status,
        answers: view.answers,
        createdAt: view.createdAt,
        updatedAt: row.updatedAt,
        submittedAt: view.submittedAt,
        // The trusts table has no RESH id yet; the Organization carries it once it does.
        trust: { id: row.trustId, name: row.trustName, orgnr: row.orgnr, resh: null },
        origin: registered
          ? { kind: 'registered', ...registered }
          : {
              kind: 'application',
              applicant: {
                id: row.applicantId,
                name: view.applicantName,
                hprNumber: row.hprNumber,
              },
            },
        decision: view.decision,
        atc: facts?.atc ?? registeredAtc,
        diagnoses: diagnosesOf(view.answers, view.diagnoses),
      },
      now,
    );
    return { caseNumber: view.caseNumber, bundle };
  });
}
