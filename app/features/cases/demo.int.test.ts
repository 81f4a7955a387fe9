import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { cases, caseEvents, trusts } from '../../db/schema';
import { seedFest } from '../../db/seed.server';
import { demoActors } from '../../test/actors';
import { TEST_DATABASES, openTestDatabase } from '../../test/databases';
import { listConsultationsToUs } from '../consultations/consultations.server';
import { listMyCases } from './cases.server';
import { seedDemoCases } from './demo.server';

describe.each(TEST_DATABASES)('the demo trusts’ own cases on %s', (kind) => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedFest(database.db);
  }, 120_000);
  afterAll(async () => {
    await database.close();
  });

  it('writes one case in each stage in each demo trust, through the workflow', async () => {
    expect(await seedDemoCases(db())).toBe(33);

    const rows = await db()
      .select({ trust: trusts.code, status: cases.status, caseNumber: cases.caseNumber })
      .from(cases)
      .innerJoin(trusts, eq(trusts.id, cases.trustId))
      .orderBy(asc(trusts.code), asc(cases.caseNumber));
    for (const code of ['HBE', 'HST', 'OUS']) {
      const own = rows.filter((r) => r.trust === code);
      expect(own.map((r) => r.status).sort()).toEqual(
        [
          'awaitingInformation',
          'decided',
          'decided',
          'draft',
          'endorsed',
          'inConsultation',
          'atInterregionalCommittee',
          'recommended',
          'returned',
          'submitted',
          'underAssessment',
        ].sort(),
      );
      // Given at submission, gap-free from the first of the year: the draft has none.
      const year = new Date().getFullYear();
      const numbers = own.flatMap((r) => (r.caseNumber ? [r.caseNumber] : []));
      expect(numbers.sort()).toEqual(
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `${code}-${year}-${String(n).padStart(5, '0')}`),
      );
    }
    // Every step went through the workflow and its audit record: each case is where its trail ends.
    const statuses = new Map(
      (await db().select({ id: cases.id, status: cases.status }).from(cases)).map((c) => [
        c.id,
        c.status,
      ]),
    );
    const trailEnds = new Map<string, string>();
    const trail = await db()
      .select({ caseId: caseEvents.caseId, to: caseEvents.toStatus })
      .from(caseEvents)
      .orderBy(asc(caseEvents.id));
    for (const step of trail) if (step.to) trailEnds.set(step.caseId, step.to);
    expect(trailEnds).toEqual(statuses);
  });

  it('leaves each demo user of a trust something waiting for them', async () => {
    const hbe = await demoActors(db(), 'HBE');
    const waiting = async (who: keyof typeof hbe) =>
      (await listMyCases(db(), hbe[who])).waiting.items.map((c) => c.status).sort();
    expect(await waiting('applicant')).toEqual(['awaitingInformation', 'draft', 'returned']);
    expect(await waiting('coAuthor')).toEqual(['draft']);
    expect(await waiting('endorser')).toEqual(['submitted']);
    expect(await waiting('decisionMaker')).toEqual(
      expect.arrayContaining(['endorsed', 'recommended']),
    );
    expect(await waiting('assessor')).toEqual(expect.arrayContaining(['underAssessment']));
    const finished = (await listMyCases(db(), hbe.applicant)).finished.items;
    expect(finished.map((c) => c.status)).toEqual(['decided', 'decided']);
    // Oslo universitetssykehus (the last demo trust) consults Helse Bergen (the first).
    const toUs = await listConsultationsToUs(db(), hbe.decisionMaker);
    expect(toUs.map((c) => c.askingTrustName)).toEqual(['Oslo universitetssykehus HF']);
  });

  it('writes nothing a second time, nor once a demo trust has a case of its own', async () => {
    const before = await db().$count(cases);
    expect(await seedDemoCases(db())).toBe(0);
    expect(await db().$count(cases)).toBe(before);
  });
});
