import { parse, type Options } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { msg } from '../../i18n';
import { norwegianDate } from '../cases/domain/dates';
import {
  emptyRetroValues,
  normaliseWord,
  RETRO_COLUMNS,
  SHEET_LIMITS,
  type RetroColumn,
  type RetroValues,
  type SheetRow,
} from './domain/retrospective';
import { checkZip } from './zip.server';

/**
 * Reading and writing etterregistrering spreadsheets: CSV (`;` or `,`, with or without a BOM) and
 * XLSX (the first sheet). Row 1 is the header; columns are found by their Norwegian heading (or the
 * column key), in any order. Row numbers are the spreadsheet's own, so the report points at them.
 */

export type SheetError =
  'empty' | 'tooLarge' | 'tooLargeUnpacked' | 'tooManyRows' | 'unreadable' | 'fileType';
export type SheetParse =
  { ok: true; rows: SheetRow[]; missing: RetroColumn[] } | { ok: false; error: SheetError };

const HEADINGS = new Map<string, RetroColumn>(
  RETRO_COLUMNS.flatMap((c) => [
    [normaliseWord(msg.retrospective.columns[c]), c] as const,
    [normaliseWord(c), c] as const,
  ]),
);

/** The columns a file must have (the others may be left out). */
const REQUIRED_COLUMNS: readonly RetroColumn[] = [
  'department',
  'scheme',
  'patientScope',
  'mainDiagnosis',
  'submittedDate',
  'decidedDate',
  'outcome',
  'reason',
];

/** Turns a header row and data rows (cells as text) into sheet rows, skipping blank rows. */
function toRows(header: readonly string[], data: readonly { row: number; cells: string[] }[]) {
  const positions = header.map((h) => HEADINGS.get(normaliseWord(h)) ?? null);
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.includes(c));
  const rows: SheetRow[] = [];
  for (const { row, cells } of data) {
    if (cells.every((c) => c.trim() === '')) continue;
    const values: RetroValues = emptyRetroValues();
    positions.forEach((column, i) => {
      if (column) values[column] = (cells[i] ?? '').trim();
    });
    rows.push({ row, values });
  }
  return { rows, missing };
}

function limited(result: { rows: SheetRow[]; missing: RetroColumn[] }): SheetParse {
  if (result.rows.length === 0) return { ok: false, error: 'empty' };
  if (result.rows.length > SHEET_LIMITS.rows) return { ok: false, error: 'tooManyRows' };
  return { ok: true, ...result };
}

/** Parses a CSV file. The delimiter is the header line's: `;` when it has one, else `,`. */
export function parseCsv(bytes: Uint8Array): SheetParse {
  if (bytes.byteLength > SHEET_LIMITS.bytes) return { ok: false, error: 'tooLarge' };
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const options: Options = {
    delimiter: firstLine.includes(';') ? ';' : ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  };
  let records: string[][];
  try {
    records = parse(text, options);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, error: 'empty' };
  return limited(
    toRows(
      header,
      data.map((cells, i) => ({ row: i + 2, cells })),
    ),
  );
}

/**
 * A cell's value as text; date cells become dd.mm.åååå, as the user saw them in Excel and as the
 * import report shows them (Excel dates are read as UTC midnight).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return norwegianDate(value.toISOString().slice(0, 10));
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value && value.result !== undefined ? cellText(value.result) : '';
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Parses the first sheet of an XLSX file, once the archive is known to unpack within the limits
 * (`checkZip`, before ExcelJS inflates anything).
 */
export async function parseXlsx(bytes: Uint8Array): Promise<SheetParse> {
  if (bytes.byteLength > SHEET_LIMITS.bytes) return { ok: false, error: 'tooLarge' };
  const zip = checkZip(bytes, SHEET_LIMITS);
  if (zip !== 'ok') return { ok: false, error: zip };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    return { ok: false, error: 'unreadable' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: 'empty' };
  if (sheet.actualRowCount > SHEET_LIMITS.rows + 1) return { ok: false, error: 'tooManyRows' };
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const all: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    all.push({ row: rowNumber, cells: cellsOf(row) });
  });
  const [first, ...data] = all;
  if (first?.row !== 1) return { ok: false, error: 'empty' };
  return limited(toRows(first.cells, data));
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Parses an uploaded file by its content: a ZIP is XLSX; text is CSV. */
export async function parseSpreadsheet(bytes: Uint8Array): Promise<SheetParse> {
  if (bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (bytes.byteLength > SHEET_LIMITS.bytes) return { ok: false, error: 'tooLarge' };
  if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) return parseXlsx(bytes);
  // Binary that is not XLSX (an old .xls, a PDF): refused rather than read as text.
  if (bytes.subarray(0, 512).includes(0)) return { ok: false, error: 'fileType' };
  return parseCsv(bytes);
}

/** The template's example row (department: the trust's first). */
export function exampleRow(department: string): RetroValues {
  return { ...msg.retrospective.example, department };
}

const headings = () => RETRO_COLUMNS.map((c) => msg.retrospective.columns[c]);

/** The XLSX template: the header and one example row, and a sheet explaining every column. */
export async function xlsxTemplate(department: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(msg.retrospective.template.sheetCases);
  sheet.addRow(headings()).font = { bold: true };
  const example = exampleRow(department);
  sheet.addRow(RETRO_COLUMNS.map((c) => example[c]));
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet(msg.retrospective.template.sheetHelp);
  help.addRow([...msg.retrospective.template.helpHeader]).font = { bold: true };
  for (const c of RETRO_COLUMNS) {
    help.addRow([
      msg.retrospective.columns[c],
      REQUIRED_COLUMNS.includes(c)
        ? msg.retrospective.template.required
        : msg.retrospective.template.optional,
      msg.retrospective.columnHelp[c],
    ]);
  }
  help.addRow([]);
  for (const line of msg.retrospective.template.notes) help.addRow([line]);
  help.getColumn(1).width = 28;
  help.getColumn(2).width = 12;
  help.getColumn(3).width = 100;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: string) =>
  /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** The CSV template: UTF-8 with a BOM (so Excel reads æøå), semicolons, header and example row. */
export function csvTemplate(department: string): string {
  const example = exampleRow(department);
  const lines = [headings(), RETRO_COLUMNS.map((c) => example[c])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
