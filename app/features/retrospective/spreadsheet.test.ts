import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { msg } from '../../i18n';
import { zip } from '../../test/files';
import { RETRO_COLUMNS, SHEET_LIMITS } from './domain/retrospective';
import {
  cellText,
  csvTemplate,
  parseCsv,
  parseSpreadsheet,
  parseXlsx,
  xlsxTemplate,
} from './spreadsheet.server';

const bytes = (text: string) => new TextEncoder().encode(text);
const header = RETRO_COLUMNS.map((c) => msg.retrospective.columns[c]);

describe('CSV', () => {
  it('reads semicolons with a BOM, numbering rows as the spreadsheet does and skipping blank rows', () => {
    const csv = `\uFEFF${header.join(';')}\r\nA-1;Kreft;off-label\r\n;;\r\n"B;2";Nyre;unntaksordningen\r\n`;
    const parsed = parseCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows.map((r) => [r.row, r.values.reference, r.values.department])).toEqual([
      [2, 'A-1', 'Kreft'],
      [4, 'B;2', 'Nyre'],
    ]);
    expect(parsed.rows[0]?.values.scheme).toBe('off-label');
    expect(parsed.missing).toEqual([]);
  });

  it('reads commas, headings in any order and case, and reports missing columns', () => {
    const csv = 'avdeling,REFERANSE,Andre diagnoser\nKreft,R1,"C50.9, C78.0"\n';
    const parsed = parseCsv(bytes(csv));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows[0]?.values).toMatchObject({
      department: 'Kreft',
      reference: 'R1',
      otherDiagnoses: 'C50.9, C78.0',
    });
    expect(parsed.missing).toEqual([
      'scheme',
      'patientScope',
      'mainDiagnosis',
      'submittedDate',
      'decidedDate',
      'outcome',
      'reason',
    ]);
  });

  it('refuses an empty file and too many rows', () => {
    expect(parseCsv(bytes(`${header.join(';')}\n`))).toEqual({ ok: false, error: 'empty' });
    const many = `${header.join(';')}\n${'x;y\n'.repeat(SHEET_LIMITS.rows + 1)}`;
    expect(parseCsv(bytes(many))).toEqual({ ok: false, error: 'tooManyRows' });
  });

  it('the CSV template is UTF-8 with a BOM and semicolons, and reads back as one example row', () => {
    const template = csvTemplate('Kreftavdelingen');
    expect(template.startsWith('\uFEFFReferanse;Avdeling;')).toBe(true);
    const parsed = parseCsv(bytes(template));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.missing).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, values: { ...msg.retrospective.example, department: 'Kreftavdelingen' } },
    ]);
  });
});

describe('XLSX', () => {
  it('reads the first sheet: row numbers, date cells, numbers and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saker');
    sheet.addRow(header);
    sheet.addRow([]);
    const row = sheet.getRow(3);
    row.getCell(1).value = 12345;
    row.getCell(2).value = { richText: [{ text: 'Kreft' }, { text: 'avdelingen' }] };
    row.getCell(11).value = new Date(Date.UTC(2024, 2, 12));
    row.getCell(12).value = '02.04.2024';
    row.commit();
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseSpreadsheet(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.row).toBe(3);
    expect(parsed.rows[0]?.values).toMatchObject({
      reference: '12345',
      department: 'Kreftavdelingen',
      submittedDate: '12.03.2024',
      decidedDate: '02.04.2024',
    });
  });

  it('the XLSX template has the header, one example row and a sheet explaining every column', async () => {
    const file = await xlsxTemplate('Kreftavdelingen');
    const parsed = await parseXlsx(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.missing).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, values: { ...msg.retrospective.example, department: 'Kreftavdelingen' } },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.buffer);
    const help = workbook.getWorksheet(msg.retrospective.template.sheetHelp);
    expect(help?.getRow(2).getCell(1).value).toBe('Referanse');
    expect(help?.getRow(4).getCell(3).text).toContain('off-label');
  });

  it('refuses other binary files and unreadable ZIPs', async () => {
    expect(await parseSpreadsheet(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))).toEqual({
      ok: false,
      error: 'fileType',
    });
    expect(await parseSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toEqual({
      ok: false,
      error: 'unreadable',
    });
  });

  it('formula cells read as their result', () => {
    expect(cellText({ formula: 'A1', result: 'ja' })).toBe('ja');
    expect(cellText({ formula: 'TODAY()', result: new Date(Date.UTC(2025, 11, 31)) })).toBe(
      '31.12.2025',
    );
    expect(cellText(null)).toBe('');
  });
});

describe('XLSX that unpacks past the limits (zip bombs)', () => {
  const refused = { ok: false, error: 'tooLargeUnpacked' };
  /** Zeros one byte past the limit: a few kilobytes deflated. */
  const overLimit = () => new Uint8Array(SHEET_LIMITS.unpackedBytes + 1);

  it('refuses a workbook whose parts unpack past the limit, though ExcelJS would read it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saker');
    sheet.addRow(header);
    // Distinct long texts (shared strings keep one copy of equal ones), past the limit together.
    const text = 'a'.repeat(100_000);
    const rows = Math.ceil(SHEET_LIMITS.unpackedBytes / text.length) + 1;
    for (let i = 0; i < rows; i++) sheet.addRow([`R${i}`, `${i}${text}`]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(file.byteLength).toBeLessThan(SHEET_LIMITS.bytes);
    expect(await parseSpreadsheet(file)).toEqual(refused);
  });

  it('refuses from the central directory an entry declared to unpack past the limit', async () => {
    const file = zip({ 'xl/worksheets/sheet1.xml': { content: overLimit() } });
    expect(file.byteLength).toBeLessThan(100_000);
    expect(await parseSpreadsheet(file)).toEqual(refused);
  });

  it('refuses an entry that unpacks past the small size it declares', async () => {
    const file = zip({ 'xl/worksheets/sheet1.xml': { content: overLimit(), declaredSize: 1024 } });
    expect(await parseSpreadsheet(file)).toEqual(refused);
  });

  it('refuses more entries than the limit', async () => {
    const entries = Array.from({ length: SHEET_LIMITS.zipEntries + 1 }, (_, i) => `x/${i}`);
    const file = zip(Object.fromEntries(entries.map((name): [string, string] => [name, ''])));
    expect(await parseSpreadsheet(file)).toEqual(refused);
  });

  it('passes an archive within the limits on to ExcelJS', async () => {
    const within = zip({ 'a.xml': { content: new Uint8Array(1024) }, 'b.txt': 'hei' });
    // ExcelJS reads it, and finds no sheet.
    expect(await parseSpreadsheet(within)).toEqual({ ok: false, error: 'empty' });
  });
});
