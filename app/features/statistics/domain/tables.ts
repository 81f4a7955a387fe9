import type { Shown, Withheld } from './suppression';

/**
 * One section of the statistics as a table: what the page shows beside its chart and what the
 * export writes, with the same (suppressed) numbers.
 */

export const SECTIONS = [
  'time',
  'trust',
  'scheme',
  'atc',
  'decisions',
  'stages',
  'stagesByTrust',
  'followUp',
] as const;
export type SectionId = (typeof SECTIONS)[number];

/** The stages whose times are published; `total` is submission → first decision. */
export const STAGES = [
  'submitted',
  'endorsed',
  'underAssessment',
  'recommended',
  'inConsultation',
  'awaitingInformation',
  'atInterregionalCommittee',
  'total',
] as const;
export type Stage = (typeof STAGES)[number];

export type ValueFormat = 'count' | 'percent' | 'days';

export interface StatColumn {
  key: string;
  /** The column's name in full: the exports' header. */
  label: string;
  /**
   * A shorter name for the page's table header and the chart's legend, where the section's title
   * says the rest (a wide table's headers fit the page at 1280 px); the exports keep `label`.
   */
  short?: string;
  format: ValueFormat;
}

export interface StatRow {
  key: string;
  label: string;
  values: Shown[];
  /** The total row (national, or of the chosen trust). */
  total?: boolean;
}

export interface StatTable {
  id: SectionId;
  title: string;
  /** The header of the first column (period, trust, scheme, …). */
  labelHeader: string;
  columns: StatColumn[];
  rows: StatRow[];
}

/** What is written for a withheld value (`msg.statistics.withheld`: «<5», «skjult», «–»). */
export type WithheldText = Readonly<Record<Withheld, string>>;

/** A value as text in Norwegian notation: 1 234, 57,1 %, 12,5; or why it is withheld. */
export function formatValue(value: Shown, format: ValueFormat, withheld: WithheldText): string {
  if (typeof value !== 'number') return withheld[value];
  if (format === 'count') return counts.format(value);
  if (format === 'percent') return `${oneDecimal(value * 100)}\u00a0%`;
  return oneDecimal(value);
}

// Built once: building an Intl formatter costs far more than formatting with it.
const counts = new Intl.NumberFormat('nb-NO');
const decimals = new Intl.NumberFormat('nb-NO', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const oneDecimal = (n: number) => decimals.format(n);

/** A number for a spreadsheet: counts whole, shares in percent, days with one decimal. */
export function exportNumber(value: number, format: ValueFormat): number {
  if (format === 'count') return value;
  const scaled = format === 'percent' ? value * 100 : value;
  return Math.round(scaled * 10) / 10;
}

const csvField = (text: string) =>
  /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/**
 * The table as CSV the way Norwegian Excel opens it: a byte-order mark, semicolons, decimal
 * commas, CRLF line ends; withheld values as `withheld` says.
 */
export function tableToCsv(table: StatTable, withheld: WithheldText): string {
  const header = [table.labelHeader, ...table.columns.map((c) => c.label)];
  const lines = table.rows.map((row) => [
    row.label,
    ...table.columns.map((column, i) => {
      const value = row.values[i] ?? 'none';
      return typeof value === 'number'
        ? String(exportNumber(value, column.format)).replace('.', ',')
        : withheld[value];
    }),
  ]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(csvField).join(';')).join('\r\n')}\r\n`;
}
