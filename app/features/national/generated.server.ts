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
import {
  GENERATED_DECISION_REASON,
  GENERATED_RECOMMENDATION,
  generatedMoments,
  generatedTrail,
  type GeneratedCase,
  type GeneratedStep,
} from './domain/generate';

/**
 * Writes generated cases (domain/generate.ts) as real cases with their audit trail
 * (`generatedTrail`: the workflow table's steps, the interregional committee's for
 * Tilgangsordningen), the committee's recommendation, decisions and follow-up outcomes, so every
 * derived view (the national summaries through their triggers, stage clocks, statistics) sees
 * them as it sees real casework. Runs as the database owner. Each trust gets a department
 * «Historiske saker» and a user who stands as applicant, committee (the recommendation) and
 * decision maker of the generated cases. No patient id is stored: these are group-free summaries
 * of past decisions (like etterregistrering), not patient records.
 *
 * Every case is decided unless `now` is given: a case then has only the steps up to `now` and
 * stays where they leave it (a Tilgangsordningen case may be waiting at the interregional
 * committee).
 */
export async function insertGeneratedCases(
  db: Db,
  trustCodes: readonly string[],
  generated: readonly GeneratedCase[],
  options: { now?: Date } = {},
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
  const until = options.now?.getTime() ?? Number.POSITIVE_INFINITY;

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
        const moments = generatedMoments(g);
        const at = (step: GeneratedStep) => new Date(moments[step.at]);
        // Submitted (and numbered) in any case; the rest as far as `now` allows.
        const steps = generatedTrail(g.scheme, g.continued !== null).filter(
          (step, i) => i < 2 || moments[step.at] <= until,
        );
        const last = steps.at(-1);
        if (!last) throw new Error('Empty generated trail');
        const reached = (event: GeneratedStep['event']) => steps.find((s) => s.event === event);
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
            status: last.to,
            // One per row of the trail (its first is the draft's creation).
            version: steps.length,
            answers,
            createdAt: new Date(moments.created),
            updatedAt: at(last),
            submittedAt: g.submittedAt,
          })
          .returning({ id: cases.id });
        if (!row) throw new Error('Case insert returned nothing');
        const recommend = reached('recommend');
        if (recommend) {
          await tx.insert(caseRecommendations).values({
            caseId: row.id,
            trustId: who.trustId,
            outcome: g.outcome,
            text: GENERATED_RECOMMENDATION,
            authorId: who.userId,
            authorRole: recommend.role,
            createdAt: at(recommend),
          });
        }
        const decide = reached('decide');
        if (decide) {
          await tx.insert(caseDecisions).values({
            caseId: row.id,
            trustId: who.trustId,
            version: 1,
            outcome: g.outcome,
            reason: GENERATED_DECISION_REASON,
            conditions: g.conditions,
            // Tilgangsordningen: the interregional committee's decision, as the director records
            // it from the committee's status.
            interregionalCommittee: decide.from === 'atInterregionalCommittee',
            decidedBy: who.userId,
            decidedAt: at(decide),
          });
        }
        const outcome = reached('recordOutcome');
        if (outcome && g.continued !== null) {
          await tx.insert(caseOutcomes).values({
            caseId: row.id,
            trustId: who.trustId,
            effect: g.continued ? 'God effekt.' : 'Manglende effekt.',
            continued: g.continued,
            stopReason: g.continued ? null : 'Manglende effekt.',
            recordedBy: who.userId,
            createdAt: at(outcome),
          });
        }
        await tx.insert(caseEvents).values(
          steps.map((step) => ({
            caseId: row.id,
            trustId: who.trustId,
            event: step.event,
            fromStatus: step.from,
            toStatus: step.to,
            actorId: who.userId,
            actorRole: step.role,
            reason: step.reason,
            createdAt: at(step),
          })),
        );
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
