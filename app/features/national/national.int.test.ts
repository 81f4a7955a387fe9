import { parse } from 'csv-parse/sync';
import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { msg } from '../../i18n';
import { cases, departments } from '../../db/schema';
import { loader as registerLoader } from '../../routes/register';
import { loaderArgs } from '../../test/routes';
import type { Actor } from '../auth/domain/roles';
import { completeAnswers, demoActors, signIn, TEST_PATIENT_IDS } from '../../test/actors';
import {
  onOneConnection,
  preparedStatements,
  openTestDatabase,
  TEST_DATABASES,
} from '../../test/databases';
import { createDraft, inviteCoAuthor, loadVisibleCase, transition } from '../cases/cases.server';
import { seedNationalDemo } from './demo.server';
import {
  NATIONAL_SORTS,
  parseNationalQuery,
  SORT_DIRECTIONS,
  type Cursor,
  type NationalFilter,
} from './domain/overview';
import { REGISTER_TABS, type RegisterFilter, type RegisterTab } from './domain/register';
import { csvResponse, xlsxResponse } from './export.server';
import { generateCases } from './domain/generate';
import { insertGeneratedCases } from './generated.server';
import { badRequest, readNationalPage } from './http.server';
import { nationalPage, nationalRows, type NationalRow } from './overview.server';
import { registerPage, tabsFor, type RegisterResult, type RegisterRow } from './register.server';
import { endorseWithRatings } from '../../test/case-states';
import { retrospectiveValues } from '../../test/retrospective';
import { registerRetrospective } from '../retrospective/retrospective.server';
import { APPROVAL_TERMS } from '../../test/decisions';

/**
 * Every column of case_summaries, each reviewed as not personal (BRIEF §7). A new column fails
 * the catalogue test until it is reviewed and added here; the overview's whitelist is separate
 * (overview.server.ts NATIONAL_COLUMNS) and never includes a column not on this list.
 */
const REVIEWED_SUMMARY_COLUMNS = [
  'atc_code',
  'case_id',
  'case_number',
  'conditions',
  'continued',
  'decided_at',
  'diagnosis_codes',
  'evaluation_date',
  'fest_product_id',
  'outcome',
  'patient_scope',
  'primary_diagnosis',
  'processing_seconds',
  'retrospective',
  'scheme',
  'stage_seconds',
  'status',
  'submitted_at',
  'substance',
  'trust_id',
  'updated_at',
  'drug_label',
].sort();

/** Distinctive free text that must never leave the case. */
const SECRET_TEXT = 'Hemmelig-fritekst-Zeta-7731';
const PERSONAL_KEYS = [
  'patientId',
  'answers',
  'indication',
  'patient_id',
  'applicantId',
  'consent',
];

/** A register page that was not refused. */
const listed = (result: RegisterResult) => {
  if (!result.ok) throw new Error(`refused register query: ${JSON.stringify(result.errors)}`);
  return result;
};

const query = (q: string): NationalFilter => {
  const parsed = parseNationalQuery(new URLSearchParams(q).entries());
  if (!parsed.ok) throw new Error(`bad test query ${q}`);
  return parsed.value;
};

describe.each(TEST_DATABASES)('national overview and registers on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  let all: NationalRow[];
  const db = () => database.db;
  const everything = async (filter: NationalFilter, actor: Actor = hbe.nationalReader) => {
    const rows: NationalRow[] = [];
    for await (const row of nationalRows(db(), actor, filter, 10_000)) rows.push(row);
    return rows;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(db(), 'HBE');
    ous = await demoActors(db(), 'OUS');
    const generated = generateCases({
      seed: 11,
      count: 90,
      trusts: 3,
      from: new Date('2023-01-01T00:00:00Z'),
      to: new Date('2025-06-30T00:00:00Z'),
    });
    await insertGeneratedCases(db(), ['HFO', 'SIV', 'UNN'], generated);
    // Real cases with patient ids and distinctive free text, in two trusts.
    for (const [i, actors] of [hbe, ous, hbe].entries()) {
      const draft = await createDraft(db(), actors.applicant, {
        ...completeAnswers,
        patientId: TEST_PATIENT_IDS[i + 1],
        indication: `${SECRET_TEXT} ${TEST_PATIENT_IDS[i + 1]}`,
        severity: SECRET_TEXT,
      });
      const submitted = await transition(db(), actors.applicant, {
        caseId: draft.id,
        version: draft.version,
        event: 'submit',
      });
      if (i === 0) {
        const endorsed = await endorseWithRatings(db(), actors.endorser, {
          caseId: draft.id,
          version: submitted.version,
          reason: 'Godt begrunnet.',
        });
        await transition(db(), actors.decisionMaker, {
          caseId: draft.id,
          version: endorsed.version,
          event: 'decide',
          outcome: 'approved',
          reason: 'Faglig godt begrunnet.',
          ...APPROVAL_TERMS,
        });
      }
    }
    all = await everything(query(''));
  });
  afterAll(() => database.close());

  it('the catalogue columns of case_summaries are exactly the reviewed ones', async () => {
    const found = await db()
      .select({ name: sql<string>`column_name` })
      .from(sql`information_schema.columns`)
      .where(sql`table_name = 'case_summaries'`);
    const columns = found.map((r) => r.name).sort();
    expect(columns).toEqual(REVIEWED_SUMMARY_COLUMNS);
  });

  it('shows every trust’s cases to a reader of any trust', () => {
    expect(all).toHaveLength(93);
    expect(new Set(all.map((r) => r.trustCode))).toEqual(
      new Set(['HFO', 'SIV', 'UNN', 'HBE', 'OUS']),
    );
    const real = all.find((r) => r.trustCode === 'HBE' && r.outcome === 'approved');
    expect(real).toMatchObject({
      scheme: 'offLabel',
      patientScope: 'single',
      diagnosisCode: 'N04.2',
      diagnosisName: expect.stringMatching(/glomerulonefritt|nefrot/i) as unknown,
    });
  });

  it.each(NATIONAL_SORTS.flatMap((s) => SORT_DIRECTIONS.map((d) => [s, d] as const)))(
    'keyset pages by %s %s: every row once, in order, with ties',
    async (sort, direction) => {
      const filter = query(`sorter=${sort}&retning=${direction}`);
      const paged: NationalRow[] = [];
      let cursor = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof nationalPage>> = await nationalPage(
          db(),
          hbe.applicant,
          filter,
          cursor,
          7,
        );
        expect(page.rows.length).toBeLessThanOrEqual(7);
        paged.push(...page.rows);
        cursor = page.next;
        pages += 1;
      } while (cursor && pages < 100);
      const key = (r: NationalRow): number | string | null =>
        sort === 'innsendt'
          ? new Date(r.submittedAt).getTime()
          : sort === 'vedtatt'
            ? r.decidedAt && new Date(r.decidedAt).getTime()
            : sort === 'behandlingstid'
              ? r.processingSeconds
              : r.caseNumber;
      const expected = all.filter((r) => key(r) !== null);
      expect(paged.map((r) => r.caseNumber).sort()).toEqual(
        expected.map((r) => r.caseNumber).sort(),
      );
      expect(new Set(paged.map((r) => r.caseNumber)).size).toBe(paged.length);
      for (let i = 1; i < paged.length; i += 1) {
        const [a, b] = [key(paged[i - 1] as NationalRow), key(paged[i] as NationalRow)];
        if (a === null || b === null) throw new Error('null key in a sorted page');
        if (direction === 'stigende') expect(a <= b).toBe(true);
        else expect(a >= b).toBe(true);
      }
      if (sort === 'behandlingstid') {
        // Whole days: many cases share a processing time, so pages break inside ties.
        const values = paged.map((r) => r.processingSeconds);
        expect(new Set(values).size).toBeLessThan(values.length);
      }
    },
  );

  it.each([
    ['foretak=SIV', (r: NationalRow) => r.trustCode === 'SIV'],
    ['ordning=offLabel', (r: NationalRow) => r.scheme === 'offLabel'],
    ['omfang=group', (r: NationalRow) => r.patientScope === 'group'],
    ['utfall=rejected', (r: NationalRow) => r.outcome === 'rejected'],
    ['utfall=ingen', (r: NationalRow) => r.outcome === null],
    ['atc=L01', (r: NationalRow) => (r.atcCode ?? '').startsWith('L01')],
    ['atc=L01FA01', (r: NationalRow) => r.atcCode === 'L01FA01'],
    ['icd=C34', (r: NationalRow) => r.diagnosisCode === 'C34.9'],
    ['icd=n04.2', (r: NationalRow) => r.diagnosisCode === 'N04.2'],
    ['etterregistrert=nei', (r: NationalRow) => !r.retrospective],
    ['etterregistrert=ja', (r: NationalRow) => r.retrospective],
    [
      'fra=2024-01-01&til=2024-06-30',
      (r: NationalRow) =>
        new Date(r.submittedAt) >= new Date('2023-12-31T23:00:00Z') &&
        new Date(r.submittedAt) < new Date('2024-06-30T22:00:00Z'),
    ],
    ['sok=keytruda', (r: NationalRow) => (r.drugLabel ?? '').startsWith('Keytruda')],
    ['sok=pembro', (r: NationalRow) => r.substance === 'Pembrolizumab'],
    ['sok=l04', (r: NationalRow) => (r.atcCode ?? '').startsWith('L04')],
    ['sok=siv-', (r: NationalRow) => r.trustCode === 'SIV'],
    ['sok=50%', () => false],
  ])('filters %s', async (q, predicate) => {
    const rows = await everything(query(q));
    expect(rows.map((r) => r.caseNumber).sort()).toEqual(
      all
        .filter(predicate)
        .map((r) => r.caseNumber)
        .sort(),
    );
  });

  it('reads dates typed the Norwegian way as their ISO dates, shown and linked in ISO', async () => {
    const read = (q: string) =>
      readNationalPage(db(), hbe.nationalReader, new Request(`http://localhost/nasjonalt?${q}`));
    const [typed, iso] = await Promise.all([
      read('fra=1.1.2024&til=30.06.2024&sorter=vedtatt'),
      read('fra=2024-01-01&til=2024-06-30&sorter=vedtatt'),
    ]);
    expect(typed.parsed).toEqual(iso.parsed);
    expect(typed.page?.rows.length).toBeGreaterThan(0);
    expect(typed.page).toEqual(iso.page);
    expect([typed.values.fra, typed.values.til]).toEqual(['2024-01-01', '2024-06-30']);
    const refused = await read('fra=31.06.2024');
    expect(refused.parsed).toEqual({ ok: false, errors: { fra: 'date' } });
    expect(refused.values.fra).toBe('31.06.2024');
  });

  it('names its statement per text: every filter, sort and page on one connection, planned per run', async () => {
    // One connection: node-postgres refuses a name it has prepared with another text, so a name
    // that could stand for two texts fails here. Every filter alone and all of them at once, in
    // every sort and direction, first and second page, as on the main pool.
    await onOneConnection(database, async (one) => {
      const filters = [
        '',
        'foretak=SIV',
        'ordning=offLabel',
        'omfang=group',
        'utfall=rejected',
        'utfall=ingen',
        'atc=L01',
        'icd=C34',
        'etterregistrert=nei',
        'fra=2024-01-01',
        'til=2024-06-30',
        'sok=keytruda',
        'foretak=SIV&ordning=offLabel&omfang=single&utfall=approved&atc=L&icd=C&etterregistrert=nei&fra=2023-01-01&til=2025-12-31&sok=l',
      ];
      for (const q of filters) {
        for (const sort of NATIONAL_SORTS) {
          for (const direction of SORT_DIRECTIONS) {
            const filter = query(`${q}&sorter=${sort}&retning=${direction}`);
            const [first, expected] = await Promise.all([
              nationalPage(one.db, hbe.nationalReader, filter, null, 3),
              nationalPage(db(), hbe.nationalReader, filter, null, 3),
            ]);
            expect(first, `${q} ${sort} ${direction}`).toEqual(expected);
            if (first.next) {
              expect(await nationalPage(one.db, hbe.nationalReader, filter, first.next, 3)).toEqual(
                await nationalPage(db(), hbe.nationalReader, filter, first.next, 3),
              );
            }
          }
        }
      }
      const planning = await inTenant(
        one.db,
        hbe.nationalReader,
        (tx) => tx.execute(sql`select current_setting('plan_cache_mode') as mode`),
        { customPlans: true },
      );
      expect(rowsOf(planning, z.object({ mode: z.string() }))).toEqual([
        { mode: 'force_custom_plan' },
      ]);
      const otherwise = await inTenant(one.db, hbe.nationalReader, (tx) =>
        tx.execute(sql`select current_setting('plan_cache_mode') as mode`),
      );
      expect(rowsOf(otherwise, z.object({ mode: z.string() }))).toEqual([{ mode: 'auto' }]);
      const prepared = await preparedStatements(one, 'sp\\_national\\_%');
      if (one.kind === 'postgres') {
        // One name per text, and more than a few of each.
        expect(prepared?.names).toBe(prepared?.texts);
        expect(prepared?.names).toBeGreaterThan(100);
      }
    });
  });

  it('never gives out personal data: not in rows, CSV or XLSX; personal values find nothing', async () => {
    const leaks = (text: string) => {
      for (const id of TEST_PATIENT_IDS) expect(text).not.toContain(id);
      expect(text).not.toContain(SECRET_TEXT);
      expect(text).not.toContain(completeAnswers.indication as string);
    };
    leaks(JSON.stringify(all));
    const csvBytes = new Uint8Array(
      await csvResponse(db(), ous.nationalReader, query('')).arrayBuffer(),
    );
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes.slice(3));
    expect(csv.startsWith('Løpenummer;Helseforetak;')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(94);
    leaks(csv);
    const bytes = await xlsxResponse(db(), ous.nationalReader, query('')).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell.text));
    });
    expect(workbook.worksheets[0]?.rowCount).toBe(94);
    leaks(cells.join('\n'));

    for (const value of [...TEST_PATIENT_IDS, SECRET_TEXT, 'Hemmelig']) {
      expect(await everything(query(`sok=${encodeURIComponent(value)}`))).toEqual([]);
    }
    for (const key of PERSONAL_KEYS) {
      for (const q of [`${key}=${TEST_PATIENT_IDS[1]}`, `sorter=${key}`]) {
        const parsed = parseNationalQuery(new URLSearchParams(q).entries());
        expect(parsed.ok).toBe(false);
        if (parsed.ok) continue;
        const answer = badRequest(parsed.errors);
        expect(answer.status).toBe(400);
        const text = await answer.text();
        expect(text).toMatch(/^Ugyldig forespørsel: /);
      }
    }
  });

  describe('registers', () => {
    let caseIds: { draft: string; submitted: string; ousCase: string; coAuthored: string };

    beforeAll(async () => {
      const draft = await createDraft(db(), hbe.applicant, completeAnswers);
      const coAuthored = await createDraft(db(), hbe.applicant, completeAnswers);
      await inviteCoAuthor(db(), hbe.applicant, coAuthored.id, hbe.coAuthor.userId);
      const ousDraft = await createDraft(db(), ous.applicant, completeAnswers);
      await transition(db(), ous.applicant, {
        caseId: ousDraft.id,
        version: ousDraft.version,
        event: 'submit',
      });
      const [submitted] = listed(
        await registerPage(db(), hbe.applicant, { tab: 'mine', status: 'decided' }, null),
      ).rows;
      if (!submitted) throw new Error('no decided case of the HBE applicant');
      caseIds = {
        draft: draft.id,
        submitted: submitted.id,
        ousCase: ousDraft.id,
        coAuthored: coAuthored.id,
      };
    });

    const listAll = async (actor: Actor, tab: RegisterTab, filter: Partial<RegisterFilter> = {}) =>
      (await listRows(actor, { ...filter, tab })).map((r) => r.id);
    /** Every row of a register tab, two a page, through the keyset; never a patient id. */
    const listRows = async (actor: Actor, filter: RegisterFilter) => {
      const rows: RegisterRow[] = [];
      let cursor: Cursor | null = null;
      do {
        const page = listed(await registerPage(db(), actor, filter, cursor, 2));
        rows.push(...page.rows);
        const text = JSON.stringify(page.rows);
        for (const id of TEST_PATIENT_IDS) expect(text).not.toContain(id);
        cursor = page.next;
      } while (cursor);
      return rows;
    };

    it.each([
      'applicant',
      'coAuthor',
      'endorser',
      'decisionMaker',
      'assessor',
      'nationalReader',
    ] as const)('lists for the %s only cases the case page opens for them', async (role) => {
      const actor = hbe[role];
      const tabs = tabsFor(actor);
      for (const tab of REGISTER_TABS) {
        if (!tabs.includes(tab)) continue;
        const ids = await listAll(actor, tab);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          const seen = await inTenant(db(), actor, (tx) => loadVisibleCase(tx, actor, id));
          expect(seen.roles.length).toBeGreaterThan(0);
        }
        expect(ids).not.toContain(caseIds.ousCase);
      }
    });

    it('gives each role its tabs and the cases it should see', async () => {
      expect(tabsFor(hbe.applicant)).toEqual(['mine']);
      expect(tabsFor(hbe.endorser)).toEqual(['mine', 'avdeling']);
      expect(tabsFor(hbe.decisionMaker)).toEqual(['mine', 'foretak']);
      expect(tabsFor(hbe.nationalReader)).toEqual(['mine']);

      const mine = await listAll(hbe.applicant, 'mine');
      expect(mine).toEqual(
        expect.arrayContaining(Object.values(caseIds).filter((id) => id !== caseIds.ousCase)),
      );
      expect(await listAll(hbe.coAuthor, 'mine')).toEqual([caseIds.coAuthored]);
      const department = await listAll(hbe.endorser, 'avdeling');
      expect(department).toContain(caseIds.submitted);
      expect(department).not.toContain(caseIds.draft);
      const trust = await listAll(hbe.assessor, 'foretak');
      expect(trust).toContain(caseIds.submitted);
      expect(trust).not.toContain(caseIds.draft);
      expect(await listAll(hbe.nationalReader, 'mine')).toEqual([]);
      expect(await listAll(ous.decisionMaker, 'foretak')).toContain(caseIds.ousCase);
    });

    it('filters by status, period and text', async () => {
      const page = async (actor: Actor, filter: RegisterFilter) =>
        listed(await registerPage(db(), actor, filter, null));
      const drafts = await page(hbe.applicant, { tab: 'mine', status: 'draft' });
      expect(drafts.rows.every((r) => r.status === 'draft')).toBe(true);
      expect(drafts.rows.length).toBeGreaterThanOrEqual(2);
      const byDrug = await page(hbe.decisionMaker, { tab: 'foretak', freeText: 'ritux' });
      expect(byDrug.rows.length).toBeGreaterThan(0);
      const [first] = byDrug.rows;
      const byNumber = await page(hbe.decisionMaker, {
        tab: 'foretak',
        freeText: first?.caseNumber?.toLowerCase() ?? '',
      });
      expect(byNumber.rows.map((r) => r.id)).toEqual([first?.id]);
      const future = await page(hbe.decisionMaker, { tab: 'foretak', from: '2099-01-01' });
      expect(future.rows).toEqual([]);
    });

    it('names no applicant for a case registered after the fact (its registrar is not one)', async () => {
      const registered = await registerRetrospective(
        db(),
        hbe.decisionMaker,
        retrospectiveValues(),
      );
      if (!registered.ok) throw new Error(JSON.stringify(registered.errors));
      const rows = listed(
        await registerPage(
          db(),
          hbe.decisionMaker,
          { tab: 'foretak', freeText: registered.caseNumber.toLowerCase() },
          null,
        ),
      ).rows;
      expect(rows.map((r) => [r.caseNumber, r.applicantName])).toEqual([
        [registered.caseNumber, null],
      ]);
      const ordinary = listed(
        await registerPage(db(), hbe.decisionMaker, { tab: 'foretak', status: 'decided' }, null),
      ).rows;
      const retrospective = new Set(
        (await db().select({ id: cases.id }).from(cases).where(eq(cases.retrospective, true))).map(
          (c) => c.id,
        ),
      );
      expect(ordinary.filter((r) => !retrospective.has(r.id)).length).toBeGreaterThan(0);
      for (const r of ordinary) {
        expect(r.applicantName === null).toBe(retrospective.has(r.id));
      }
    });

    describe('by department', () => {
      /** The departments of a trust, read as the owner (past every policy). */
      const departmentsOf = (trustId: string) =>
        db()
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(eq(departments.trustId, trustId));
      let neurology: string;
      let moved: string[];

      beforeAll(async () => {
        const [found] = (await departmentsOf(hbe.applicant.trustId)).filter(
          (d) => d.name === 'Nevrologisk avdeling',
        );
        if (!found) throw new Error('HBE has no Nevrologisk avdeling');
        neurology = found.id;
        // Three applications sent from the neurology department (two pages of two), and a draft.
        moved = [];
        for (let i = 0; i < 4; i++) {
          const draft = await createDraft(db(), hbe.applicant, completeAnswers);
          if (i < 3) {
            await transition(db(), hbe.applicant, {
              caseId: draft.id,
              version: draft.version,
              event: 'submit',
            });
          }
          moved.push(draft.id);
        }
        await db().update(cases).set({ departmentId: neurology }).where(inArray(cases.id, moved));
      });

      it('lists a tab’s cases of one department, through every page, and no other', async () => {
        const trust = await listRows(hbe.decisionMaker, { tab: 'foretak' });
        const byDepartment = await Promise.all(
          (await departmentsOf(hbe.applicant.trustId)).map(async (d) => ({
            name: d.name,
            rows: await listRows(hbe.decisionMaker, { tab: 'foretak', department: d.id }),
          })),
        );
        for (const { name, rows } of byDepartment) {
          expect(rows.every((r) => r.departmentName === name)).toBe(true);
          // In the order of the whole tab: the department's rows of it, as they come there.
          expect(rows.map((r) => r.id)).toEqual(
            trust.filter((r) => r.departmentName === name).map((r) => r.id),
          );
        }
        // Every case of the tab is in its department's list.
        expect(byDepartment.flatMap((d) => d.rows.map((r) => r.id)).sort()).toEqual(
          trust.map((r) => r.id).sort(),
        );
        // The three sent from neurology (the draft is not the trust's to see).
        expect(
          byDepartment.find((d) => d.name === 'Nevrologisk avdeling')?.rows.map((r) => r.id),
        ).toEqual([moved[2], moved[1], moved[0]]);
        expect(byDepartment.find((d) => d.name === 'Kreftavdelingen')?.rows.length).toBeGreaterThan(
          0,
        );
      });

      it('narrows with the other filters and within the tab’s own rules', async () => {
        // The applicant's own, the draft included.
        expect(await listAll(hbe.applicant, 'mine', { department: neurology })).toEqual(
          [...moved].reverse(),
        );
        expect(
          await listAll(hbe.applicant, 'mine', { department: neurology, status: 'draft' }),
        ).toEqual([moved[3]]);
        expect(
          await listAll(hbe.decisionMaker, 'foretak', {
            department: neurology,
            from: '2099-01-01',
          }),
        ).toEqual([]);
        // The leader of Kreftavdelingen leads no case of neurology; her own department's she sees.
        expect(await listAll(hbe.endorser, 'avdeling', { department: neurology })).toEqual([]);
        const kreft = (await departmentsOf(hbe.applicant.trustId)).find(
          (d) => d.name === 'Kreftavdelingen',
        );
        expect(await listAll(hbe.endorser, 'avdeling', { department: kreft?.id ?? '' })).toEqual(
          await listAll(hbe.endorser, 'avdeling'),
        );
      });

      it('offers only the actor’s trust’s departments, and refuses another trust’s', async () => {
        const own = await departmentsOf(hbe.applicant.trustId);
        const others = await departmentsOf(ous.applicant.trustId);
        expect(others.length).toBeGreaterThan(0);
        const result = await registerPage(db(), hbe.decisionMaker, { tab: 'foretak' }, null);
        expect(result.departments).toEqual(
          [...own].sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id)),
        );
        // OUS has a Barne- og ungdomsklinikken too: HBE's is offered, OUS's never.
        for (const other of others) {
          expect(result.departments.map((d) => d.id)).not.toContain(other.id);
          const refused = await registerPage(
            db(),
            hbe.decisionMaker,
            { tab: 'foretak', department: other.id },
            null,
          );
          expect(refused).toEqual({
            ok: false,
            departments: result.departments,
            errors: { avdeling: 'department' },
          });
        }
        // And the other way: OUS's director cannot list HBE's neurology.
        const fromOus = await registerPage(
          db(),
          ous.decisionMaker,
          { tab: 'foretak', department: neurology },
          null,
        );
        expect(fromOus.ok).toBe(false);
        expect(fromOus.departments.map((d) => d.id).sort()).toEqual(others.map((d) => d.id).sort());
      });

      it('the page answers a department of another trust with 400 and the trust’s own choices', async () => {
        const { cookie } = await signIn(db(), 'HBE', 'decisionMaker');
        const [other] = await departmentsOf(ous.applicant.trustId);
        const read = (q: string) =>
          registerLoader(loaderArgs(database, `/register?${q}`, cookie, '/register'));
        const refused = await read(`fane=foretak&avdeling=${other?.id ?? ''}`);
        if (!('init' in refused)) throw new Error('not refused');
        expect(refused.init?.status).toBe(400);
        expect(refused.data.errors).toEqual({ avdeling: 'department' });
        expect(refused.data.tab).toBe('foretak');
        expect(refused.data.departments.map((d) => d.name)).toEqual([
          'Barne- og ungdomsklinikken',
          'Kreftavdelingen',
          'Nevrologisk avdeling',
        ]);
        // A malformed id: the same message, the same choices.
        const malformed = await read('fane=foretak&avdeling=nevro');
        if (!('init' in malformed)) throw new Error('not refused');
        expect(malformed.init?.status).toBe(400);
        expect(malformed.data.errors).toEqual({ avdeling: 'department' });
        expect(malformed.data.departments).toEqual(refused.data.departments);
        // Its own department: the list and the next page's link keep it.
        const shown = await read(`fane=foretak&avdeling=${neurology}`);
        if ('init' in shown) throw new Error('refused');
        expect(shown.rows.map((r) => r.id)).toEqual([moved[2], moved[1], moved[0]]);
        expect(new URLSearchParams(shown.query).get('avdeling')).toBe(neurology);
      });
    });
  });

  // After the tests that count every row: it adds a case.
  it('shows each case’s status now, from its summary, in the rows and the CSV', async () => {
    const draft = await createDraft(db(), ous.applicant, completeAnswers);
    const sent = await transition(db(), ous.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    await transition(db(), ous.applicant, {
      caseId: draft.id,
      version: sent.version,
      event: 'withdraw',
      reason: 'Pasienten ønsket ikke behandlingen.',
    });
    const rows = await everything(query(''));
    const stored = rowsOf(
      await db().execute(sql`select case_number as "caseNumber", status from case_summaries`),
      z.object({ caseNumber: z.string(), status: z.string() }),
    );
    expect(rows.map((r) => [r.caseNumber, r.status]).sort()).toEqual(
      stored.map((r) => [r.caseNumber, r.status]).sort(),
    );
    expect(rows.map((r) => r.status)).toEqual(
      expect.arrayContaining(['decided', 'submitted', 'withdrawn']),
    );
    const withdrawn = rows.filter((r) => r.status === 'withdrawn');
    expect(withdrawn.map((r) => r.trustCode)).toEqual(['OUS']);
    expect(rows.find((r) => r.trustCode === 'HBE' && r.outcome === 'approved')?.status).toBe(
      'decided',
    );
    // The CSV's Status column, after Utfall, in words.
    const csv = await csvResponse(db(), ous.nationalReader, query('foretak=OUS')).text();
    const [columns = [], ...lines]: string[][] = parse(csv, { bom: true, delimiter: ';' });
    const at = columns.indexOf('Status');
    expect(columns[at - 1]).toBe('Utfall');
    const statuses = lines.map((line) => line[at]);
    expect(statuses.sort()).toEqual(
      rows
        .filter((r) => r.trustCode === 'OUS')
        .map((r) => msg.statuses[r.status])
        .sort(),
    );
    expect(statuses).toContain('Trukket');
  });

  it('seeds the national demo once', async () => {
    const fresh = await openTestDatabase(kind);
    try {
      expect(await seedNationalDemo(fresh.db, 45)).toBe(45);
      expect(await seedNationalDemo(fresh.db, 45)).toBe(0);
      const { actor } = await signIn(fresh.db, 'HBE', 'nationalReader');
      const rows: NationalRow[] = [];
      for await (const row of nationalRows(fresh.db, actor, query(''), 1000)) rows.push(row);
      expect(rows).toHaveLength(45);
      expect(new Set(rows.map((r) => r.trustCode)).size).toBeGreaterThan(10);
      // Cases belong to the helseforetak that treats: none to a regional health authority.
      const owners = rowsOf(
        await fresh.db.execute(
          sql`select distinct t.kind from case_summaries s join trusts t on t.id = s.trust_id`,
        ),
        z.object({ kind: z.string() }),
      );
      expect(owners).toEqual([{ kind: 'HF' }]);
      // Tilgangsordningen cases are decided by the interregional committee, as the app records it.
      const decisions = rowsOf(
        await fresh.db.execute(sql`select c.answers->>'scheme' = 'tilgangsordningen' as committee,
            d.interregional_committee as flagged, e.from_status
          from case_decisions d join cases c on c.id = d.case_id
          join case_events e on e.case_id = c.id and e.event = 'decide'`),
        z.object({ committee: z.boolean(), flagged: z.boolean(), from_status: z.string() }),
      );
      for (const d of decisions) {
        expect(d.flagged).toBe(d.committee);
        expect(d.from_status).toBe(d.committee ? 'atInterregionalCommittee' : 'recommended');
      }
      await expect(insertGeneratedCases(fresh.db, ['HVE'], [])).rejects.toThrow(
        'Cases belong to a helseforetak, not to HVE (RHF)',
      );
    } finally {
      await fresh.close();
    }
  }, 300_000);
});
