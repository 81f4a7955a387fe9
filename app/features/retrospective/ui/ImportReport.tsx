import { Alert, Heading, List, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { RETRO_COLUMNS, type RetroColumn, type RowReport } from '../domain/retrospective';
import { TableScroll } from '../../../ui/TableScroll';

const t = msg.retrospective;

/** How a column's cells wrap: free text gets room to read, a date stays on one line. */
const cellClass: Partial<Record<RetroColumn, string>> = {
  conditions: 'sp-cell-prose',
  reason: 'sp-cell-prose',
  submittedDate: 'sp-nowrap',
  decidedDate: 'sp-nowrap',
};

/** Every error of a file as one Norwegian sentence per row and column. */
export function reportLines(reports: readonly RowReport[]): string[] {
  return reports.flatMap((r) =>
    RETRO_COLUMNS.flatMap((c) => {
      const code = r.errors[c];
      return code ? [t.rowError(r.row, t.columns[c], t.errors[code])] : [];
    }),
  );
}

/** The preview of a file: the verdict, the list of errors, and every row with its check. */
export function ImportReport({
  fileName,
  reports,
}: {
  fileName: string;
  reports: readonly RowReport[];
}) {
  const lines = reportLines(reports);
  const bad = reports.filter((r) => Object.keys(r.errors).length > 0).length;
  return (
    <section className="sp-stack" aria-labelledby="retro-report">
      <Heading level={2} data-size="md" id="retro-report">
        {t.reportTitle}
      </Heading>
      {bad > 0 ? (
        <Alert data-color="danger">
          <Paragraph>{t.reportBad(bad, reports.length)}</Paragraph>
          <List.Unordered>
            {lines.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List.Unordered>
        </Alert>
      ) : (
        <Alert data-color="success">{t.reportGood(reports.length)}</Alert>
      )}
      <TableScroll label={t.previewCaption(fileName)} wide>
        <Table zebra data-size="sm">
          <caption>{t.previewCaption(fileName)}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t.rowColumn}</Table.HeaderCell>
              <Table.HeaderCell>{t.statusColumn}</Table.HeaderCell>
              {RETRO_COLUMNS.map((c) => (
                <Table.HeaderCell key={c}>{t.columns[c]}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {reports.map((r) => {
              const count = Object.keys(r.errors).length;
              return (
                <Table.Row key={r.row}>
                  <Table.Cell>{r.row}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={count ? 'danger' : 'success'} variant="outline">
                      {count ? t.rowBad(count) : t.rowOk}
                    </Tag>
                  </Table.Cell>
                  {RETRO_COLUMNS.map((c) => (
                    <Table.Cell key={c} className={cellClass[c]}>
                      {r.values[c]}
                    </Table.Cell>
                  ))}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
