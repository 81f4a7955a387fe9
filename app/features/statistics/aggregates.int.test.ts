import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { demoActors } from '../../test/actors';
import { endorseWithRatings, prepareCase, type TrustActors } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { retrospectiveValues } from '../../test/retrospective';
import { transition } from '../cases/cases.server';
import { submitDecision } from '../decisions/decisions.server';
import { recordOutcome } from '../followup/followup.server';
import { registerRetrospective } from '../retrospective/retrospective.server';

/**
 * The statistics aggregates (ADR 0015) after real changes through the use cases: each equals the
 * same figures computed directly from `case_summaries`, and `rebuild_statistics()` gives the same
 * rows as the trigger kept.
 */

const GRAINS = sql`(values ('day'), ('month'), ('year')) as g(grain)`;
const PERIOD = sql`date_trunc(g.grain, s.submitted_at at time zone 'Europe/Oslo')::date`;

/** statistics_volumes as computed directly from the summaries. */
const directVolumes = sql`select g.grain, ${PERIOD}::text as period, s.trust_id,
    coalesce(s.scheme, '') as scheme, coalesce(s.patient_scope, '') as patient_scope,
    coalesce(left(s.atc_code, 5), '') as atc5, count(*)::int as submitted,
    count(s.outcome)::int as decided,
    (count(*) filter (where s.outcome = 'approved'))::int as approved,
    (count(*) filter (where s.outcome = 'approvedWithConditions'))::int as approved_with_conditions,
    (count(*) filter (where s.outcome = 'rejected'))::int as rejected,
    (count(*) filter (where s.continued))::int as continued,
    (count(*) filter (where not s.continued))::int as stopped,
    (count(*) filter (where s.status = 'notEndorsed'))::int as not_endorsed,
    (count(*) filter (where s.status = 'withdrawn'))::int as withdrawn
  from case_summaries s, ${GRAINS} group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`;

const storedVolumes = sql`select grain, period::text as period, trust_id, scheme, patient_scope,
    atc5, submitted, decided, approved, approved_with_conditions, rejected, continued, stopped,
    not_endorsed, withdrawn
  from statistics_volumes order by 1, 2, 3, 4, 5, 6`;

/** Each stage's seconds in tenths of a day (the histograms' bins), per summary. */
const STAGE_TENTHS = sql`lateral (select e.key, round((e.value #>> '{}')::numeric / 8640.0)::int
      from jsonb_each(s.stage_seconds) e
      where e.key in ('submitted', 'endorsed', 'underAssessment', 'recommended', 'inConsultation',
        'awaitingInformation', 'atInterregionalCommittee')
      union all select 'total', round(s.processing_seconds / 8640.0)::int
      where s.processing_seconds is not null
    ) as v(stage, tenths)`;

/** statistics_stage_histograms as computed directly: `{{tenths, n}, ...}` per stage. */
const directStages = sql`select grain, period, trust_id, stage,
    array_agg(array[tenths, n] order by tenths) as histogram
  from (select g.grain, ${PERIOD}::text as period, s.trust_id, v.stage, v.tenths,
      count(*)::int as n
    from case_summaries s, ${GRAINS}, ${STAGE_TENTHS} group by 1, 2, 3, 4, 5) b
  group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

const storedStages = sql`select grain, period::text as period, trust_id, stage, histogram
  from statistics_stage_histograms order by 1, 2, 3, 4`;

/** statistics_scheme_volumes as computed directly: the volumes without the ATC code. */
const directSchemeVolumes = sql`select g.grain, ${PERIOD}::text as period, s.trust_id,
    coalesce(s.scheme, '') as scheme, coalesce(s.patient_scope, '') as patient_scope,
    count(*)::int as submitted, count(s.outcome)::int as decided,
    (count(*) filter (where s.outcome = 'approved'))::int as approved,
    (count(*) filter (where s.outcome = 'approvedWithConditions'))::int as approved_with_conditions,
    (count(*) filter (where s.outcome = 'rejected'))::int as rejected,
    (count(*) filter (where s.continued))::int as continued,
    (count(*) filter (where not s.continued))::int as stopped,
    (count(*) filter (where s.status = 'notEndorsed'))::int as not_endorsed,
    (count(*) filter (where s.status = 'withdrawn'))::int as withdrawn
  from case_summaries s, ${GRAINS} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;

const storedSchemeVolumes = sql`select grain, period::text as period, trust_id, scheme,
    patient_scope, submitted, decided, approved, approved_with_conditions, rejected, continued,
    stopped, not_endorsed, withdrawn
  from statistics_scheme_volumes order by 1, 2, 3, 4, 5`;

/** statistics_atc_volumes as computed directly: submissions per ATC code, without the trust. */
const directAtcVolumes = sql`select g.grain, ${PERIOD}::text as period,
    coalesce(s.scheme, '') as scheme, coalesce(s.patient_scope, '') as patient_scope,
    coalesce(left(s.atc_code, 5), '') as atc5, count(*)::int as submitted
  from case_summaries s, ${GRAINS} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;

const storedAtcVolumes = sql`select grain, period::text as period, scheme, patient_scope, atc5,
    submitted
  from statistics_atc_volumes order by 1, 2, 3, 4, 5`;

/** statistics_submissions as computed directly: submissions without the trust or the ATC code. */
const directSubmissions = sql`select g.grain, ${PERIOD}::text as period,
    coalesce(s.scheme, '') as scheme, coalesce(s.patient_scope, '') as patient_scope,
    count(*)::int as submitted
  from case_summaries s, ${GRAINS} group by 1, 2, 3, 4 order by 1, 2, 3, 4`;

const storedSubmissions = sql`select grain, period::text as period, scheme, patient_scope, submitted
  from statistics_submissions order by 1, 2, 3, 4`;

/** statistics_scheme_stage_histograms as computed directly: per scheme and scope too. */
const directSchemeStages = sql`select grain, period, scheme, patient_scope, trust_id, stage,
    array_agg(array[tenths, n] order by tenths) as histogram
  from (select g.grain, ${PERIOD}::text as period, coalesce(s.scheme, '') as scheme,
      coalesce(s.patient_scope, '') as patient_scope, s.trust_id, v.stage, v.tenths,
      count(*)::int as n
    from case_summaries s, ${GRAINS}, ${STAGE_TENTHS} group by 1, 2, 3, 4, 5, 6, 7) b
  group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`;

const storedSchemeStages = sql`select grain, period::text as period, scheme, patient_scope,
    trust_id, stage, histogram
  from statistics_scheme_stage_histograms order by 1, 2, 3, 4, 5, 6`;

/** statistics_atc_stage_histograms as computed directly: per ATC code too, months and years. */
const directAtcStages = sql`select grain, atc5, period, scheme, patient_scope, trust_id, stage,
    array_agg(array[tenths, n] order by tenths) as histogram
  from (select g.grain, coalesce(left(s.atc_code, 5), '') as atc5, ${PERIOD}::text as period,
      coalesce(s.scheme, '') as scheme, coalesce(s.patient_scope, '') as patient_scope,
      s.trust_id, v.stage, v.tenths, count(*)::int as n
    from case_summaries s, (values ('month'), ('year')) as g(grain), ${STAGE_TENTHS}
    group by 1, 2, 3, 4, 5, 6, 7, 8) b
  group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`;

const storedAtcStages = sql`select grain, atc5, period::text as period, scheme, patient_scope,
    trust_id, stage, histogram
  from statistics_atc_stage_histograms order by 1, 2, 3, 4, 5, 6, 7`;

/** statistics_atc_group_stage_histograms as computed directly: per ATC group at every level. */
const directAtcGroupStages = sql`select grain, atc_group, period, trust_id, stage,
    array_agg(array[tenths, n] order by tenths) as histogram
  from (select g.grain, left(s.atc_code, l.n) as atc_group, ${PERIOD}::text as period,
      s.trust_id, v.stage, v.tenths, count(*)::int as n
    from case_summaries s, (values ('month'), ('year')) as g(grain),
      (values (1), (3), (4), (5)) as l(n), ${STAGE_TENTHS}
    where length(s.atc_code) >= l.n
    group by 1, 2, 3, 4, 5, 6) b
  group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`;

const storedAtcGroupStages = sql`select grain, atc_group, period::text as period, trust_id, stage,
    histogram
  from statistics_atc_group_stage_histograms order by 1, 2, 3, 4, 5`;

/**
 * The last two statements of migration 0052: the one-time count of the summaries that had ended
 * without a decision before the aggregates counted them.
 */
const MIGRATION_BACKFILL = (() => {
  const text = readFileSync(
    fileURLToPath(
      new URL('../../../drizzle/0052_register_department_ended_statistics.sql', import.meta.url),
    ),
    'utf8',
  );
  const statements = text.split('--> statement-breakpoint').slice(-2);
  if (
    !statements[0]?.includes('UPDATE statistics_volumes v SET not_endorsed') ||
    !statements[1]?.includes('UPDATE statistics_scheme_volumes v SET not_endorsed')
  )
    throw new Error('0052 has changed');
  return statements;
})();

/** Every aggregate table, stored and computed directly. */
const TABLES = [
  [storedVolumes, directVolumes],
  [storedSchemeVolumes, directSchemeVolumes],
  [storedAtcVolumes, directAtcVolumes],
  [storedSubmissions, directSubmissions],
  [storedStages, directStages],
  [storedSchemeStages, directSchemeStages],
  [storedAtcStages, directAtcStages],
  [storedAtcGroupStages, directAtcGroupStages],
] as const;

describe.each(TEST_DATABASES)('statistics aggregates on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;
  const rows = async (query: SQL) =>
    rowsOf(await database.db.execute(query), z.record(z.string(), z.unknown()));
  const expectConsistent = async () => {
    for (const [stored, direct] of TABLES) {
      const kept = await rows(stored);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept).toEqual(await rows(direct));
    }
  };
  const everyTable = () => Promise.all(TABLES.map(([stored]) => rows(stored)));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  }, 240_000);
  afterAll(() => database.close());

  it('follow submissions, decisions, revisions, outcomes and etterregistrering exactly', async () => {
    const db = database.db;
    const hst = await demoActors(db, 'HST');
    for (const state of ['submitted', 'endorsed', 'awaitingInformation', 'closed'] as const) {
      await prepareCase(db, hbe, state);
    }
    const assessed = await prepareCase(db, hst, 'underAssessment');
    const consulted = await prepareCase(db, hbe, 'inConsultation', hst.decisionMaker);
    // Two of them with an ATC code (as etterregistrering records the drug), so that the ATC tables
    // have groups: the others are free text, without one.
    for (const { caseId } of [assessed, consulted]) {
      await db.execute(sql`update cases set answers = jsonb_set(answers, '{drug}',
        '{"id": null, "label": "Rituximab", "atc": "L01FA01"}'::jsonb) where id = ${caseId}`);
      await db.execute(sql`select refresh_case_summary(${caseId})`);
    }
    await expectConsistent();

    // A decision revised from «approved with conditions» to «rejected».
    const decided = await prepareCase(db, hbe, 'decided');
    await submitDecision(db, hbe.decisionMaker, decided.caseId, {
      event: 'reviseDecision',
      version: decided.version,
      outcome: 'rejected',
      reasonPhrase: '',
      reason: 'Avslått etter ny vurdering.',
      conditionPhrases: [],
      conditions: '',
      evaluationDate: '',
      prescriptionNotePhrase: '',
      prescriptionNote: '',
      invoicingPhrase: '',
      invoicing: '',
      revisionReason: 'Ny informasjon om bivirkninger.',
    });
    // Follow-up outcomes: one continued, one stopped.
    for (const continuation of ['continued', 'stopped'] as const) {
      const followUp = await prepareCase(db, hst, 'followUp');
      await recordOutcome(db, hst.applicant, followUp.caseId, {
        version: followUp.version,
        effect: 'good',
        sideEffects: '',
        continuation,
        stopReason: continuation === 'stopped' ? 'Bivirkninger.' : '',
      });
    }
    // Etterregistrering: decided long ago, in another year and month.
    const retro = await registerRetrospective(
      db,
      hbe.decisionMaker,
      retrospectiveValues({ reference: 'STAT-1' }),
    );
    expect(retro.ok).toBe(true);
    await expectConsistent();
    const outcomes = await rows(
      sql`select sum(approved)::int as approved, sum(approved_with_conditions)::int as awc,
        sum(rejected)::int as rejected, sum(continued)::int as continued, sum(stopped)::int as stopped
        from statistics_volumes where grain = 'year'`,
    );
    expect(outcomes[0]?.rejected).toBeGreaterThanOrEqual(1);
    expect(outcomes[0]?.continued).toBeGreaterThanOrEqual(1);
    expect(outcomes[0]?.stopped).toBeGreaterThanOrEqual(1);

    // The set-based rebuild gives the very rows the trigger kept.
    const before = await everyTable();
    await db.execute(sql`select rebuild_statistics()`);
    expect(await everyTable()).toEqual(before);
  }, 300_000);

  it('count the cases that ended without a decision, as the migration counted those there were', async () => {
    const db = database.db;
    const hst = await demoActors(db, 'HST');
    // Not endorsed by the leader; withdrawn by the applicant before the leader and in assessment.
    const refused = await prepareCase(db, hbe, 'submitted');
    await endorseWithRatings(db, hbe.endorser, {
      caseId: refused.caseId,
      version: refused.version,
      reason: 'Ikke tilstrekkelig begrunnet.',
      verdict: 'notEndorse',
    });
    for (const [home, state] of [
      [hbe, 'submitted'],
      [hst, 'underAssessment'],
    ] as const) {
      const sent = await prepareCase(db, home, state);
      await transition(db, home.applicant, {
        caseId: sent.caseId,
        version: sent.version,
        event: 'withdraw',
        reason: 'Pasienten ønsket ikke behandlingen.',
      });
    }
    await expectConsistent();
    const ended = await rows(sql`select trust_id, sum(not_endorsed)::int as not_endorsed,
        sum(withdrawn)::int as withdrawn
      from statistics_scheme_volumes where grain = 'year' group by 1 order by 1`);
    const counted = ended.filter((r) => r.not_endorsed !== 0 || r.withdrawn !== 0);
    expect(counted).toHaveLength(2);
    expect(counted).toEqual(
      expect.arrayContaining([
        { trust_id: hbe.applicant.trustId, not_endorsed: 1, withdrawn: 1 },
        { trust_id: hst.applicant.trustId, not_endorsed: 0, withdrawn: 1 },
      ]),
    );

    // A summary whose status alone changes (into the two and out of them) moves its counts.
    const open = await prepareCase(db, hst, 'submitted');
    for (const status of ['notEndorsed', 'withdrawn', 'submitted']) {
      await db.execute(
        sql`update case_summaries set status = ${status} where case_id = ${open.caseId}`,
      );
      await expectConsistent();
    }

    // The migration's count of the summaries there were gives the rows the trigger keeps.
    const before = await everyTable();
    await db.execute(sql`update statistics_volumes set not_endorsed = 0, withdrawn = 0`);
    await db.execute(sql`update statistics_scheme_volumes set not_endorsed = 0, withdrawn = 0`);
    expect(await everyTable()).not.toEqual(before);
    for (const statement of MIGRATION_BACKFILL) await db.execute(sql.raw(statement));
    expect(await everyTable()).toEqual(before);
    await db.execute(sql`select rebuild_statistics()`);
    expect(await everyTable()).toEqual(before);
  }, 300_000);
});
