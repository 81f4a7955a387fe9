import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { msg } from '../../i18n';
import { loader as exportLoader } from '../../routes/statistics-export';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { endorseWithRatings } from '../../test/case-states';
import { createDraft, transition } from '../cases/cases.server';
import { dateInNorway } from '../cases/domain/dates';
import {
  onOneConnection,
  preparedStatements,
  openTestDatabase,
  TEST_DATABASES,
} from '../../test/databases';
import { loaderArgs } from '../../test/routes';
import type { Actor } from '../auth/domain/roles';
import { daysToDecision, generateCases, type GeneratedCase } from '../national/domain/generate';
import { insertGeneratedCases } from '../national/generated.server';
import { importFest } from '../fest/fest-import.server';
import { tableToCsv, type StatTable } from './domain/tables';
import { describeFilters, sectionToXlsx, statisticsPage } from './statistics.server';

const CODES = ['HFO', 'HFD', 'STO', 'UNN'] as const;
const SMALL = 'SIN';

/** percentile_cont, computed here independently of the database. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
}

const osloMonth = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' })
    .format(date)
    .slice(0, 7);

const cell = (table: StatTable, row: string, column: string) => {
  const index = table.columns.findIndex((c) => c.key === column);
  const found = table.rows.find((r) => r.key === row);
  if (!found || index < 0) throw new Error(`No cell ${row}/${column} in ${table.id}`);
  return found.values[index];
};

describe.each(TEST_DATABASES)('national statistics on %s', (kind) => {
  let database: Database;
  let reader: Actor;
  let big: GeneratedCase[];
  let small: GeneratedCase[];
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ fra: '2024-01-01', til: '2025-12-31', inndeling: 'month', ...extra });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    reader = (await demoActors(database.db, 'HBE')).nationalReader;
    big = generateCases({
      seed: 11,
      count: 160,
      trusts: CODES.length,
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2025-12-31T00:00:00Z'),
    });
    small = generateCases({
      seed: 3,
      count: 3,
      trusts: 1,
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-04-01T00:00:00Z'),
    });
    await insertGeneratedCases(database.db, CODES, big);
    await insertGeneratedCases(database.db, [SMALL], small);
  }, 240_000);
  afterAll(() => database.close());

  it('counts volumes per month (Norwegian time) and per trust as the generated input says', async () => {
    const page = await statisticsPage(database.db, reader, query());
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const { time, trust } = page.statistics.tables;
    expect(page.statistics.total).toBe(big.length + 3);

    const perMonth = new Map<string, number>();
    for (const g of big) {
      const month = osloMonth(g.submittedAt);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    // March 2025 also has the small trust's 3 cases.
    perMonth.set('2025-03', (perMonth.get('2025-03') ?? 0) + 3);
    expect(time.rows.filter((r) => !r.total)).toHaveLength(24);
    for (const row of time.rows.filter((r) => !r.total)) {
      const expected = perMonth.get(row.key.slice(0, 7)) ?? 0;
      const shown = row.values[0];
      if (expected > 0 && expected < 5) expect(shown).toBe('small');
      else if (shown !== 'hidden') expect(shown).toBe(expected);
    }
    expect(time.rows.at(-1)?.values[0]).toBe(big.length + 3);

    CODES.forEach((code, index) => {
      const expected = big.filter((g) => g.trust === index).length;
      expect(cell(trust, code, 'submitted')).toBe(expected);
    });
  });

  it('describes the filters in the export heading as the form names them, not as the address writes them', async () => {
    const page = await statisticsPage(
      database.db,
      reader,
      query({ fra: '1.1.2024', helseforetak: 'UNN', ordning: 'unntaksordningen', atcniva: '4' }),
    );
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    expect(describeFilters(page.values, page.trusts)).toBe(
      'Fra dato: 01.01.2024, Til dato: 31.12.2025, Helseforetak: Universitetssykehuset Nord-Norge HF, ' +
        'Ordning: Unntaksordningen (Nye Metoder), ATC-nivå for fordelingen: Nivå 4 (L01F), ' +
        'Tidsinndeling: Måned',
    );
  });

  it('approval rates and percentiles per trust match the generated decisions and stage days', async () => {
    const page = await statisticsPage(database.db, reader, query());
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const { decisions, stages, stagesByTrust } = page.statistics.tables;
    CODES.forEach((code, index) => {
      const mine = big.filter((g) => g.trust === index);
      const approved = mine.filter((g) => g.outcome !== 'rejected').length;
      const rejected = mine.length - approved;
      expect(cell(decisions, code, 'decided')).toBe(mine.length);
      if (rejected >= 5) {
        expect(cell(decisions, code, 'approvalRate')).toBeCloseTo(approved / mine.length, 10);
      }
      const total = mine.map(daysToDecision);
      expect(cell(stagesByTrust, code, 'total')).toBeCloseTo(percentile(total, 0.5), 6);
      expect(cell(stagesByTrust, code, 'submitted')).toBeCloseTo(
        percentile(
          mine.map((g) => g.days.submitted),
          0.5,
        ),
        6,
      );
    });
    // The national figures include the small trust's 3 cases.
    expect(cell(stages, 'underAssessment', 'n')).toBe(big.length + 3);
    const page2 = await statisticsPage(database.db, reader, query({ helseforetak: 'HFO' }));
    if (!page2.ok) throw new Error(JSON.stringify(page2.errors));
    const hfo = big.filter((g) => g.trust === 0);
    expect(cell(page2.statistics.tables.stages, 'underAssessment', 'median')).toBeCloseTo(
      percentile(
        hfo.map((g) => g.days.underAssessment),
        0.5,
      ),
      6,
    );
    expect(cell(page2.statistics.tables.stages, 'underAssessment', 'p90')).toBeCloseTo(
      percentile(
        hfo.map((g) => g.days.underAssessment),
        0.9,
      ),
      6,
    );
    // The medical director's time after the committee's recommendation is a stage of its own.
    expect(cell(stages, 'recommended', 'n')).toBe(big.length + 3);
    expect(cell(page2.statistics.tables.stages, 'recommended', 'median')).toBeCloseTo(
      percentile(
        hfo.map((g) => g.days.recommended),
        0.5,
      ),
      6,
    );
    // Tilgangsordningen's time at the interregional committee is a stage of its own.
    const committee = [...big, ...small].filter((g) => g.scheme === 'tilgangsordningen');
    expect(committee.length).toBeGreaterThan(5);
    expect(cell(stages, 'atInterregionalCommittee', 'n')).toBe(committee.length);
    expect(cell(stages, 'atInterregionalCommittee', 'median')).toBeCloseTo(
      percentile(
        committee.map((g) => g.days.atInterregionalCommittee),
        0.5,
      ),
      6,
    );
    // A stage no case went through has no times to show: nothing, not «<5».
    expect(cell(stages, 'inConsultation', 'n')).toBe(0);
    expect(cell(stages, 'inConsultation', 'median')).toBe('none');
    // Filtering by one trust shows only that trust.
    expect(page2.statistics.tables.trust.rows.map((r) => r.key)).toEqual(['HFO', 'total']);
    expect(page2.statistics.total).toBe(hfo.length);
  });

  it('suppresses the small trust and a complement, and its rates and times', async () => {
    const page = await statisticsPage(database.db, reader, query());
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const { trust, decisions, stagesByTrust } = page.statistics.tables;
    expect(cell(trust, SMALL, 'submitted')).toBe('small');
    // Trusts without cases show 0, which are the smallest shown values and become the complement:
    // hidden, but not «<5» (they are not small counts).
    const hidden = trust.rows.filter((r) => r.values[0] === 'hidden').map((r) => r.key);
    expect(hidden.length).toBeGreaterThanOrEqual(1);
    expect(trust.rows.filter((r) => r.values[0] === 'small').map((r) => r.key)).toEqual([SMALL]);
    expect(cell(trust, 'total', 'submitted')).toBe(big.length + 3);
    expect(cell(decisions, SMALL, 'approvalRate')).toBe('hidden');
    expect(cell(decisions, SMALL, 'decided')).toBe('small');
    expect(cell(stagesByTrust, SMALL, 'total')).toBe('hidden');
    // A trust without cases has no times to show: nothing, not «<5».
    const empty = trust.rows.find((r) => r.values[0] === 0);
    if (!empty) throw new Error('no trust without cases');
    expect(cell(stagesByTrust, empty.key, 'total')).toBe('none');
    expect(cell(decisions, empty.key, 'approvalRate')).toBe('none');

    const only = await statisticsPage(database.db, reader, query({ helseforetak: SMALL }));
    if (!only.ok) throw new Error(JSON.stringify(only.errors));
    expect(only.statistics.total).toBe('small');
    expect(
      only.statistics.tables.time.rows.every((r) => r.values[0] === 0 || r.values[0] === 'small'),
    ).toBe(true);
  });

  it('with a scheme or scope filter, stage times and ATC groups are those of the selection', async () => {
    const atcCounts = (cases: GeneratedCase[]) => {
      const counts = new Map<string, number>();
      for (const g of cases) {
        counts.set(g.drug.atc.slice(0, 3), (counts.get(g.drug.atc.slice(0, 3)) ?? 0) + 1);
      }
      return counts;
    };
    const filters: [Record<string, string>, (g: GeneratedCase) => boolean][] = [
      [{ ordning: 'offLabel' }, (g) => g.scheme === 'offLabel'],
      [{ omfang: 'single' }, (g) => g.patientScope === 'single'],
    ];
    for (const [extra, selected] of filters) {
      const page = await statisticsPage(database.db, reader, query(extra));
      if (!page.ok) throw new Error(JSON.stringify(page.errors));
      const { stagesByTrust, atc } = page.statistics.tables;
      CODES.forEach((code, index) => {
        const mine = big.filter((g) => g.trust === index && selected(g));
        const total = mine.map(daysToDecision);
        const shown = cell(stagesByTrust, code, 'total');
        if (mine.length < 5) expect(shown).toBe(mine.length === 0 ? 'none' : 'hidden');
        else expect(shown).toBeCloseTo(percentile(total, 0.5), 6);
      });
      // Every trust (the ATC code without the trust), then one trust (the full volumes).
      const everyone = atcCounts([...big, ...small].filter(selected));
      const shownAtc = atc.rows.filter((r) => !r.total && typeof r.values[0] === 'number');
      expect(shownAtc.length).toBeGreaterThan(0);
      for (const row of shownAtc) expect(row.values[0], row.key).toBe(everyone.get(row.key));
      const one = await statisticsPage(
        database.db,
        reader,
        query({ ...extra, helseforetak: 'STO' }),
      );
      if (!one.ok) throw new Error(JSON.stringify(one.errors));
      const sto = atcCounts(big.filter((g) => g.trust === 2 && selected(g)));
      const shownRows = one.statistics.tables.atc.rows.filter((r) => !r.total);
      expect(shownRows.map((r) => r.key).sort()).toEqual([...sto.keys()].sort());
      for (const row of shownRows.filter((r) => typeof r.values[0] === 'number')) {
        expect(row.values[0], row.key).toBe(sto.get(row.key));
      }
    }
  });

  it('a period ending today reads its year whole less the days after it: the same tables', async () => {
    // Cases after the period in its year, so the subtracted rows are not empty.
    const end = new Date('2025-06-30T22:00:00Z');
    expect(big.filter((g) => g.submittedAt >= end).length).toBeGreaterThan(20);
    const variants: Record<string, string>[] = [
      {},
      { inndeling: 'quarter' },
      { inndeling: 'year' },
      { helseforetak: 'HFO' },
      { ordning: 'offLabel' },
      { omfang: 'single', helseforetak: 'STO' },
      { atc: 'L01', atcniva: '4' },
    ];
    for (const extra of variants) {
      const q = query({ til: '2025-06-30', ...extra });
      // Today is the last day: the year 2025 is read whole, its days from July on subtracted.
      const today = await statisticsPage(database.db, reader, q, new Date('2025-06-30T12:00:00Z'));
      // Today is later: the months and days of 2025 are read as before.
      const later = await statisticsPage(database.db, reader, q, new Date('2026-03-01T12:00:00Z'));
      if (!today.ok) throw new Error(JSON.stringify(today.errors));
      expect(today.statistics.total).toBeGreaterThan(0);
      expect(today, JSON.stringify(extra)).toEqual(later);
    }
  });

  it('with an ATC filter, stage times are those of the selection, the days at its edges included', async () => {
    const osloDay = (date: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(date);
    const isL01 = (g: GeneratedCase) => g.drug.atc.startsWith('L01');
    const l01 = big.filter(isL01).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    // The period starts and ends on days of L01 cases inside their months, so its edges are days.
    const from = osloDay(l01[2]?.submittedAt ?? new Date(0));
    const to = osloDay(l01[l01.length - 8]?.submittedAt ?? new Date(0));
    expect(from.endsWith('-01')).toBe(false);
    expect(to.slice(0, 4)).toBe('2025');
    const q = query({ fra: from, til: to, atc: 'L01' });
    // Today the last day: its year read whole, the rest of its month's days subtracted.
    const today = await statisticsPage(database.db, reader, q, new Date(`${to}T12:00:00Z`));
    const later = await statisticsPage(database.db, reader, q, new Date('2026-03-01T12:00:00Z'));
    if (!today.ok || !later.ok) throw new Error('refused');
    expect(today).toEqual(later);
    const inPeriod = (g: GeneratedCase) =>
      isL01(g) && osloDay(g.submittedAt) >= from && osloDay(g.submittedAt) <= to;
    const { stages, stagesByTrust } = later.statistics.tables;
    expect(cell(stages, 'underAssessment', 'n')).toBe([...big, ...small].filter(inPeriod).length);
    CODES.forEach((code, index) => {
      const mine = big.filter((g) => g.trust === index && inPeriod(g));
      const total = mine.map(daysToDecision);
      const shown = cell(stagesByTrust, code, 'total');
      if (mine.length < 5) expect(shown).toBeNull();
      else expect(shown).toBeCloseTo(percentile(total, 0.5), 6);
    });
    // The counts of the other ways in: a main group (a group at another level) and a scheme as
    // well (the table per ATC code, scheme and scope).
    const count = async (
      filter: Record<string, string>,
      selected: (g: GeneratedCase) => boolean,
    ) => {
      const page = await statisticsPage(
        database.db,
        reader,
        query({ fra: from, til: to, ...filter }),
        new Date('2026-03-01T12:00:00Z'),
      );
      if (!page.ok) throw new Error('refused');
      const inDays = (g: GeneratedCase) =>
        osloDay(g.submittedAt) >= from && osloDay(g.submittedAt) <= to;
      const expected = [...big, ...small].filter((g) => inDays(g) && selected(g)).length;
      expect(expected).toBeGreaterThan(5);
      expect(cell(page.statistics.tables.stages, 'underAssessment', 'n')).toBe(expected);
    };
    await count({ atc: 'L' }, (g) => g.drug.atc.startsWith('L'));
    await count({ atc: 'L01', ordning: 'offLabel' }, (g) => isL01(g) && g.scheme === 'offLabel');
  });

  it('reads dates typed dd.mm.åååå as the ISO dates, which its form and export links then hold', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const [typed, iso] = await Promise.all([
      statisticsPage(database.db, reader, query({ fra: '1.3.2024', til: '31.12.2025' }), now),
      statisticsPage(database.db, reader, query({ fra: '2024-03-01', til: '2025-12-31' }), now),
    ]);
    expect(typed.ok && typed.statistics.total).toBeGreaterThan(0);
    expect(typed).toEqual(iso);
    expect([typed.values.fra, typed.values.til]).toEqual(['2024-03-01', '2025-12-31']);
    // The export names its file by the ISO dates, whichever way they were typed.
    const { cookie } = await signIn(database.db, 'HBE', 'nationalReader');
    const response = await exportLoader(
      loaderArgs(
        database,
        '/statistikk/eksport?seksjon=trust&format=csv&fra=01.03.2024&til=31.12.2025',
        cookie,
        '/statistikk/eksport',
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="statistikk-trust-2024-03-01-2025-12-31.csv"',
    );
    // A date that does not exist: refused with its message, kept as typed.
    const refused = await statisticsPage(database.db, reader, query({ fra: '31.02.2025' }), now);
    expect(!refused.ok && refused.errors).toEqual({ fra: 'dateInvalid' });
    expect(refused.values.fra).toBe('31.02.2025');
  });

  it('filters by scheme and ATC prefix, groups by ATC level; bad filters are refused, not thrown', async () => {
    const page = await statisticsPage(database.db, reader, query({ atc: 'L01', atcniva: '4' }));
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const l01 = big.filter((g) => g.drug.atc.startsWith('L01'));
    const groups = new Map<string, number>();
    for (const g of l01)
      groups.set(g.drug.atc.slice(0, 4), (groups.get(g.drug.atc.slice(0, 4)) ?? 0) + 1);
    const atcRows = page.statistics.tables.atc.rows.filter((r) => !r.total);
    expect(atcRows.map((r) => r.key).sort()).toEqual([...groups.keys()].sort());
    for (const row of atcRows) {
      const n = groups.get(row.key) ?? 0;
      // The small trust may add up to 3 cases to a group.
      if (typeof row.values[0] === 'number') expect(row.values[0]).toBeGreaterThanOrEqual(n);
    }

    const scheme = await statisticsPage(
      database.db,
      reader,
      query({ ordning: 'offLabel', helseforetak: 'HFD' }),
    );
    if (!scheme.ok) throw new Error('refused');
    expect(scheme.statistics.total).toBe(
      big.filter((g) => g.trust === 1 && g.scheme === 'offLabel').length,
    );

    const refused = await statisticsPage(
      database.db,
      reader,
      query({ helseforetak: 'XYZ', atc: '1' }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors).toEqual({ atc: 'atcInvalid' });
    const unknownTrust = await statisticsPage(database.db, reader, query({ helseforetak: 'XYZ' }));
    expect(!unknownTrust.ok && unknownTrust.errors).toEqual({ helseforetak: 'trustInvalid' });
  });

  it('names each ATC group from FEST (code and name; the code alone when FEST has no name)', async () => {
    const labels = async (extra: Record<string, string>) => {
      const page = await statisticsPage(database.db, reader, query(extra));
      if (!page.ok) throw new Error(JSON.stringify(page.errors));
      const table = page.statistics.tables.atc;
      return { table, byKey: new Map(table.rows.map((r) => [r.key, r.label])) };
    };
    const before = await labels({ atc: 'L01', atcniva: '4' });
    expect(before.byKey.get('L01F')).toBe('L01F');
    // A hand-made extract with the ATC code system (fixtures/fest/README.md); partial, so the
    // rest of FEST stays as it is.
    const extract = fileURLToPath(
      new URL('../../../fixtures/fest/fest-atc-kodeverk.xml', import.meta.url),
    );
    await importFest(database.db, extract, { partial: true });

    const groups = await labels({});
    expect(groups.byKey.get('L01')).toBe('L01 Antineoplastiske midler');
    expect(groups.byKey.get('L04')).toBe('L04 Immunsuppressiver');
    expect(groups.byKey.get('M09')).toBe('M09');
    const level4 = await labels({ atc: 'L01', atcniva: '4' });
    expect(level4.byKey.get('L01E')).toBe('L01E Proteinkinasehemmere');
    const l01f = 'L01F Monoklonale antistoffer og antistoff-legemiddelkonjugater';
    expect(level4.byKey.get('L01F')).toBe(l01f);
    expect(level4.table.rows.map((r) => r.key)).toEqual(before.table.rows.map((r) => r.key));
    // The exports show the same labels.
    expect(tableToCsv(level4.table, msg.statistics.withheld)).toContain(l01f);
    const workbook = new ExcelJS.Workbook();
    const xlsx = await sectionToXlsx(level4.table, '');
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    const cells: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => cells.push(row.getCell(1).value));
    expect(cells).toContain(l01f);
  });

  it.each([
    ['stages', true],
    ['stagesByTrust', true],
    ['trust', false],
  ] as const)(
    'explains in the %s sheet that registered cases have no stage times: %s',
    async (id, noted) => {
      const table = { id, title: 'Tabell', labelHeader: '', columns: [], rows: [] };
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await sectionToXlsx(table, '')).buffer);
      const cells: unknown[] = [];
      workbook.worksheets[0]?.eachRow((row) => cells.push(row.getCell(1).value));
      expect(cells).toContain(msg.statistics.suppressionNote);
      expect(cells.includes(msg.statistics.retrospectiveNote)).toBe(noted);
    },
  );

  it('runs its statement named by its text: the same figures on one connection, one name per text', async () => {
    // One connection, so that every view's statement is prepared on it: the same views twice
    // (the second run reuses the name), against the same views on the main pool.
    const now = new Date('2026-03-01T12:00:00Z');
    const views: Record<string, string>[] = [
      {},
      { inndeling: 'year' },
      { ordning: 'offLabel' },
      { omfang: 'group', helseforetak: 'HFD' },
      { atc: 'L01', atcniva: '4' },
      { atc: 'L01', ordning: 'offLabel', helseforetak: 'STO' },
      { fra: '2025-02-11', til: '2026-03-01' },
      { fra: '2025-02-11', til: '2026-03-01', atc: 'L' },
    ];
    await onOneConnection(database, async (one) => {
      for (const round of [1, 2]) {
        for (const view of views) {
          const [page, expected] = await Promise.all([
            statisticsPage(one.db, reader, query(view), now),
            statisticsPage(database.db, reader, query(view), now),
          ]);
          expect(page.ok, JSON.stringify(view)).toBe(true);
          expect(page, `${JSON.stringify(view)}, run ${round}`).toEqual(expected);
        }
      }
      const prepared = await preparedStatements(one, 'sp\\_h\\_%');
      if (one.kind === 'postgres') {
        expect(prepared?.names).toBe(prepared?.texts);
        expect(prepared?.names).toBe(views.length);
      }
    });
  });

  // Last: it adds cases, sent today.
  it('counts the cases not endorsed and withdrawn per trust beside the decisions, suppressed', async () => {
    const db = database.db;
    const [hbe, hst] = [await demoActors(db, 'HBE'), await demoActors(db, 'HST')];
    const sent = async (actors: typeof hbe) => {
      const draft = await createDraft(db, actors.applicant, completeAnswers);
      const submitted = await transition(db, actors.applicant, {
        caseId: draft.id,
        version: draft.version,
        event: 'submit',
      });
      return { caseId: draft.id, version: submitted.version };
    };
    const withdraw = async (actors: typeof hbe) =>
      transition(db, actors.applicant, {
        ...(await sent(actors)),
        event: 'withdraw',
        reason: 'Pasienten ønsket ikke behandlingen.',
      });
    for (let i = 0; i < 6; i++) await withdraw(hbe);
    await withdraw(hst);
    for (let i = 0; i < 2; i++) {
      await endorseWithRatings(db, hbe.endorser, {
        ...(await sent(hbe)),
        reason: 'Ikke tilstrekkelig begrunnet.',
        verdict: 'notEndorse',
      });
    }
    // One still with the leader: sent, neither.
    await sent(hst);

    const today = dateInNorway(new Date());
    const page = await statisticsPage(
      db,
      reader,
      query({ fra: `${today.slice(0, 4)}-01-01`, til: today }),
    );
    if (!page.ok) throw new Error(JSON.stringify(page.errors));
    const { decisions, trust } = page.statistics.tables;
    expect(decisions.columns.map((c) => [c.key, c.label])).toEqual([
      ['approved', 'Innvilget'],
      ['approvedWithConditions', 'Innvilget med vilkår'],
      ['rejected', 'Avslått'],
      ['decided', 'Besluttet'],
      ['notEndorsed', 'Ikke forankret'],
      ['withdrawn', 'Trukket'],
      ['approvalRate', 'Andel innvilget (%)'],
    ]);
    expect(cell(trust, 'HBE', 'submitted')).toBe(8);
    expect(cell(decisions, 'HBE', 'withdrawn')).toBe(6);
    expect(cell(decisions, 'HBE', 'notEndorsed')).toBe('small');
    expect(cell(decisions, 'HBE', 'decided')).toBe(0);
    expect(cell(decisions, 'HST', 'withdrawn')).toBe('small');
    expect(cell(decisions, 'HST', 'notEndorsed')).toBe(0);
    expect(cell(decisions, 'total', 'withdrawn')).toBe(7);
    expect(cell(decisions, 'total', 'notEndorsed')).toBe('small');
    // HST's lone withdrawal is not the total less HBE's: one more cell of its column is hidden.
    const withdrawn = decisions.columns.findIndex((c) => c.key === 'withdrawn');
    expect(decisions.rows.filter((r) => r.values[withdrawn] === 'hidden')).toHaveLength(1);
    // The section's export has them as the page has them.
    const csv = tableToCsv(decisions, msg.statistics.withheld).split('\r\n');
    expect(csv[0]).toContain(';Besluttet;Ikke forankret;Trukket;');
    expect(csv.find((line) => line.startsWith('Helse Bergen HF;'))).toMatch(/;0;<5;6;–$/);
  });
});
