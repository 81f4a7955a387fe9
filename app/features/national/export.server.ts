import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db, TenantScope } from '../../db/database.server';
import { dateInNorway } from '../cases/domain/dates';
import { msg } from '../../i18n';
import { csvLine, daysOf, type NationalFilter } from './domain/overview';
import { nationalRows, type NationalRow } from './overview.server';

/**
 * Exports of the national overview's filtered set, with the same columns as the page. Both are
 * streamed: rows come in keyset batches (nationalRows) and are written as they come, so a
 * million rows never sit in memory.
 */

const c = msg.national.columns;
export const EXPORT_HEADERS = [
  c.caseNumber,
  c.trust,
  c.scheme,
  c.scope,
  c.drug,
  c.substance,
  c.atc,
  c.icd,
  c.diagnosis,
  c.submitted,
  c.decided,
  c.outcome,
  c.status,
  c.processingDays,
  c.followUp,
  c.retrospective,
];

const label = <K extends string>(labels: Record<K, string>, value: string | null) =>
  value === null ? '' : ((labels as Record<string, string | undefined>)[value] ?? value);

/** One row's cells, in EXPORT_HEADERS order. */
export function exportCells(row: NationalRow): (string | number | null)[] {
  return [
    row.caseNumber,
    row.trustName,
    label(msg.schemes, row.scheme),
    label(msg.patientScopes, row.patientScope),
    row.drugLabel,
    row.substance,
    row.atcCode,
    row.diagnosisCode,
    row.diagnosisName,
    dateInNorway(row.submittedAt),
    row.decidedAt ? dateInNorway(row.decidedAt) : null,
    label(msg.outcomes, row.outcome),
    msg.statuses[row.status],
    daysOf(row.processingSeconds),
    row.continued === null ? null : row.continued ? msg.national.continued : msg.national.stopped,
    row.retrospective ? msg.national.yes : msg.national.no,
  ];
}

const downloadHeaders = (type: string, name: string) => ({
  'Content-Type': type,
  'Content-Disposition': `attachment; filename="${name}"`,
  'Cache-Control': 'no-store',
});

/** Called once an export is written to the end, with its number of rows (the machine log). */
export type OnWritten = (rows: number) => void;

/** UTF-8 with a byte-order mark and semicolons, as Norwegian Excel opens it. */
export function csvResponse(
  db: Db,
  actor: TenantScope,
  filter: NationalFilter,
  onWritten?: OnWritten,
): Response {
  const encoder = new TextEncoder();
  const rows = nationalRows(db, actor, filter);
  let started = false;
  let count = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(EXPORT_HEADERS)}`));
        return;
      }
      // A chunk of lines at a time, written as they arrive from the database.
      let chunk = '';
      for (let n = 0; n < 500; n += 1) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          onWritten?.(count);
          return;
        }
        count += 1;
        chunk += csvLine(exportCells(next.value));
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: downloadHeaders('text/csv; charset=utf-8', 'nasjonal-oversikt.csv'),
  });
}

/** An XLSX workbook written by exceljs's streaming writer, row by row. */
export function xlsxResponse(
  db: Db,
  actor: TenantScope,
  filter: NationalFilter,
  onWritten?: OnWritten,
): Response {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(msg.national.title);
  const write = async () => {
    sheet.addRow(EXPORT_HEADERS).commit();
    let count = 0;
    for await (const row of nationalRows(db, actor, filter)) {
      sheet.addRow(exportCells(row)).commit();
      count += 1;
    }
    sheet.commit();
    await workbook.commit();
    onWritten?.(count);
  };
  write().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: downloadHeaders(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'nasjonal-oversikt.xlsx',
    ),
  });
}
