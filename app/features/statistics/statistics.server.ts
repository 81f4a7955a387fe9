import { and, asc, eq, gte, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  executeNamed,
  inTenant,
  type Db,
  type TenantScope,
  type Tx,
} from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  caseSummaries,
  festAtcCodes,
  statisticsAtcGroupStageHistograms,
  statisticsAtcStageHistograms,
  statisticsAtcVolumes,
  statisticsSchemeStageHistograms,
  statisticsSchemeVolumes,
  statisticsStageHistograms,
  statisticsSubmissions,
  statisticsVolumes,
  trusts,
} from '../../db/schema';
import { msg } from '../../i18n';
import type { Scheme } from '../cases/domain/application';
import { SCHEMES } from '../cases/domain/application';
import ExcelJS from 'exceljs';
import {
  grainRanges,
  summarizeHistogramRows,
  type GrainRange,
  type HistogramSummary,
  type PeriodRanges,
} from './domain/aggregates';
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
  suppressColumns,
  suppressedRate,
  suppressGrid,
  type Shown,
} from './domain/suppression';
import {
  exportNumber,
  STAGES,
  type SectionId,
  type Stage,
  type StatRow,
  type StatTable,
} from './domain/tables';
import { dateInNorway, norwegianDate } from '../cases/domain/dates';

/**
 * The national statistics (BRIEF §4.11, §5 stage clocks): sums over the precomputed aggregates
 * (ADR 0015), derived from `case_summaries` only (never `cases`: the privacy rule), read with the
 * trust list in one statement (`readFigures`), then suppressed (domain/suppression.ts) before
 * anything leaves the server. Each query reads the coarsest aggregate that still has the dimensions its filters and
 * groupings need, and whole years wherever it does not show months.
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
  /** Ended without a decision: not endorsed by the leader, withdrawn by the applicant. */
  notEndorsed: number;
  withdrawn: number;
  stages: Record<Stage, { n: number; median: number | null; p90: number | null }>;
}

/** The trusts that own cases (helseforetak), by name, for the filter. */
function listTrusts(tx: Tx) {
  return tx
    .select({ id: trusts.id, code: trusts.code, name: trusts.name })
    .from(trusts)
    .where(eq(trusts.kind, 'HF'))
    .orderBy(asc(trusts.name));
}

/** The sum of a count over the rows of a period, each row counted in or out by its `sign`. */
const sumOf = (column: AnyColumn, sign: SQL, name: string) =>
  sql<number>`coalesce(sum(${column} * ${sign}), 0)::int`.as(name);

/** The counts of a selection, summed from `statistics_volumes` or `statistics_scheme_volumes`. */
const countsOf = (v: typeof statisticsVolumes | typeof statisticsSchemeVolumes, sign: SQL) => ({
  submitted: sumOf(v.submitted, sign, 'submitted'),
  decided: sumOf(v.decided, sign, 'decided'),
  approved: sumOf(v.approved, sign, 'approved'),
  approvedWithConditions: sumOf(v.approvedWithConditions, sign, 'approvedWithConditions'),
  rejected: sumOf(v.rejected, sign, 'rejected'),
  continued: sumOf(v.continued, sign, 'continued'),
  stopped: sumOf(v.stopped, sign, 'stopped'),
  notEndorsed: sumOf(v.notEndorsed, sign, 'notEndorsed'),
  withdrawn: sumOf(v.withdrawn, sign, 'withdrawn'),
});

type Counts = Omit<Aggregates, 'stages'>;
const NO_COUNTS: Counts = {
  submitted: 0,
  decided: 0,
  approved: 0,
  approvedWithConditions: 0,
  rejected: 0,
  continued: 0,
  stopped: 0,
  notEndorsed: 0,
  withdrawn: 0,
};

/**
 * An `atc5` column (at most five letters and digits) starting with `prefix` (letters and digits,
 * `filters.ts`): `like` says it exactly, and the same as a range lets a B-tree with the code in
 * its key read only the prefix's rows whatever the database's collation (`like` alone can use an
 * index only under the C collation).
 */
const atc5Prefix = (column: AnyColumn, prefix: string) =>
  and(gte(column, prefix), lte(column, `${prefix}ZZZZ`), like(column, `${prefix}%`));

/**
 * The aggregate rows of a period (ADR 0015): `where` selects the rows of its whole years (or
 * months) and days, `sign` is 1 for a row counted in and −1 for a row counted out (the days after
 * the period in a year or month read whole, `grainRanges`).
 */
function inPeriod(
  table: { grain: AnyColumn; period: AnyColumn },
  ranges: PeriodRanges,
): { where: SQL | undefined; sign: SQL } {
  const rows = (list: GrainRange[]) =>
    list.map(
      (r) =>
        sql`(${table.grain} = ${r.grain} and ${table.period} >= ${r.from}::date and ${table.period} < ${r.until}::date)`,
    );
  const subtracted = or(...rows(ranges.subtract));
  return {
    where: or(...rows(ranges.add), ...rows(ranges.subtract)),
    sign: subtracted ? sql`(case when ${subtracted} then -1 else 1 end)` : sql`1`,
  };
}

const SECONDS_PER_TENTH = DAY / 10;

/** Count, median and 90th percentile (seconds) of every stage from its histogram's summary. */
function stagesOf(summaries: Map<string, HistogramSummary> | undefined): Aggregates['stages'] {
  const seconds = (tenths: number | null | undefined) =>
    tenths === null || tenths === undefined ? null : tenths * SECONDS_PER_TENTH;
  return Object.fromEntries(
    STAGES.map((stage) => {
      const summary = summaries?.get(stage);
      if (!summary) return [stage, { n: 0, median: null, p90: null }];
      const [median, p90] = summary.percentiles;
      return [stage, { n: summary.n, median: seconds(median), p90: seconds(p90) }];
    }),
  ) as Aggregates['stages'];
}

const stageRow = z.object({
  /** The trust's id, the key `summarizeHistogramRows` sums per. */
  key: z.string(),
  stage: z.string(),
  /** 1 for a histogram counted in, −1 for one counted out (`inPeriod`). */
  sign: z.number(),
  /**
   * The `[tenths, n]` pairs as the text of a two-dimensional `integer` array (`{{80,1},{410,2}}`),
   * read in place by `summarizeHistogramRows` (which refuses anything else): a view sums tens of
   * thousands of pairs.
   */
  histogram: z.string(),
});

/** The rows of histogram table `t` in `ranges` that `conditions` select, as `stageRow`s. */
function histogramRows(
  t:
    | typeof statisticsStageHistograms
    | typeof statisticsSchemeStageHistograms
    | typeof statisticsAtcStageHistograms
    | typeof statisticsAtcGroupStageHistograms,
  ranges: PeriodRanges,
  ...conditions: (SQL | undefined)[]
): SQL {
  const period = inPeriod(t, ranges);
  return sql`select ${t.trustId} as key, ${t.stage} as stage, ${period.sign} as sign,
    ${t.histogram}::text as histogram from ${t} where ${and(period.where, ...conditions)}`;
}

/**
 * The stage-time histograms (tenths of a day) of the period, one row per trust, stage and whole
 * year, month or day: from `statistics_stage_histograms` without a filter other than the trust,
 * from `statistics_scheme_stage_histograms` with a scheme or scope filter, and with an ATC filter
 * from `statistics_atc_group_stage_histograms` (the group's own rows) or, with a scheme or scope
 * filter as well, `statistics_atc_stage_histograms` (per ATC code, scheme and scope); summed per
 * trust and in total by `summarizeHistogramRows`. The ATC tables have whole months and years only, so
 * with an ATC filter the days at the period's edges are counted from their `case_summaries` rows
 * with the same rounding.
 */
function stageHistogramQuery(
  filters: StatisticsFilters,
  trustId: SQL | undefined,
  ranges: PeriodRanges,
): SQL {
  if (!filters.atc) {
    const t =
      filters.scheme || filters.scope ? statisticsSchemeStageHistograms : statisticsStageHistograms;
    const s = statisticsSchemeStageHistograms;
    // The scheme and scope columns are only named when `t` is the table that has them.
    return histogramRows(
      t,
      ranges,
      filters.scheme ? eq(s.scheme, filters.scheme) : undefined,
      filters.scope ? eq(s.patientScope, filters.scope) : undefined,
      trustId ? eq(t.trustId, trustId) : undefined,
    );
  }
  const isDays = (r: GrainRange) => r.grain === 'day';
  const whole: PeriodRanges = {
    add: ranges.add.filter((r) => !isDays(r)),
    subtract: ranges.subtract.filter((r) => !isDays(r)),
  };
  const days: PeriodRanges = {
    add: ranges.add.filter(isDays),
    subtract: ranges.subtract.filter(isDays),
  };
  const parts: SQL[] = [];
  if (whole.add.length > 0 && !filters.scheme && !filters.scope) {
    const g = statisticsAtcGroupStageHistograms;
    parts.push(
      histogramRows(
        g,
        whole,
        eq(g.atcGroup, filters.atc),
        trustId ? eq(g.trustId, trustId) : undefined,
      ),
    );
  } else if (whole.add.length > 0) {
    const h = statisticsAtcStageHistograms;
    parts.push(
      histogramRows(
        h,
        whole,
        atc5Prefix(h.atc5, filters.atc),
        filters.scheme ? eq(h.scheme, filters.scheme) : undefined,
        filters.scope ? eq(h.patientScope, filters.scope) : undefined,
        trustId ? eq(h.trustId, trustId) : undefined,
      ),
    );
  }
  if (days.add.length > 0) {
    const c = caseSummaries;
    const within = (list: GrainRange[]) =>
      or(
        ...list.map(
          (r) => sql`(${c.submittedAt} >= (${r.from}::date)::timestamp at time zone 'Europe/Oslo'
            and ${c.submittedAt} < (${r.until}::date)::timestamp at time zone 'Europe/Oslo')`,
        ),
      );
    const subtracted = within(days.subtract);
    const sign = subtracted ? sql`(case when ${subtracted} then -1 else 1 end)` : sql`1`;
    const where = and(
      // Not `like`: the planner would combine the ATC prefix index with the days' index and read
      // every case of the group; the days are the selective part.
      sql`left(${c.atcCode}, ${filters.atc.length}) = ${filters.atc}`,
      within([...days.add, ...days.subtract]),
      filters.scheme ? eq(c.scheme, filters.scheme) : undefined,
      filters.scope ? eq(c.patientScope, filters.scope) : undefined,
      trustId ? eq(c.trustId, trustId) : undefined,
    );
    parts.push(sql`select b.trust_id as key, b.stage, b.sign,
        array_agg(array[b.tenths, b.n])::text as histogram
      from (select ${c.trustId} as trust_id, t.stage, ${sign} as sign, t.tenths, count(*)::int as n
        from ${c} cross join lateral statistics_stage_tenths(${c.stageSeconds}, ${c.processingSeconds}) t
        where ${where} group by 1, 2, 3, 4) b
      group by 1, 2, 3`);
  }
  return sql.join(parts, sql` union all `);
}

/** A subquery's rows as one JSON array (`[]` for none), in `order` if given. */
const jsonRows = (query: SQL, order?: SQL) =>
  sql`(select coalesce(json_agg(q${order ? sql` order by ${order}` : sql``}), '[]'::json) from (${query}) q)`;

const countsRow = {
  submitted: z.number(),
  decided: z.number(),
  approved: z.number(),
  approvedWithConditions: z.number(),
  rejected: z.number(),
  continued: z.number(),
  stopped: z.number(),
  notEndorsed: z.number(),
  withdrawn: z.number(),
};

/** Everything the page reads, as the one row of `readFigures`. */
const figuresRow = z.object({
  trusts: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  series: z.array(z.object({ bucket: z.string(), n: z.number() })),
  groups: z.array(
    z.object({
      gTrust: z.number(),
      gScheme: z.number(),
      trustId: z.string().nullable(),
      scheme: z.string().nullable(),
      ...countsRow,
    }),
  ),
  atcGroups: z.array(
    z.object({ atcGroup: z.string(), submitted: z.number(), name: z.string().nullable() }),
  ),
  stageRows: z.array(stageRow),
});
type Figures = z.infer<typeof figuresRow>;

/**
 * The trust list and the four aggregate queries of the filters (the time series, the grouping
 * sets by trust and by scheme, the ATC groups, the stage histograms) as one statement returning
 * one row of JSON arrays: one round trip instead of five. The trust filter is resolved from its
 * code in SQL; an unknown code selects nothing (the caller refuses it).
 */
async function readFigures(tx: Tx, filters: StatisticsFilters, today: string): Promise<Figures> {
  const trustId = filters.trust
    ? sql`(select ${trusts.id} from ${trusts} where ${trusts.code} = ${filters.trust} and ${trusts.kind} = 'HF')`
    : undefined;
  const ranges = (coarsest: 'month' | 'year') =>
    grainRanges(filters.from, filters.to, coarsest, today);
  const byYear = ranges('year');
  // The time series reads months, unless it is shown by year.
  const seriesRanges = filters.granularity === 'year' ? byYear : ranges('month');
  // Without an ATC filter the counts come from the table without the ATC code.
  const v = filters.atc ? statisticsVolumes : statisticsSchemeVolumes;
  // Submissions per ATC code: without the trust, unless a trust is chosen (the ATC groups, and the
  // time series with an ATC filter).
  const a = trustId ? statisticsVolumes : statisticsAtcVolumes;
  /** The rows of `t` in `period` that the filters select (`t` has the trust when one is chosen). */
  const volumes = (t: typeof v | typeof a | typeof statisticsSubmissions, period: PeriodRanges) => {
    const { where, sign } = inPeriod(t, period);
    return {
      sign,
      where: and(
        where,
        trustId && 'trustId' in t ? eq(t.trustId, trustId) : undefined,
        filters.scheme ? eq(t.scheme, filters.scheme) : undefined,
        filters.scope ? eq(t.patientScope, filters.scope) : undefined,
        filters.atc && 'atc5' in t ? atc5Prefix(t.atc5, filters.atc) : undefined,
      ),
    };
  };
  // The time series sums submissions only: from the table without the trust and the ATC code
  // unless a trust or an ATC code is filtered by.
  const seriesTable = filters.atc ? a : trustId ? v : statisticsSubmissions;
  const seriesVolumes = volumes(seriesTable, seriesRanges);
  const yearVolumes = volumes(v, byYear);
  const atcVolumes = volumes(a, byYear);
  // Whitelisted values only (zod enums) go into the SQL text.
  const unit = sql.raw(`'${filters.granularity}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${seriesTable.period}::timestamp), 'YYYY-MM-DD')`;

  const trustList = listTrusts(tx).getSQL();
  const series = tx
    .select({
      bucket: bucket.as('bucket'),
      n: sumOf(seriesTable.submitted, seriesVolumes.sign, 'n'),
    })
    .from(seriesTable)
    .where(seriesVolumes.where)
    .groupBy(sql`1`)
    .getSQL();
  const groups = tx
    .select({
      gTrust: sql<number>`grouping(${v.trustId})`.as('gTrust'),
      gScheme: sql<number>`grouping(${v.scheme})`.as('gScheme'),
      trustId: sql<string | null>`${v.trustId}`.as('trustId'),
      scheme: sql<string | null>`${v.scheme}`.as('scheme'),
      ...countsOf(v, yearVolumes.sign),
    })
    .from(v)
    .where(yearVolumes.where)
    .groupBy(sql`grouping sets ((${v.trustId}), (${v.scheme}), ())`)
    .getSQL();
  const atcGroupCounts = tx
    .select({
      atcGroup: sql<string>`left(${a.atc5}, ${sql.raw(filters.atcLevel)})`.as('atcGroup'),
      submitted: sumOf(a.submitted, atcVolumes.sign, 'submitted'),
    })
    .from(a)
    .where(atcVolumes.where)
    .groupBy(sql`1`)
    .getSQL();
  // Each group with its name in FEST's ATC code system (none for a code FEST does not name).
  const atcGroups = sql`select g."atcGroup", g.submitted, ${festAtcCodes.name} as name
    from (${atcGroupCounts}) g left join ${festAtcCodes} on ${festAtcCodes.id} = g."atcGroup"`;
  const stageRows = stageHistogramQuery(filters, trustId, byYear);
  const [row] = rowsOf(
    await executeNamed(
      tx,
      sql`select ${jsonRows(trustList, sql`q.name`)} as trusts,
      ${jsonRows(series)} as series, ${jsonRows(groups)} as groups,
      ${jsonRows(atcGroups)} as "atcGroups", ${jsonRows(stageRows)} as "stageRows"`,
    ),
    figuresRow,
  );
  if (!row) throw new Error('The statistics statement returned no row');
  return row;
}

/** Every section of the statistics for the figures read, suppressed. */
function buildStatistics(
  filters: StatisticsFilters,
  { trusts: trustList, series, groups, atcGroups, stageRows }: Figures,
): Statistics {
  const trust = filters.trust ? trustList.find((t) => t.code === filters.trust) : undefined;
  // Per trust and stage, and per stage nationally (key ''): n, median and p90 in tenths of a day.
  const stageBins = summarizeHistogramRows(stageRows, [0.5, 0.9]);
  const byTrust = new Map<string, Aggregates>();
  const byScheme = new Map<string, Counts>();
  // A group whose cases all fall after the period in its year nets to 0: not a group of the period.
  const byAtc = new Map(
    atcGroups.filter((row) => row.submitted !== 0).map((row) => [row.atcGroup, row]),
  );
  let overall: Aggregates = { ...NO_COUNTS, stages: stagesOf(stageBins.get('')) };
  for (const { gTrust, gScheme, trustId, scheme, ...rowCounts } of groups) {
    const g = [gTrust, gScheme].join('');
    if (g === '01' && trustId) {
      byTrust.set(trustId, { ...rowCounts, stages: stagesOf(stageBins.get(trustId)) });
    } else if (g === '10' && scheme) byScheme.set(scheme, rowCounts);
    else if (g === '11') overall = { ...rowCounts, stages: overall.stages };
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
      .map(([code, { submitted, name }]) => ({
        key: code || 'unknown',
        label: code ? [code, name].filter(Boolean).join(' ') : s.unknownAtc,
        n: submitted,
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
        values: [cells[i] ?? 'none'],
      })),
      { key: 'total', label: totalLabel, values: [total], total: true },
    ],
  };
}

type TrustRow = { key: string; label: string; a: Aggregates | undefined };

/**
 * The decisions per trust (a grid with the decided as its row totals, and the approval rate), and
 * beside them the cases that ended without one: not endorsed, withdrawn (each column suppressed
 * with its total: no row total of theirs is shown).
 */
function decisionsTable(rows: TrustRow[], overall: Aggregates, totalLabel: string): StatTable {
  const s = msg.statistics;
  const raw = rows.map((r) => [
    r.a?.approved ?? 0,
    r.a?.approvedWithConditions ?? 0,
    r.a?.rejected ?? 0,
  ]);
  const grid = suppressGrid(raw);
  const ended = suppressColumns(
    rows.map((r) => [r.a?.notEndorsed ?? 0, r.a?.withdrawn ?? 0]),
    2,
  );
  const line = (
    key: string,
    label: string,
    cells: Shown[],
    decided: Shown,
    endedCells: Shown[],
    a: { approved: number; approvedWithConditions: number; decided: number },
    total?: boolean,
  ): StatRow => {
    const row = [...cells, decided];
    return {
      key,
      label,
      total,
      values: [
        ...row,
        ...endedCells,
        suppressedRate(a.approved + a.approvedWithConditions, a.decided, row),
      ],
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
      { key: 'notEndorsed', label: msg.statuses.notEndorsed, format: 'count' },
      { key: 'withdrawn', label: msg.statuses.withdrawn, format: 'count' },
      { key: 'approvalRate', label: s.approvalRate, format: 'percent' },
    ],
    rows: [
      ...rows.map((r, i) =>
        line(
          r.key,
          r.label,
          grid.cells[i] ?? [],
          grid.rowTotals[i] ?? 'none',
          ended.cells[i] ?? [],
          r.a ?? zero,
        ),
      ),
      line('total', totalLabel, grid.columnTotals, grid.total, ended.totals, overall, true),
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
      a ? suppressBySize(days(a.stages[stage].median), a.stages[stage].n) : 'none',
    );
  return {
    id: 'stagesByTrust',
    title: s.sections.stagesByTrust,
    labelHeader: s.trust,
    columns: STAGES.map((stage) => ({
      key: stage,
      label: s.medianOf(s.stages[stage]),
      short: s.stagesShort[stage],
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
          grid.rowTotals[i] ?? 'none',
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

/**
 * The statistics page for a query string: the filters (or their errors) and every section, read
 * in one transaction.
 */
export async function statisticsPage(
  db: Db,
  actor: TenantScope,
  query: URLSearchParams,
  now = new Date(),
): Promise<StatisticsPage> {
  const today = dateInNorway(now);
  const parsed = parseFilters(query, today);
  // One statement, named by its text: its best plan depends on the filters' values.
  return inTenant(
    db,
    actor,
    async (tx): Promise<StatisticsPage> => {
      if (!parsed.ok) return { ...parsed, trusts: await listTrusts(tx) };
      const { filters, values } = parsed;
      const figures = await readFigures(tx, filters, today);
      const trustList = figures.trusts;
      if (filters.trust && !trustList.some((t) => t.code === filters.trust)) {
        return { ok: false, values, errors: { helseforetak: 'trustInvalid' }, trusts: trustList };
      }
      return { ok: true, values, trusts: trustList, statistics: buildStatistics(filters, figures) };
    },
    { customPlans: true },
  );
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
        const value = row.values[i] ?? 'none';
        return typeof value === 'number'
          ? exportNumber(value, column.format)
          : msg.statistics.withheld[value];
      }),
    ]);
    if (row.total) added.font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow([msg.statistics.suppressionNote]);
  if (table.id === 'stages' || table.id === 'stagesByTrust') {
    sheet.addRow([msg.statistics.retrospectiveNote]);
  }
  sheet.getColumn(1).width = 40;
  for (let c = 2; c <= table.columns.length + 1; c += 1) sheet.getColumn(c).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A one-line description of the filters for the export's heading, as the page's form names them
 * («Fra dato: 01.01.2025, Helseforetak: Helse Bergen HF, …»); for valid filters only.
 */
export function describeFilters(
  values: Record<FilterField, string>,
  trusts: readonly TrustOption[],
): string {
  const s = msg.statistics;
  const label = <K extends string>(labels: Record<K, string>, value: string) =>
    value in labels ? labels[value as K] : value;
  const described: Record<FilterField, [string, string]> = {
    fra: [s.from, values.fra && norwegianDate(values.fra)],
    til: [s.to, values.til && norwegianDate(values.til)],
    helseforetak: [
      s.trustFilter,
      trusts.find((t) => t.code === values.helseforetak)?.name ?? values.helseforetak,
    ],
    ordning: [s.schemeFilter, label(msg.schemes, values.ordning)],
    omfang: [s.scopeFilter, label(msg.patientScopes, values.omfang)],
    atc: [s.atcFilter, values.atc],
    atcniva: [s.atcLevel, label(s.atcLevels, values.atcniva)],
    inndeling: [s.granularity, label(s.granularities, values.inndeling)],
  };
  return FILTER_FIELDS.filter((f) => values[f] !== '')
    .map((f) => described[f].join(': '))
    .join(', ');
}
