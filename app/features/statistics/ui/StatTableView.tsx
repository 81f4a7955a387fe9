import { Table } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { formatValue, type StatTable } from '../domain/tables';
import { TableScroll } from '../../../ui/TableScroll';

/**
 * The accessible table beside a chart: caption, column headers, a row header per line. The row's
 * and the column's keys are on the row and on its column header (not on each cell: a view has
 * about 450 cells, and the attribute was half of the tables' HTML).
 */
export function StatTableView({ table, caption }: { table: StatTable; caption: string }) {
  return (
    <TableScroll label={caption}>
      <Table zebra data-size="sm" className="sp-stats__table" data-section={table.id}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{table.labelHeader}</Table.HeaderCell>
            {table.columns.map((column) => (
              <Table.HeaderCell scope="col" key={column.key} data-column={column.key}>
                {column.short ?? column.label}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.rows.map((row) => (
            <Table.Row key={row.key} data-row={row.key}>
              <Table.HeaderCell scope="row">
                {row.total ? <strong>{row.label}</strong> : row.label}
              </Table.HeaderCell>
              {table.columns.map((column, i) => (
                <Table.Cell key={column.key}>
                  {formatValue(row.values[i] ?? 'none', column.format, msg.statistics.withheld)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
