import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.server';
import {
  caseDecisions,
  caseEvents,
  caseRecommendations,
  caseNumberCounters,
  caseOutcomes,
  cases,
  departments,
  trusts,
  users,
} from '../../db/schema';
import { formatCaseNumber, norwegianYear } from '../cases/domain/case-number';
import type { Answers } from '../cases/domain/questionnaire';
import type { GeneratedCase } from './domain/generate';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The committee's recommendation on a generated case: the outcome it was then decided with. */
const RECOMMENDATION = 'Vurdert etter prioriteringskriteriene.';
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/**
 * Writes generated decided cases (domain/generate.ts) as real cases with their audit trail,
 * decisions and follow-up outcomes, so every derived view (the national summaries through their
 * triggers, stage clocks, statistics) sees them as it sees real casework. Runs as the database
 * owner. Each trust gets a department «Historiske saker» and a user who stands as applicant,
 * committee (the recommendation) and decision maker of the generated cases. No patient id is stored: these are group-free summaries
 * of past decisions (like etterregistrering), not patient records.
 */
export async function insertGeneratedCases(
  db: Db,
  trustCodes: readonly string[],
  generated: readonly GeneratedCase[],
): Promise<number> {
  const trustRows = await db
    .select({ id: trusts.id, code: trusts.code, kind: trusts.kind })
    .from(trusts)
    .where(inArray(trusts.code, [...trustCodes]));
  const notHf = trustRows.find((t) => t.kind !== 'HF');
  if (notHf)
    throw new Error(`Cases belong to a helseforetak, not to ${notHf.code} (${notHf.kind})`);
  const byCode = new Map(trustRows.map((t) => [t.code, t.id]));
  const people = new Map<
    number,
    { trustId: string; code: string; departmentId: string; userId: string }
  >();
  for (const [index, code] of trustCodes.entries()) {
    const trustId = byCode.get(code);
    if (!trustId) throw new Error(`Unknown trust code: ${code}`);
    people.set(index, { trustId, code, ...(await historyActors(db, trustId, code)) });
  }

  let written = 0;
  for (let start = 0; start < generated.length; start += 200) {
    const batch = generated.slice(start, start + 200);
    await db.transaction(async (tx) => {
      for (const g of batch) {
        const who = people.get(g.trust);
        if (!who) throw new Error(`No trust at index ${g.trust}`);
        const year = norwegianYear(g.submittedAt);
        const [counter] = await tx
          .insert(caseNumberCounters)
          .values({ trustId: who.trustId, year, lastValue: 1 })
          .onConflictDoUpdate({
            target: [caseNumberCounters.trustId, caseNumberCounters.year],
            set: { lastValue: sql`${caseNumberCounters.lastValue} + 1` },
          })
          .returning({ lastValue: caseNumberCounters.lastValue });
        if (!counter) throw new Error('Case number counter missing');
        const endorsedAt = later(g.submittedAt, g.days.submitted);
        const assessedAt = later(endorsedAt, g.days.endorsed);
        const recommendedAt = later(assessedAt, g.days.underAssessment);
        const decidedAt = later(recommendedAt, g.days.recommended);
        const followUpAt = later(decidedAt, 180);
        const answers: Answers = {
          scheme: g.scheme,
          patientScope: g.patientScope,
          diagnoses: [g.diagnosis],
          drug: { id: null, label: g.drug.label, atc: g.drug.atc, substance: g.drug.substance },
        };
        const [row] = await tx
          .insert(cases)
          .values({
            trustId: who.trustId,
            departmentId: who.departmentId,
            applicantId: who.userId,
            caseNumber: formatCaseNumber(who.code, year, counter.lastValue),
            status: g.continued === null ? 'decided' : 'closed',
            // One per status change: submit, endorse, start, recommend, decide (+ follow-up, outcome).
            version: g.continued === null ? 6 : 8,
            answers,
            createdAt: later(g.submittedAt, -1),
            updatedAt: g.continued === null ? decidedAt : followUpAt,
            submittedAt: g.submittedAt,
          })
          .returning({ id: cases.id });
        if (!row) throw new Error('Case insert returned nothing');
        const event = (
          name: string,
          from: string | null,
          to: string,
          at: Date,
          role: string,
          reason: string | null = null,
        ) => ({
          caseId: row.id,
          trustId: who.trustId,
          event: name,
          fromStatus: from,
          toStatus: to,
          actorId: who.userId,
          actorRole: role,
          reason,
          createdAt: at,
        });
        await tx.insert(caseRecommendations).values({
          caseId: row.id,
          trustId: who.trustId,
          outcome: g.outcome,
          text: RECOMMENDATION,
          authorId: who.userId,
          authorRole: 'assessor',
          createdAt: recommendedAt,
        });
        await tx.insert(caseDecisions).values({
          caseId: row.id,
          trustId: who.trustId,
          version: 1,
          outcome: g.outcome,
          reason: 'Vurdert etter prioriteringskriteriene.',
          conditions: g.conditions,
          decidedBy: who.userId,
          decidedAt,
        });
        const events = [
          event('create', null, 'draft', later(g.submittedAt, -1), 'applicant'),
          event('submit', 'draft', 'submitted', g.submittedAt, 'applicant'),
          event('endorse', 'submitted', 'endorsed', endorsedAt, 'endorser', 'Forankret.'),
          event('startAssessment', 'endorsed', 'underAssessment', assessedAt, 'decisionMaker'),
          event(
            'recommend',
            'underAssessment',
            'recommended',
            recommendedAt,
            'assessor',
            RECOMMENDATION,
          ),
          event('decide', 'recommended', 'decided', decidedAt, 'decisionMaker', 'Vedtak.'),
        ];
        if (g.continued !== null) {
          await tx.insert(caseOutcomes).values({
            caseId: row.id,
            trustId: who.trustId,
            effect: g.continued ? 'God effekt.' : 'Manglende effekt.',
            continued: g.continued,
            stopReason: g.continued ? null : 'Manglende effekt.',
            recordedBy: who.userId,
            createdAt: followUpAt,
          });
          events.push(
            event('beginFollowUp', 'decided', 'followUp', followUpAt, 'decisionMaker'),
            event('recordOutcome', 'followUp', 'closed', followUpAt, 'applicant', 'Utfall.'),
          );
        }
        await tx.insert(caseEvents).values(events);
        written += 1;
      }
    });
  }
  return written;
}

/** The department and the user that stand for a trust's historical, generated cases. */
async function historyActors(db: Db, trustId: string, code: string) {
  const name = 'Historiske saker';
  await db.insert(departments).values({ trustId, name }).onConflictDoNothing();
  const [department] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.trustId, trustId), eq(departments.name, name)));
  const email = `historikk.${code.toLowerCase()}@demo.soknadsportal.no`;
  await db
    .insert(users)
    .values({ name: 'Historiske saker', title: 'Generert', email })
    .onConflictDoNothing({ target: users.email });
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!department || !user) throw new Error(`History actors missing for ${code}`);
  return { departmentId: department.id, userId: user.id };
}
