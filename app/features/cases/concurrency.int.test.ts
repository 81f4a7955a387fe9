import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { caseEndorsements, caseEvents, cases } from '../../db/schema';
import { CASE_ERROR_STATUS } from '../../lib/case-errors.server';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { endorseCase } from '../assessment/assessment.server';
import { createDraft, transition } from './cases.server';
import { CaseError } from './domain/errors';

const RATINGS = {
  'severity.level': '4',
  'severity.text': 'Livstruende uten behandling.',
  'benefit.level': '3',
  'benefit.text': 'God respons i fase II-studier.',
  'resourceUse.level': '2',
  'resourceUse.text': 'Moderat kostnad.',
};

const CONTENDERS = 100;

/** The workflow event that leads to each status the contenders aim at. */
const winnerEvent = (status: string | undefined) =>
  ({ endorsed: 'endorse', notEndorsed: 'notEndorse', returned: 'returnToApplicant' })[
    status ?? ''
  ] ?? 'withdraw';

/** Issue #6: conflicting transitions fired at once on one case; the compare-and-set decides. */
describe.each(TEST_DATABASES)('100 concurrent conflicting transitions on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  });
  afterAll(() => database.close());

  it('lets exactly one win; every other gets a conflict (409) and leaves no trace', async () => {
    const db = database.db;
    const draft = await createDraft(db, hbe.applicant, completeAnswers);
    const submitted = await transition(db, hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const base = { caseId: draft.id, version: submitted.version };

    // Endorse, not endorse, return (the leader) and withdraw (the applicant), all at once.
    const attempts = Array.from({ length: CONTENDERS }, (_, i) => {
      switch (i % 4) {
        case 0:
          return endorseCase(db, hbe.endorser, {
            ...base,
            verdict: 'endorse',
            reason: `Forankret (${i}).`,
            ratings: RATINGS,
          });
        case 1:
          return endorseCase(db, hbe.endorser, {
            ...base,
            verdict: 'notEndorse',
            reason: `Ikke forankret (${i}).`,
            ratings: RATINGS,
          });
        case 2:
          return endorseCase(db, hbe.endorser, {
            ...base,
            verdict: 'returnToApplicant',
            reason: `Spørsmål (${i}).`,
            ratings: {},
          });
        default:
          return transition(db, hbe.applicant, {
            ...base,
            event: 'withdraw',
            reason: `Trukket (${i}).`,
          });
      }
    });
    const results = await Promise.allSettled(attempts);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(CONTENDERS - 1);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(CaseError);
      const code = (reason as CaseError).code;
      expect(code).toBe('conflict');
      expect(CASE_ERROR_STATUS[code]).toBe(409);
    }

    // Exactly one audit event after the submission, one version step, and the winner's status.
    const [row] = await db.select().from(cases).where(eq(cases.id, draft.id));
    expect(row?.version).toBe(submitted.version + 1);
    expect(['endorsed', 'notEndorsed', 'returned', 'withdrawn']).toContain(row?.status);
    const events = await db
      .select({ event: caseEvents.event })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, draft.id));
    expect(events.map((e) => e.event).sort()).toEqual(
      ['create', 'submit', winnerEvent(row?.status)].sort(),
    );
    // An endorsement record exists only when an endorse/not-endorse verdict won.
    const [endorsements] = await db
      .select({ n: count() })
      .from(caseEndorsements)
      .where(eq(caseEndorsements.caseId, draft.id));
    expect(endorsements?.n).toBe(
      row?.status === 'endorsed' || row?.status === 'notEndorsed' ? 1 : 0,
    );
  });
});
