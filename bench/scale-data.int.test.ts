import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../app/db/database.server';
import { rowsOf } from '../app/db/rows';
import { openTestDatabase, TEST_DATABASES } from '../app/test/databases';
import { SCHEMES, type Scheme } from '../app/features/cases/domain/application';
import {
  inapplicableAnswers,
  validateForSubmission,
  type Answers,
} from '../app/features/cases/domain/questionnaire';
import { msg } from '../app/i18n';
import { illegalStep, type TrailRow } from '../app/test/replay';
import { loadScaleData, plan, SCALE, type ScaleCounts } from './scale-data';

const OPTIONS = { cases: 600, seed: 42, now: new Date('2026-12-01T12:00:00Z') };

/** What the loaded cases are, without their random ids: the same seed must give the same. */
async function fingerprint(database: Database) {
  return rowsOf(
    await database.db.execute(sql`select c.case_number, c.status, c.version, s.scheme,
        s.drug_label, s.primary_diagnosis, s.outcome, s.processing_seconds::int as processing,
        (select count(*)::int from case_events e where e.case_id = c.id) as events,
        (select count(*)::int from case_messages m where m.case_id = c.id) as messages
      from cases c left join case_summaries s on s.case_id = c.id
      where c.case_number is not null order by c.case_number`),
    z.object({
      case_number: z.string(),
      status: z.string(),
      version: z.number(),
      scheme: z.string().nullable(),
      drug_label: z.string().nullable(),
      primary_diagnosis: z.string().nullable(),
      outcome: z.string().nullable(),
      processing: z.number().nullable(),
      events: z.number(),
      messages: z.number(),
    }),
  );
}

describe.each(TEST_DATABASES)('generated national-scale data (%s)', (kind) => {
  let database: Database;
  let counts: ScaleCounts;
  beforeAll(async () => {
    database = await openTestDatabase(kind, false);
    // The loader checks a sample of summaries against refresh_case_summary() itself and throws.
    counts = await loadScaleData(database.db, OPTIONS);
  });
  afterAll(() => database.close());

  it('writes every case with its audit trail, decisions, dialog and attachments', () => {
    expect(counts.cases).toBe(OPTIONS.cases);
    expect(counts.events).toBeGreaterThan(4 * OPTIONS.cases);
    expect(counts.decisions).toBeGreaterThan(0.8 * OPTIONS.cases);
    expect(counts.outcomes).toBeGreaterThan(0);
    expect(counts.messages).toBeGreaterThan(0);
    expect(counts.attachments).toBeGreaterThan(0);
    const perTrust =
      SCALE.departmentsPerTrust * (SCALE.applicantsPerDepartment + 1) +
      SCALE.decisionMakersPerTrust +
      SCALE.assessorsPerTrust +
      1;
    expect(counts.users).toBeGreaterThanOrEqual(SCALE.trusts * perTrust);
  });

  it('numbers each trust and year gap-free from 1, and every submitted case has its summary', async () => {
    const gaps = rowsOf(
      await database.db.execute(sql`select trust_id, split_part(case_number, '-', 2) as year,
          count(*)::int as n, max(split_part(case_number, '-', 3)::int) as last
        from cases where case_number is not null group by 1, 2`),
      z.object({ n: z.number(), last: z.number() }),
    );
    expect(gaps.length).toBeGreaterThan(SCALE.trusts);
    for (const g of gaps) expect(g.last).toBe(g.n);
    const [missing] = rowsOf(
      await database.db.execute(sql`select count(*)::int as n from cases c
        where c.case_number is not null
          and not exists (select 1 from case_summaries s where s.case_id = c.id)`),
      z.object({ n: z.number() }),
    );
    expect(missing?.n).toBe(0);
  });

  it('gives each case the version its audit trail implies, and the counters their last number', async () => {
    const [wrong] = rowsOf(
      await database.db.execute(sql`select count(*)::int as n from cases c
        where c.version <> (select count(*) from case_events e where e.case_id = c.id)`),
      z.object({ n: z.number() }),
    );
    expect(wrong?.n).toBe(0);
    const [behind] = rowsOf(
      await database.db.execute(sql`select count(*)::int as n from case_number_counters k
        where k.last_value <> (select max(split_part(c.case_number, '-', 3)::int) from cases c
          where c.trust_id = k.trust_id and split_part(c.case_number, '-', 2)::int = k.year)`),
      z.object({ n: z.number() }),
    );
    expect(behind?.n).toBe(0);
  });

  it('takes every decided case through the committee’s recommendation, then the director', async () => {
    const [flow] = rowsOf(
      await database.db.execute(sql`select
          count(*)::int as decided,
          (count(*) filter (where exists (select 1 from case_events e
            where e.case_id = c.id and e.event = 'recommend' and e.to_status = 'recommended')
            and exists (select 1 from case_recommendations r where r.case_id = c.id)))::int
            as through,
          (count(*) filter (where s.stage_seconds ? 'recommended'))::int as clocked
        from cases c join case_summaries s on s.case_id = c.id
        where c.status in ('decided', 'followUp', 'closed')`),
      z.object({ decided: z.number(), through: z.number(), clocked: z.number() }),
    );
    expect(flow?.decided).toBeGreaterThan(0);
    expect(flow?.through).toBe(flow?.decided);
    expect(flow?.clocked).toBe(flow?.decided);
  });

  it('has Tilgangsordningen decided by the interregional committee and every other scheme by the trust', async () => {
    const rows = rowsOf(
      await database.db.execute(sql`select s.scheme = 'tilgangsordningen' as committee,
          count(*)::int as decided,
          (count(*) filter (where exists (select 1 from case_events e where e.case_id = c.id
            and e.event = 'forwardToInterregional' and e.from_status = 'recommended'
            and e.to_status = 'atInterregionalCommittee' and e.actor_role = 'decisionMaker')))::int
            as forwarded,
          (count(*) filter (where exists (select 1 from case_events e where e.case_id = c.id
            and e.event = 'decide' and e.actor_role = 'decisionMaker'
            and e.from_status = case when s.scheme = 'tilgangsordningen'
              then 'atInterregionalCommittee' else 'recommended' end)))::int as decided_there,
          (count(*) filter (where d.interregional_committee
            and d.text like ${`${msg.decisionModule.text.interregionalCommittee}%`}))::int
            as by_committee,
          (count(*) filter (where s.stage_seconds ? 'atInterregionalCommittee'))::int as clocked
        from cases c join case_summaries s on s.case_id = c.id
        join case_decisions d on d.case_id = c.id
        where c.status in ('decided', 'followUp', 'closed')
        group by 1 order by 1`),
      z.object({
        committee: z.boolean(),
        decided: z.number(),
        forwarded: z.number(),
        decided_there: z.number(),
        by_committee: z.number(),
        clocked: z.number(),
      }),
    );
    const [trust, committee] = rows;
    expect(trust).toMatchObject({ committee: false, forwarded: 0, by_committee: 0, clocked: 0 });
    expect(trust?.decided_there).toBe(trust?.decided);
    expect(committee?.committee).toBe(true);
    expect(committee?.decided).toBeGreaterThan(10);
    for (const n of [
      committee?.forwarded,
      committee?.decided_there,
      committee?.by_committee,
      committee?.clocked,
    ]) {
      expect(n).toBe(committee?.decided);
    }
  });

  it('answers every question of its scheme, and none of another scheme', async () => {
    const rows = rowsOf(
      await database.db.execute(sql`select answers - 'patientId' as answers from cases`),
      z.object({ answers: z.record(z.string(), z.unknown()) }),
    );
    expect(rows).toHaveLength(OPTIONS.cases);
    const wrong = rows.flatMap(({ answers: stored }) => {
      const answers = stored as Answers;
      // The loader writes no patient id in the clear and no group answers.
      const missing = validateForSubmission(answers).filter(
        (m) => m.section !== 'group' && m.question !== 'patientId' && m.question !== 'consent',
      );
      const extra = inapplicableAnswers(answers).filter((id) => id !== 'consent');
      return missing.length + extra.length > 0 ? [{ scheme: answers.scheme, missing, extra }] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every case an audit trail the workflow table allows, step by step', async () => {
    const events = rowsOf(
      await database.db.execute(sql`select e.case_id, c.answers->>'scheme' as scheme, e.event,
          e.from_status, e.to_status, e.actor_role
        from case_events e join cases c on c.id = e.case_id order by e.case_id, e.id`),
      z.object({
        case_id: z.string(),
        scheme: z.enum(SCHEMES),
        event: z.string(),
        from_status: z.string().nullable(),
        to_status: z.string(),
        actor_role: z.string(),
      }),
    );
    const trails = new Map<string, { scheme: Scheme; trail: TrailRow[] }>();
    for (const e of events) {
      const entry = trails.get(e.case_id) ?? { scheme: e.scheme, trail: [] };
      entry.trail.push({
        event: e.event,
        from: e.from_status,
        to: e.to_status,
        role: e.actor_role,
      });
      trails.set(e.case_id, entry);
    }
    expect(trails.size).toBe(OPTIONS.cases);
    const illegal = [...trails.values()]
      .map(({ scheme, trail }) => illegalStep(scheme, trail))
      .filter((why) => why !== null);
    expect(illegal).toEqual([]);
  });

  it('is deterministic: the same seed gives the same cases', async () => {
    const again = await openTestDatabase(kind, false);
    try {
      await loadScaleData(again.db, OPTIONS);
      expect(await fingerprint(again)).toEqual(await fingerprint(database));
    } finally {
      await again.close();
    }
  });
});

describe('the plan of national-scale data', () => {
  it('leaves some Tilgangsordningen cases waiting at the interregional committee at `now`', () => {
    let waiting = 0;
    for (const rows of plan({ cases: 40_000, seed: 42, now: OPTIONS.now })) {
      for (const row of rows) {
        if (row.forwarded !== null) expect(row.scheme).toBe('tilgangsordningen');
        if (row.scheme === 'tilgangsordningen' && row.decided !== null) {
          expect(row.forwarded).not.toBeNull();
        }
        if (row.forwarded !== null && row.decided === null) waiting += 1;
      }
    }
    expect(waiting).toBeGreaterThan(0);
  });
});
