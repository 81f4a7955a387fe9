import { and, asc, eq, like, sql, type SQL } from 'drizzle-orm';
import { inTenant, type Db, type TenantScope } from '../../db/database.server';
import { caseSummaries, trusts } from '../../db/schema';
import { msg } from '../../i18n';
import type { Scheme } from '../cases/domain/application';
import { SCHEMES } from '../cases/domain/application';
import ExcelJS from 'exceljs';
import {
  bucketLabel,
  bucketsBetween,
  FILTER_FIELDS,
  parseFilters,
  type FilterError,
  type FilterField,
  type StatisticsFilters,
} from './domain/filters';
import {
  suppressBreakdown,
  suppressBySize,
  suppressedRate,
  suppressGrid,
  type Shown,
} from './domain/suppression';
import {
  exportNumber,
  STAGES,
  SUPPRESSED_TEXT,
  type SectionId,
  type Stage,
  type StatRow,
  type StatTable,
} from './domain/tables';

/**
 * The national statistics (BRIEF §4.11, §5 stage clocks): aggregate SQL over `case_summaries`
 * only (never `cases`: the privacy rule), in three queries in one transaction, then suppressed
 * (domain/suppression.ts) before anything leaves the server.
 */

export interface TrustOption {
  id: string;
  code: string;
  name: string;
}

export interface Statistics {
  tables: Record<SectionId, StatTable>;
  /** Cases in the selection before suppression is applied to anything shown (for the summary). */
  total: Shown;
}

const DAY = 86_400;

interface Aggregates {
  submitted: number;
  decided: number;
  approved: number;
  approvedWithConditions: number;
  rejected: number;
  continued: number;
  stopped: number;
  stages: Record<Stage, { n: number; median: number | null; p90: number | null }>;
}

/** The trusts that own cases (helseforetak), by name, for the filter. */
export async function listTrusts(db: Db, actor: TenantScope): Promise<TrustOption[]> {
  return inTenant(db, actor, (tx) =>
    tx
      .select({ id: trusts.id, code: trusts.code, name: trusts.name })
      .from(trusts)
      .where(eq(trusts.kind, 'HF'))
      .orderBy(asc(trusts.name)),
  );
}

const stageValue = (stage: Stage): SQL =>
  stage === 'total'
    ? sql`${caseSummaries.processingSeconds}::float8`
    : sql`(${caseSummaries.stageSeconds} ->> ${sql.raw(`'${stage}'`)})::float8`;

/** count, median and 90th percentile (seconds) of every stage, as select columns. */
function stageColumns() {
  return Object.fromEntries(
    STAGES.flatMap((stage) => {
      const value = stageValue(stage);
      return [
        [`${stage}_n`, sql<number>`count(${value})::int`],
        [`${stage}_p50`, sql<number | null>`percentile_cont(0.5) within group (order by ${value})`],
        [`${stage}_p90`, sql<number | null>`percentile_cont(0.9) within group (order by ${value})`],
      ];
    }),
  ) as Record<string, SQL<number> | SQL<number | null>>;
}

const counts = {
  submitted: sql<number>`count(*)::int`,
  decided: sql<number>`(count(*) filter (where ${caseSummaries.outcome} is not null))::int`,
  approved: sql<number>`(count(*) filter (where ${caseSummaries.outcome} = 'approved'))::int`,
  approvedWithConditions: sql<number>`(count(*) filter (where ${caseSummaries.outcome} = 'approvedWithConditions'))::int`,
  rejected: sql<number>`(count(*) filter (where ${caseSummaries.outcome} = 'rejected'))::int`,
  continued: sql<number>`(count(*) filter (where ${caseSummaries.continued}))::int`,
  stopped: sql<number>`(count(*) filter (where not ${caseSummaries.continued}))::int`,
};

function aggregatesOf(row: Record<string, unknown>): Aggregates {
  const num = (key: string) => Number(row[key] ?? 0);
  const maybe = (key: string) => (row[key] === null || row[key] === undefined ? null : num(key));
  return {
    submitted: num('submitted'),
    decided: num('decided'),
    approved: num('approved'),
    approvedWithConditions: num('approvedWithConditions'),
    rejected: num('rejected'),
    continued: num('continued'),
    stopped: num('stopped'),
    stages: Object.fromEntries(
      STAGES.map((stage) => [
        stage,
        { n: num(`${stage}_n`), median: maybe(`${stage}_p50`), p90: maybe(`${stage}_p90`) },
      ]),
    ) as Aggregates['stages'],
  };
}

/** Every section of the statistics for the filters, suppressed. */
export async function loadStatistics(
  db: Db,
  actor: TenantScope,
  filters: StatisticsFilters,
  trustList: readonly TrustOption[],
): Promise<Statistics> {
  const trust = filters.trust ? trustList.find((t) => t.code === filters.trust) : undefined;
  const where = and(
    sql`${caseSummaries.submittedAt} >= (${filters.from}::date)::timestamp at time zone 'Europe/Oslo'`,
    sql`${caseSummaries.submittedAt} < (${filters.to}::date + 1)::timestamp at time zone 'Europe/Oslo'`,
    trust ? eq(caseSummaries.trustId, trust.id) : undefined,
    filters.scheme ? eq(caseSummaries.scheme, filters.scheme) : undefined,
    filters.scope ? eq(caseSummaries.patientScope, filters.scope) : undefined,
    filters.atc ? like(caseSummaries.atcCode, `${filters.atc}%`) : undefined,
  );
  // Whitelisted values only (zod enums) go into the SQL text.
  const unit = sql.raw(`'${filters.granularity}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${caseSummaries.submittedAt} at time zone 'Europe/Oslo'), 'YYYY-MM-DD')`;
  const atcGroup = sql<string | null>`left(${caseSummaries.atcCode}, ${sql.raw(filters.atcLevel)})`;

  const { series, groups } = await inTenant(db, actor, async (tx) => ({
    series: await tx
      .select({ bucket, n: sql<number>`count(*)::int` })
      .from(caseSummaries)
      .where(where)
      .groupBy(sql`1`),
    groups: await tx
      .select({
        gTrust: sql<number>`grouping(${caseSummaries.trustId})`,
        gScheme: sql<number>`grouping(${caseSummaries.scheme})`,
        gAtc: sql<number>`grouping(${atcGroup})`,
        trustId: caseSummaries.trustId,
        scheme: caseSummaries.scheme,
        atcGroup,
        ...counts,
        ...stageColumns(),
      })
      .from(caseSummaries)
      .where(where)
      .groupBy(
        sql`grouping sets ((${caseSummaries.trustId}), (${caseSummaries.scheme}), (${atcGroup}), ())`,
      ),
  }));

  const byTrust = new Map<string, Aggregates>();
  const byScheme = new Map<string, Aggregates>();
  const byAtc = new Map<string, Aggregates>();
  let overall = aggregatesOf({});
  for (const row of groups) {
    const aggregates = aggregatesOf(row);
    const g = [row.gTrust, row.gScheme, row.gAtc].join('');
    if (g === '011' && row.trustId) byTrust.set(row.trustId, aggregates);
    else if (g === '101') byScheme.set(row.scheme ?? '', aggregates);
    else if (g === '110') byAtc.set(row.atcGroup ?? '', aggregates);
    else if (g === '111') overall = aggregates;
  }
  const shownTrusts = trust ? [trust] : trustList;
  const trustRows = shownTrusts.map((t) => ({ key: t.code, label: t.name, a: byTrust.get(t.id) }));
  const s = msg.statistics;
  const totalLabel = trust ? trust.name : s.national;

  const seriesCounts = new Map(series.map((r) => [r.bucket, r.n]));
  const buckets = bucketsBetween(filters.from, filters.to, filters.granularity);
  const time = breakdown(
    'time',
    s.sections.time,
    s.period,
    buckets.map((b) => ({
      key: b,
      label: bucketLabel(b, filters.granularity),
      n: seriesCounts.get(b) ?? 0,
    })),
    totalLabel,
  );
  const trustTable = breakdown(
    'trust',
    s.sections.trust,
    s.trust,
    trustRows.map((t) => ({ key: t.key, label: t.label, n: t.a?.submitted ?? 0 })),
    totalLabel,
  );
  const schemeTable = breakdown(
    'scheme',
    s.sections.scheme,
    s.scheme,
    (filters.scheme ? [filters.scheme] : [...SCHEMES]).map((scheme: Scheme) => ({
      key: scheme,
      label: msg.schemes[scheme],
      n: byScheme.get(scheme)?.submitted ?? 0,
    })),
    totalLabel,
  );
  const atcTable = breakdown(
    'atc',
    s.sections.atc,
    s.atcGroup,
    [...byAtc.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
      .map(([code, a]) => ({
        key: code || 'unknown',
        label: code || s.unknownAtc,
        n: a.submitted,
      })),
    totalLabel,
  );

  return {
    total: suppressBreakdown([overall.submitted]).total,
    tables: {
      time,
      trust: trustTable,
      scheme: schemeTable,
      atc: atcTable,
      decisions: decisionsTable(trustRows, overall, totalLabel),
      stages: stagesTable(overall),
      stagesByTrust: stagesByTrustTable(trustRows, overall, totalLabel),
      followUp: followUpTable(trustRows, overall, totalLabel),
    },
  };
}

/** A one-column count table with its total row. */
function breakdown(
  id: SectionId,
  title: string,
  labelHeader: string,
  items: { key: string; label: string; n: number }[],
  totalLabel: string,
): StatTable {
  const { cells, total } = suppressBreakdown(items.map((i) => i.n));
  return {
    id,
    title,
    labelHeader,
    columns: [{ key: 'submitted', label: msg.statistics.submitted, format: 'count' }],
    rows: [
      ...items.map((item, i): StatRow => ({
        key: item.key,
        label: item.label,
        values: [cells[i] ?? null],
      })),
      { key: 'total', label: totalLabel, values: [total], total: true },
    ],
  };
}

type TrustRow = { key: string; label: string; a: Aggregates | undefined };

function decisionsTable(rows: TrustRow[], overall: Aggregates, totalLabel: string): StatTable {
  const s = msg.statistics;
  const raw = rows.map((r) => [
    r.a?.approved ?? 0,
    r.a?.approvedWithConditions ?? 0,
    r.a?.rejected ?? 0,
  ]);
  const grid = suppressGrid(raw);
  const line = (
    key: string,
    label: string,
    cells: Shown[],
    decided: Shown,
    a: { approved: number; approvedWithConditions: number; decided: number },
    total?: boolean,
  ): StatRow => {
    const row = [...cells, decided];
    return {
      key,
      label,
      total,
      values: [...row, suppressedRate(a.approved + a.approvedWithConditions, a.decided, row)],
    };
  };
  const zero = { approved: 0, approvedWithConditions: 0, decided: 0 };
  return {
    id: 'decisions',
    title: s.sections.decisions,
    labelHeader: s.trust,
    columns: [
      { key: 'approved', label: msg.outcomes.approved, format: 'count' },
      {
        key: 'approvedWithConditions',
        label: msg.outcomes.approvedWithConditions,
        format: 'count',
      },
      { key: 'rejected', label: msg.outcomes.rejected, format: 'count' },
      { key: 'decided', label: s.decided, format: 'count' },
      { key: 'approvalRate', label: s.approvalRate, format: 'percent' },
    ],
    rows: [
      ...rows.map((r, i) =>
        line(r.key, r.label, grid.cells[i] ?? [], grid.rowTotals[i] ?? null, r.a ?? zero),
      ),
      line('total', totalLabel, grid.columnTotals, grid.total, overall, true),
    ],
  };
}

const days = (seconds: number | null) => (seconds === null ? null : seconds / DAY);

function stagesTable(overall: Aggregates): StatTable {
  const s = msg.statistics;
  return {
    id: 'stages',
    title: s.sections.stages,
    labelHeader: s.stage,
    columns: [
      { key: 'n', label: s.cases, format: 'count' },
      { key: 'median', label: s.median, format: 'days' },
      { key: 'p90', label: s.p90, format: 'days' },
    ],
    rows: STAGES.map((stage) => {
      const t = overall.stages[stage];
      return {
        key: stage,
        label: s.stages[stage],
        total: stage === 'total',
        values: [
          suppressBreakdown([t.n]).total,
          suppressBySize(days(t.median), t.n),
          suppressBySize(days(t.p90), t.n),
        ],
      };
    }),
  };
}

/** The stage clocks' median times per trust (BRIEF §5): a median column per stage. */
function stagesByTrustTable(rows: TrustRow[], overall: Aggregates, totalLabel: string): StatTable {
  const s = msg.statistics;
  const medians = (a: Aggregates | undefined) =>
    STAGES.map((stage) =>
      a ? suppressBySize(days(a.stages[stage].median), a.stages[stage].n) : null,
    );
  return {
    id: 'stagesByTrust',
    title: s.sections.stagesByTrust,
    labelHeader: s.trust,
    columns: STAGES.map((stage) => ({
      key: stage,
      label: s.medianOf(s.stages[stage]),
      format: 'days' as const,
    })),
    rows: [
      ...rows.map((r) => ({ key: r.key, label: r.label, values: medians(r.a) })),
      { key: 'total', label: totalLabel, values: medians(overall), total: true },
    ],
  };
}

function followUpTable(rows: TrustRow[], overall: Aggregates, totalLabel: string): StatTable {
  const s = msg.statistics;
  const grid = suppressGrid(rows.map((r) => [r.a?.continued ?? 0, r.a?.stopped ?? 0]));
  const line = (
    key: string,
    label: string,
    cells: Shown[],
    sum: Shown,
    continued: number,
    stopped: number,
    total?: boolean,
  ): StatRow => {
    const row = [...cells, sum];
    return {
      key,
      label,
      total,
      values: [...row, suppressedRate(continued, continued + stopped, row)],
    };
  };
  return {
    id: 'followUp',
    title: s.sections.followUp,
    labelHeader: s.trust,
    columns: [
      { key: 'continued', label: s.continued, format: 'count' },
      { key: 'stopped', label: s.stopped, format: 'count' },
      { key: 'followedUp', label: s.followedUp, format: 'count' },
      { key: 'continuedShare', label: s.continuedShare, format: 'percent' },
    ],
    rows: [
      ...rows.map((r, i) =>
        line(
          r.key,
          r.label,
          grid.cells[i] ?? [],
          grid.rowTotals[i] ?? null,
          r.a?.continued ?? 0,
          r.a?.stopped ?? 0,
        ),
      ),
      line(
        'total',
        totalLabel,
        grid.columnTotals,
        grid.total,
        overall.continued,
        overall.stopped,
        true,
      ),
    ],
  };
}

export type StatisticsPage =
  | {
      ok: true;
      values: Record<FilterField, string>;
      trusts: TrustOption[];
      statistics: Statistics;
    }
  | {
      ok: false;
      values: Record<FilterField, string>;
      errors: Partial<Record<FilterField, FilterError>>;
      trusts: TrustOption[];
    };

/** Today's date in Norwegian time, `YYYY-MM-DD`. */
const osloToday = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);

/** The statistics page for a query string: the filters (or their errors) and every section. */
export async function statisticsPage(
  db: Db,
  actor: TenantScope,
  query: URLSearchParams,
  now = new Date(),
): Promise<StatisticsPage> {
  const trustList = await listTrusts(db, actor);
  const parsed = parseFilters(query, osloToday(now));
  if (!parsed.ok) return { ...parsed, trusts: trustList };
  const { filters, values } = parsed;
  if (filters.trust && !trustList.some((t) => t.code === filters.trust)) {
    return { ok: false, values, errors: { helseforetak: 'trustInvalid' }, trusts: trustList };
  }
  return {
    ok: true,
    values,
    trusts: trustList,
    statistics: await loadStatistics(db, actor, filters, trustList),
  };
}

/** One section as a spreadsheet (exceljs): a sheet with the table, «<5» where suppressed. */
export async function sectionToXlsx(table: StatTable, filters: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = msg.statistics.exportTitle;
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[:\\/?*[\]]/g, ' '));
  sheet.addRow([table.title]).font = { bold: true };
  sheet.addRow([filters]);
  sheet.addRow([]);
  sheet.addRow([table.labelHeader, ...table.columns.map((c) => c.label)]).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([
      row.label,
      ...table.columns.map((column, i) => {
        const value = row.values[i] ?? null;
        return value === null ? SUPPRESSED_TEXT : exportNumber(value, column.format);
      }),
    ]);
    if (row.total) added.font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow([msg.statistics.suppressionNote]);
  sheet.getColumn(1).width = 40;
  for (let c = 2; c <= table.columns.length + 1; c += 1) sheet.getColumn(c).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-line description of the filters for the export's heading. */
export function describeFilters(values: Record<FilterField, string>): string {
  return FILTER_FIELDS.filter((f) => values[f] !== '')
    .map((f) => `${f}=${values[f]}`)
    .join(', ');
}
