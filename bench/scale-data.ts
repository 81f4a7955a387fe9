/**
 * Generated data at national scale for the benchmarks: 20 trusts with departments and users, and
 * any number of cases over ten years (1,000,000 for the PostgreSQL run), deterministic from a seed.
 *
 * The distributions come from the national history generator (national/domain/generate.ts: trust
 * sizes and practice, schemes, single/group, drugs with ATC codes, ICD-10 codes, outcomes, days per
 * stage); this file adds who applied (department, applicant, patient), urgency, dialog messages and
 * attachment metadata, and the cases still in progress at `now`. Every case follows the audit trail
 * of `generatedTrail` (the complete flow: the committee's recommendation, `recommended`, then the
 * director's decision); a Tilgangsordningen case is forwarded by the director to the interregional
 * committee (`atInterregionalCommittee`), whose decision the director records, and may be waiting
 * there at `now`.
 *
 * Loading is set-based: the plan (one row per case) goes into a staging table in JSON batches, and
 * each table is then filled by one INSERT … SELECT with triggers off (`session_replication_role =
 * replica`). The national summaries are written the same way, and a sample is checked against
 * `refresh_case_summary()`, the database's own definition, so the loader cannot drift from it.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../app/db/database.server';
import { rowsOf } from '../app/db/rows';
import { seed, seedFest } from '../app/db/seed.server';
import type { CaseRole } from '../app/features/auth/domain/roles';
import { norwegianYear } from '../app/features/cases/domain/case-number';
import { COMMITTEE_SCHEMES } from '../app/features/cases/domain/workflow';
import {
  decidedByCommittee,
  GENERATED_DECISION_REASON,
  GENERATED_DRUGS,
  GENERATED_RECOMMENDATION,
  generateCaseStream,
  generatedTrail,
  random,
} from '../app/features/national/domain/generate';
import { msg } from '../app/i18n';
import { sealAnswers } from '../app/features/privacy/patient-id-cipher.server';
import { COMMON_ANSWERS, SCHEME_ANSWERS } from '../app/test/actors';

/** Bumped whenever the loader writes different data, so a loaded bench database is not reused. */
export const LOADER_VERSION = 5;

export const SCALE = {
  trusts: 20,
  departmentsPerTrust: 8,
  applicantsPerDepartment: 25,
  decisionMakersPerTrust: 2,
  assessorsPerTrust: 3,
} as const;

const DEPARTMENTS = [
  'Medisinsk klinikk',
  'Kreftavdelingen',
  'Nevrologisk avdeling',
  'Barne- og ungdomsklinikken',
  'Revmatologisk avdeling',
  'Hudavdelingen',
  'Lungeavdelingen',
  'Nyreseksjonen',
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanRow {
  n: number;
  trust: number;
  dept: number;
  applicant: number;
  scheme: string;
  scope: string;
  drug: number;
  diagnosis: string;
  year: number;
  created: string;
  submitted: string | null;
  endorsed: string | null;
  assessed: string | null;
  recommended: string | null;
  /** Tilgangsordningen: forwarded to the interregional committee (null for every other scheme). */
  forwarded: string | null;
  decided: string | null;
  followup: string | null;
  closed: string | null;
  outcome: string;
  conditions: string | null;
  continued: boolean | null;
  urgent: boolean;
  messages: number;
  attachments: number;
  patient: number;
}

/** The plan of every case, in batches: who, what and when, relative to `now`. */
export function* plan(options: { cases: number; seed: number; now: Date }): Generator<PlanRow[]> {
  const from = new Date(options.now.getTime() - 10 * 365 * DAY_MS);
  const extra = random(options.seed + 1);
  const patients = patientCount(options.cases);
  const iso = (ms: number) => new Date(ms).toISOString();
  let batch: PlanRow[] = [];
  let n = 0;
  for (const g of generateCaseStream({
    seed: options.seed,
    count: options.cases,
    trusts: SCALE.trusts,
    from,
    to: options.now,
  })) {
    const now = options.now.getTime();
    const submitted = g.submittedAt.getTime();
    // Some recent applications are still drafts; everything else runs as far as `now` allows.
    const draft = now - submitted < 30 * DAY_MS && extra() < 0.3;
    const urgent = extra() < 0.05;
    const pace = urgent ? 0.3 : 1;
    const endorsed = submitted + Math.round(g.days.submitted * pace) * DAY_MS;
    const assessed = endorsed + Math.round(g.days.endorsed * pace) * DAY_MS;
    // The committee recommends, then the medical director decides (the complete flow), or, for
    // Tilgangsordningen, forwards the case to the interregional committee, which decides.
    const recommended = assessed + Math.round(g.days.underAssessment * pace) * DAY_MS;
    const committee = decidedByCommittee(g.scheme);
    const forwarded = recommended + Math.round(g.days.recommended * pace) * DAY_MS;
    const decided = forwarded + Math.round(g.days.atInterregionalCommittee * pace) * DAY_MS;
    const followup = decided + 180 * DAY_MS;
    const closed = followup + 14 * DAY_MS;
    const upTo = (at: number, before: boolean) => (!draft && before && at <= now ? iso(at) : null);
    const isDecided = decided <= now;
    batch.push({
      n,
      trust: g.trust,
      dept: Math.floor(extra() * SCALE.departmentsPerTrust),
      applicant: Math.floor(extra() * SCALE.applicantsPerDepartment),
      scheme: g.scheme,
      scope: g.patientScope,
      drug: GENERATED_DRUGS.findIndex((d) => d.atc === g.drug.atc),
      diagnosis: g.diagnosis,
      year: norwegianYear(g.submittedAt),
      created: iso(submitted - DAY_MS),
      submitted: draft ? null : iso(submitted),
      endorsed: upTo(endorsed, true),
      assessed: upTo(assessed, endorsed <= now),
      recommended: upTo(recommended, assessed <= now),
      forwarded: committee ? upTo(forwarded, recommended <= now) : null,
      decided: upTo(decided, (committee ? forwarded : recommended) <= now),
      followup: upTo(followup, isDecided && g.outcome !== 'rejected'),
      closed: upTo(closed, isDecided && g.continued !== null && followup <= now),
      outcome: g.outcome,
      conditions: g.conditions,
      continued: closed <= now ? g.continued : null,
      urgent,
      messages: Math.floor(extra() * extra() * 5),
      attachments: Math.floor(extra() * 3),
      patient: Math.floor(extra() * patients),
    });
    n += 1;
    if (batch.length === 5_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Patients apply more than once: one patient per five cases. */
const patientCount = (cases: number) => Math.max(100, Math.ceil(cases / 5));

/** A synthetic fødselsnummer with valid check digits (never a real person's: day + 40 is a D-number). */
function syntheticPatientId(rnd: () => number): string {
  for (;;) {
    const day = 41 + Math.floor(rnd() * 28);
    const month = 1 + Math.floor(rnd() * 12);
    const year = Math.floor(rnd() * 100);
    const individual = Math.floor(rnd() * 500);
    const d =
      `${day}${String(month).padStart(2, '0')}${String(year).padStart(2, '0')}${String(individual).padStart(3, '0')}`
        .split('')
        .map(Number);
    const check = (weights: number[], digits: number[]) => {
      const r = 11 - (weights.reduce((s, w, i) => s + w * (digits[i] ?? 0), 0) % 11);
      return r === 11 ? 0 : r;
    };
    const k1 = check([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
    if (k1 === 10) continue;
    const k2 = check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
    if (k2 === 10) continue;
    return [...d, k1, k2].join('');
  }
}

export interface ScaleCounts {
  cases: number;
  events: number;
  decisions: number;
  outcomes: number;
  messages: number;
  attachments: number;
  summaries: number;
  users: number;
}

/**
 * Loads the generated data into a migrated, empty database as its owner (a superuser: triggers are
 * switched off per transaction while loading). Returns the row counts.
 */
export async function loadScaleData(
  db: Db,
  options: { cases: number; seed: number; now: Date },
  log: (line: string) => void = () => {},
): Promise<ScaleCounts> {
  await seed(db);
  await seedFest(db);
  const step = async (name: string, fn: (tx: Tx) => Promise<unknown>) => {
    const start = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await fn(tx);
    });
    log(`  ${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };

  await step('people', (tx) => loadPeople(tx));
  await step('patients', async (tx) => {
    await tx.execute(sql`create unlogged table bench_patients (idx int primary key, sealed text)`);
    const rnd = random(options.seed + 2);
    const total = patientCount(options.cases);
    for (let start = 0; start < total; start += 10_000) {
      const rows = [];
      for (let i = start; i < Math.min(total, start + 10_000); i++) {
        const sealed = sealAnswers({ patientId: syntheticPatientId(rnd) }).patientId;
        rows.push({ idx: i, sealed });
      }
      await tx.execute(
        sql`insert into bench_patients select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(idx int, sealed text)`,
      );
    }
  });
  await step('plan', async (tx) => {
    await tx.execute(sql`create unlogged table bench_plan (
      n int primary key, case_id uuid not null default gen_random_uuid(), trust int, dept int,
      applicant int, scheme text, scope text, drug int, diagnosis text, year int,
      created timestamptz, submitted timestamptz, endorsed timestamptz, assessed timestamptz,
      recommended timestamptz, forwarded timestamptz, decided timestamptz, followup timestamptz,
      closed timestamptz, outcome text, conditions text, continued boolean, urgent boolean,
      messages int, attachments int, patient int)`);
    for (const rows of plan(options)) {
      await tx.execute(sql`insert into bench_plan (n, trust, dept, applicant, scheme, scope, drug,
          diagnosis, year, created, submitted, endorsed, assessed, recommended, forwarded, decided,
          followup, closed, outcome, conditions, continued, urgent, messages, attachments, patient)
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(n int, trust int,
          dept int, applicant int, scheme text, scope text, drug int, diagnosis text, year int,
          created timestamptz, submitted timestamptz, endorsed timestamptz, assessed timestamptz,
          recommended timestamptz, forwarded timestamptz, decided timestamptz,
          followup timestamptz, closed timestamptz, outcome text,
          conditions text, continued boolean, urgent boolean, messages int, attachments int, patient int)`);
    }
  });
  // Secondary indexes are dropped while loading and built once at the end (much faster).
  const indexes = await dropSecondaryIndexes(db);
  await step('cases', (tx) => loadCases(tx));
  await step('audit trail', (tx) => loadEvents(tx));
  await step('decisions and outcomes', (tx) => loadDecisions(tx));
  await step('messages and attachments', (tx) => loadDialog(tx));
  await step('national summaries', (tx) => loadSummaries(tx));
  // The statistics aggregates follow the summaries by trigger, which the load bypasses (ADR 0015).
  await step('statistics aggregates', (tx) => tx.execute(sql`select rebuild_statistics()`));
  await step(`indexes (${indexes.length})`, async (tx) => {
    for (const definition of indexes) await tx.execute(sql.raw(definition));
  });
  await step('clean up', async (tx) => {
    await tx.execute(sql`drop table bench_plan, bench_patients, bench_people`);
  });
  // Vacuum as well as analyze: a bulk load leaves the visibility map unset, so index-only scans
  // would visit the heap until autovacuum catches up. A database in service is vacuumed.
  const start = performance.now();
  await db.execute(sql`vacuum (analyze)`);
  log(`  vacuum and analyze: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  await checkSummaries(db);
  return counts(db);
}

const LOADED_TABLES = [
  'cases',
  'case_events',
  'case_recommendations',
  'case_decisions',
  'case_outcomes',
  'case_messages',
  'attachments',
  'case_summaries',
];

/** Drops the loaded tables' non-unique indexes; returns their definitions to build them again. */
async function dropSecondaryIndexes(db: Db): Promise<string[]> {
  const result = await db.execute(sql`select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
    where i.schemaname = 'public' and not x.indisunique
      and i.tablename in (${sql.join(
        LOADED_TABLES.map((t) => sql`${t}`),
        sql`, `,
      )})`);
  const rows = rowsOf(result, z.object({ indexname: z.string(), indexdef: z.string() }));
  for (const row of rows) await db.execute(sql.raw(`drop index "${row.indexname}"`));
  return rows.map((r) => r.indexdef);
}

/** 20 trusts (HF, by code), eight departments each, applicants, leaders and the director's office. */
async function loadPeople(tx: Tx) {
  await tx.execute(sql`create unlogged table bench_people (
    trust int, dept int, n int, role text, department_id uuid, trust_id uuid, code text,
    user_id uuid not null default gen_random_uuid())`);
  await tx.execute(sql`insert into departments (trust_id, name)
    select t.id, d.name from trusts t, unnest(${sql.raw(`array[${DEPARTMENTS.map((d) => `'${d}'`).join(',')}]`)}) as d(name)
    where t.id in (select id from trusts where kind = 'HF' order by code limit ${SCALE.trusts})
    on conflict do nothing`);
  const departmentNames = sql.raw(`array[${DEPARTMENTS.map((d) => `'${d}'`).join(',')}]::text[]`);
  // One row per person: applicants and a leader per department; decision makers, assessors and
  // an administrator per trust (department -1: the whole trust).
  await tx.execute(sql`with t as (
      select id, code, (row_number() over (order by code) - 1)::int as idx
      from trusts where kind = 'HF' order by code limit ${SCALE.trusts}),
    d as (
      select t.idx as trust, t.id as trust_id, t.code, x.i - 1 as dept, dep.id as department_id
      from t, generate_series(1, ${SCALE.departmentsPerTrust}) as x(i)
      join departments dep on dep.name = (${departmentNames})[x.i]
      where dep.trust_id = t.id)
    insert into bench_people (trust, dept, n, role, department_id, trust_id, code)
    select trust, dept, g - 1, 'applicant', department_id, trust_id, code
      from d, generate_series(1, ${SCALE.applicantsPerDepartment}) g
    union all select trust, dept, 0, 'endorser', department_id, trust_id, code from d
    union all select t.idx, -1, g - 1, 'decisionMaker', null, t.id, t.code
      from t, generate_series(1, ${SCALE.decisionMakersPerTrust}) g
    union all select t.idx, -1, g - 1, 'assessor', null, t.id, t.code
      from t, generate_series(1, ${SCALE.assessorsPerTrust}) g
    union all select t.idx, -1, 0, 'trustAdmin', null, t.id, t.code from t`);
  await tx.execute(sql`insert into users (id, name, title, email)
    select user_id,
      initcap(role) || ' ' || (n + 1) || ' ' || code,
      case role when 'applicant' then 'Overlege' when 'endorser' then 'Avdelingsleder'
        when 'decisionMaker' then 'Fagdirektør' when 'assessor' then 'Medlem, legemiddelkomiteen'
        else 'Systemforvalter' end,
      lower(role || '.' || (n + 1) || '.' || (dept + 1) || '.' || code) || '@bench.soknadsportal.no'
    from bench_people`);
  await tx.execute(sql`insert into role_assignments (user_id, trust_id, department_id, role)
    select user_id, trust_id, department_id, role from bench_people`);
  await tx.execute(sql`create index on bench_people (trust, dept, role, n)`);
}

async function loadCases(tx: Tx) {
  // A complete application: the common answers and its scheme's own (SCHEME_ANSWERS).
  const template = { ...COMMON_ANSWERS };
  delete template.patientId;
  await tx.execute(sql`insert into cases (id, trust_id, department_id, applicant_id, case_number,
      status, version, answers, created_at, updated_at, submitted_at, urgent)
    select p.case_id, a.trust_id, a.department_id, a.user_id,
      case when p.submitted is not null then a.code || '-' || p.year || '-' || lpad((row_number()
        over (partition by p.trust, p.year, p.submitted is null order by p.submitted, p.n))::text, 5, '0') end,
      case when p.closed is not null then 'closed' when p.followup is not null then 'followUp'
        when p.decided is not null then 'decided'
        when p.forwarded is not null then 'atInterregionalCommittee'
        when p.recommended is not null then 'recommended'
        when p.assessed is not null then 'underAssessment' when p.endorsed is not null then 'endorsed'
        when p.submitted is not null then 'submitted' else 'draft' end,
      1 + (p.submitted is not null)::int + (p.endorsed is not null)::int
        + (p.assessed is not null)::int + (p.recommended is not null)::int
        + (p.forwarded is not null)::int + (p.decided is not null)::int + (p.followup is not null)::int
        + (p.closed is not null)::int,
      ${JSON.stringify(template)}::jsonb || (${JSON.stringify(SCHEME_ANSWERS)}::jsonb -> p.scheme)
        || jsonb_build_object(
        'scheme', p.scheme, 'patientScope', p.scope, 'diagnoses', jsonb_build_array(p.diagnosis),
        'drug', (${JSON.stringify(GENERATED_DRUGS.map((d) => ({ id: null, ...d })))}::jsonb) -> p.drug)
        || case when p.scope = 'single' then jsonb_build_object('patientId', pt.sealed) else '{}' end,
      p.created,
      greatest(p.created, p.submitted, p.endorsed, p.assessed, p.recommended, p.forwarded,
        p.decided, p.followup, p.closed),
      p.submitted, p.urgent
    from bench_plan p
    join bench_people a on a.trust = p.trust and a.dept = p.dept and a.role = 'applicant' and a.n = p.applicant
    join bench_patients pt on pt.idx = p.patient`);
  await tx.execute(sql`insert into case_number_counters (trust_id, year, last_value)
    select trust_id, split_part(case_number, '-', 2)::int, max(split_part(case_number, '-', 3)::int)
    from cases where case_number is not null group by 1, 2
    on conflict (trust_id, year)
    do update set last_value = greatest(case_number_counters.last_value, excluded.last_value)`);
}

/** The people a case's trust and department give: its leader and one of the decision makers. */
const casePeople = sql`join cases c on c.id = p.case_id
  join bench_people l on l.trust = p.trust and l.dept = p.dept and l.role = 'endorser'
  join bench_people dm on dm.trust = p.trust and dm.dept = -1 and dm.role = 'decisionMaker'
    and dm.n = p.n % ${SCALE.decisionMakersPerTrust}`;

/** The committee member who gives a case's recommendation. */
const caseAssessor = sql`join bench_people asr on asr.trust = p.trust and asr.dept = -1
    and asr.role = 'assessor' and asr.n = p.n % ${SCALE.assessorsPerTrust}`;

/** A string as an SQL literal (the trail's texts are the code's own constants). */
const literal = (value: string | null) =>
  value === null ? 'null' : `'${value.replaceAll("'", "''")}'`;

/** Who fires a step of the trail, among the people `casePeople` and `caseAssessor` join. */
const ACTOR: Record<CaseRole, string | null> = {
  applicant: 'c.applicant_id',
  endorser: 'l.user_id',
  decisionMaker: 'dm.user_id',
  assessor: 'asr.user_id',
  coAuthor: null,
  nationalReader: null,
  trustAdmin: null,
  consultant: null,
  delegator: null,
  collaborator: null,
};

/**
 * The rows of the generated audit trail (national/domain/generate.ts `generatedTrail`), for the
 * trust's own decision and for the interregional committee's (`committee`), each step at its
 * plan column: a case has those of its flow that `now` has reached.
 */
function trailValues() {
  const rows = [false, true].flatMap((committee) =>
    generatedTrail(committee ? 'tilgangsordningen' : 'offLabel', true).map((step, k) => {
      const actor = ACTOR[step.role];
      if (!actor) throw new Error(`No generated actor for ${step.role}`);
      return `(${committee}, ${k + 1}, ${literal(step.event)}, ${literal(step.from)}, ${literal(
        step.to,
      )}, ${actor}, ${literal(step.role)}, ${literal(step.reason)}, p.${step.at})`;
    }),
  );
  return sql.raw(rows.join(',\n      '));
}

const committeeSchemes = sql.raw(COMMITTEE_SCHEMES.map(literal).join(', '));

async function loadEvents(tx: Tx) {
  await tx.execute(sql`insert into case_events (case_id, trust_id, event, from_status, to_status,
      actor_id, actor_role, reason, created_at)
    select c.id, c.trust_id, e.event, e.from_status, e.to_status, e.actor, e.role, e.reason, e.at
    from bench_plan p ${casePeople} ${caseAssessor},
    lateral (values
      ${trailValues()}
    ) as e(committee, k, event, from_status, to_status, actor, role, reason, at)
    where e.at is not null and e.committee = (p.scheme in (${committeeSchemes}))
    order by p.n, e.k`);
}

async function loadDecisions(tx: Tx) {
  await tx.execute(sql`insert into case_recommendations (case_id, trust_id, outcome, text,
      author_id, author_role, created_at)
    select c.id, c.trust_id, p.outcome, ${GENERATED_RECOMMENDATION}, asr.user_id, 'assessor',
      p.recommended
    from bench_plan p ${casePeople} ${caseAssessor}
    where p.recommended is not null`);
  await tx.execute(sql`insert into case_decisions (case_id, trust_id, version, outcome, reason,
      conditions, decided_by, created_at, evaluation_date, text, prescription_note, invoicing,
      interregional_committee)
    select c.id, c.trust_id, 1, p.outcome, ${GENERATED_DECISION_REASON}, p.conditions,
      dm.user_id, p.decided,
      case when p.outcome <> 'rejected' then ((p.decided + interval '180 days') at time zone 'Europe/Oslo')::date end,
      -- Tilgangsordningen: the interregional committee's decision says so (decisions/compose.ts).
      case when p.forwarded is not null
        then ${msg.decisionModule.text.interregionalCommittee} || E'\n\n' else '' end
      || 'Søknaden er vurdert etter prioriteringskriteriene. ' || case p.outcome
        when 'rejected' then 'Behandlingen innvilges ikke.' else 'Behandlingen innvilges.' end,
      case when p.outcome <> 'rejected' then 'Godkjent etter søknad ' || c.case_number || '.' end,
      case when p.outcome <> 'rejected' then 'Faktureres helseforetaket.' end,
      p.forwarded is not null
    from bench_plan p ${casePeople}
    where p.decided is not null`);
  await tx.execute(sql`insert into case_outcomes (case_id, trust_id, effect, side_effects, continued,
      stop_reason, recorded_by, created_at)
    select c.id, c.trust_id, case when p.continued then 'God effekt.' else 'Manglende effekt.' end,
      null, p.continued, case when p.continued then null else 'Manglende effekt.' end,
      c.applicant_id, p.closed
    from bench_plan p join cases c on c.id = p.case_id
    where p.closed is not null`);
}

const MESSAGES = [
  'Kan dere sende siste MR-beskrivelse?',
  'Vedlagt epikrise fra forrige innleggelse.',
  'Komiteen ber om oppdatert vurdering av alternativ behandling.',
  'Pasienten har hatt god effekt av forrige kur.',
  'Saken er drøftet i komiteen, vedtak kommer denne uken.',
] as const;

async function loadDialog(tx: Tx) {
  const bodies = sql.raw(`array[${MESSAGES.map((m) => `'${m}'`).join(',')}]::text[]`);
  await tx.execute(sql`insert into case_messages (trust_id, case_id, author_id, author_role,
      visibility, body, created_at)
    select c.trust_id, c.id,
      case when k % 2 = 1 then c.applicant_id else dm.user_id end,
      case when k % 2 = 1 then 'applicant' else 'decisionMaker' end,
      case when k % 3 = 0 then 'internal' else 'case' end,
      (${bodies})[1 + (p.n + k) % ${MESSAGES.length}],
      p.submitted + k * interval '1 day'
    from bench_plan p ${casePeople}, generate_series(1, p.messages) as k
    where p.submitted is not null`);
  await tx.execute(sql`insert into attachments (case_id, trust_id, file_name, mime_type, size,
      sha256, storage_key, uploaded_by, uploaded_at)
    select c.id, c.trust_id,
      (array['Epikrise.pdf', 'MR-beskrivelse.pdf', 'Studie.pdf'])[k], 'application/pdf',
      40000 + (p.n::bigint * 7919 + k * 104729) % 2000000,
      encode(sha256(convert_to(c.id::text || k, 'UTF8')), 'hex'),
      'bench/' || c.id || '/' || k, c.applicant_id, p.created + k * interval '1 hour'
    from bench_plan p join cases c on c.id = p.case_id, generate_series(1, p.attachments) as k`);
}

/**
 * The national summaries, set-based: the same columns refresh_case_summary() derives from the
 * case, its decision, outcome and audit trail (checkSummaries compares a sample with it).
 */
async function loadSummaries(tx: Tx) {
  await tx.execute(sql`insert into case_summaries (case_id, trust_id, case_number, status, scheme,
      patient_scope, drug_label, fest_product_id, substance, atc_code, diagnosis_codes,
      primary_diagnosis, retrospective, submitted_at, decided_at, outcome, conditions,
      evaluation_date, continued, stage_seconds, processing_seconds)
    select c.id, c.trust_id, c.case_number, c.status, c.answers->>'scheme',
      c.answers->>'patientScope', c.answers->'drug'->>'label', null,
      c.answers->'drug'->>'substance', c.answers->'drug'->>'atc', array[p.diagnosis], p.diagnosis,
      false, c.submitted_at, d.created_at, d.outcome, d.conditions, d.evaluation_date, o.continued,
      jsonb_strip_nulls(jsonb_build_object(
        'draft', extract(epoch from p.submitted - p.created)::bigint,
        'submitted', extract(epoch from p.endorsed - p.submitted)::bigint,
        'endorsed', extract(epoch from p.assessed - p.endorsed)::bigint,
        'underAssessment', extract(epoch from p.recommended - p.assessed)::bigint,
        'recommended', extract(epoch from coalesce(p.forwarded, p.decided) - p.recommended)::bigint,
        'atInterregionalCommittee', extract(epoch from p.decided - p.forwarded)::bigint,
        'decided', extract(epoch from p.followup - p.decided)::bigint,
        'followUp', extract(epoch from p.closed - p.followup)::bigint)),
      case when d.created_at is not null
        then greatest(0, extract(epoch from d.created_at - c.submitted_at))::bigint end
    from bench_plan p join cases c on c.id = p.case_id
    left join case_decisions d on d.case_id = c.id
    left join case_outcomes o on o.case_id = c.id
    where p.submitted is not null`);
}

/** A sample of summaries recomputed by the database's own refresh_case_summary() must not change. */
async function checkSummaries(db: Db) {
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table bench_expected on commit drop as
      select * from case_summaries order by case_number limit 500`);
    await tx.execute(sql`select refresh_case_summary(case_id) from bench_expected`);
    const result = await tx.execute(sql`select
      count(*) filter (where to_jsonb(e) - 'updated_at' is distinct from to_jsonb(s) - 'updated_at')::int as differ,
      count(*)::int as sample
      from bench_expected e join case_summaries s using (case_id)`);
    return rowsOf(result, z.object({ differ: z.number(), sample: z.number() }));
  });
  if (!row || row.differ > 0 || row.sample === 0) {
    throw new Error(
      `Generated summaries differ from refresh_case_summary(): ${JSON.stringify(row)}`,
    );
  }
}

async function counts(db: Db): Promise<ScaleCounts> {
  const result = await db.execute(sql`select
    (select count(*) from cases)::int as cases, (select count(*) from case_events)::int as events,
    (select count(*) from case_decisions)::int as decisions,
    (select count(*) from case_outcomes)::int as outcomes,
    (select count(*) from case_messages)::int as messages,
    (select count(*) from attachments)::int as attachments,
    (select count(*) from case_summaries)::int as summaries,
    (select count(*) from users)::int as users`);
  const count = z.number();
  const [row] = rowsOf(
    result,
    z.object({
      cases: count,
      events: count,
      decisions: count,
      outcomes: count,
      messages: count,
      attachments: count,
      summaries: count,
      users: count,
    }),
  );
  if (!row) throw new Error('No counts');
  return row;
}
