import { Paragraph, Table } from '@digdir/designsystemet-react';
import { RouteLink } from '../../../ui/RouteLink';
import { msg } from '../../../i18n';
import { norwegianDateOf } from '../../cases/domain/dates';
import { StatusTag } from '../../cases/ui/StatusTag';
import { daysOf } from '../domain/overview';
import type { NationalRow } from '../overview.server';
import { TableScroll } from '../../../ui/TableScroll';
import { RetrospectiveTag } from '../../retrospective/ui/RetrospectiveTag';

const label = (labels: Record<string, string>, value: string | null) =>
  value === null ? '–' : (labels[value] ?? value);

/** The national overview's rows: no personal field is among them (overview.server.ts). */
export function NationalTable({ rows }: { rows: NationalRow[] }) {
  if (rows.length === 0) return <Paragraph>{msg.national.empty}</Paragraph>;
  const c = msg.national.columns;
  return (
    <TableScroll label={msg.national.caption(String(rows.length))} wide>
      <Table zebra data-size="sm">
        <caption>{msg.national.caption(String(rows.length))}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{c.caseNumber}</Table.HeaderCell>
            <Table.HeaderCell>{c.trust}</Table.HeaderCell>
            <Table.HeaderCell>{c.drug}</Table.HeaderCell>
            <Table.HeaderCell>{c.indication}</Table.HeaderCell>
            <Table.HeaderCell>{c.outcome}</Table.HeaderCell>
            <Table.HeaderCell>{c.status}</Table.HeaderCell>
            <Table.HeaderCell>{c.schemeAndScope}</Table.HeaderCell>
            <Table.HeaderCell>{c.submitted}</Table.HeaderCell>
            <Table.HeaderCell>{c.decided}</Table.HeaderCell>
            <Table.HeaderCell>{c.processingDays}</Table.HeaderCell>
            <Table.HeaderCell>{c.followUp}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.caseNumber}>
              <Table.Cell>
                <div className="sp-row sp-nowrap">
                  <RouteLink
                    to={`/nasjonalt/saker/${encodeURIComponent(row.caseNumber)}`}
                    aria-label={msg.national.open(row.caseNumber)}
                  >
                    {row.caseNumber}
                  </RouteLink>
                  {row.retrospective && <RetrospectiveTag inTable />}
                </div>
              </Table.Cell>
              <Table.Cell>{row.trustName}</Table.Cell>
              <Table.Cell>
                {row.drugLabel ?? '–'}
                {(row.substance || row.atcCode) && (
                  <>
                    <br />
                    <small>{[row.substance, row.atcCode].filter(Boolean).join(', ')}</small>
                  </>
                )}
              </Table.Cell>
              <Table.Cell>
                {row.diagnosisCode
                  ? `${row.diagnosisCode}${row.diagnosisName ? ` ${row.diagnosisName}` : ''}`
                  : '–'}
              </Table.Cell>
              <Table.Cell>{label(msg.outcomes, row.outcome)}</Table.Cell>
              <Table.Cell>
                <StatusTag status={row.status} />
              </Table.Cell>
              <Table.Cell>
                {label(msg.schemes, row.scheme)}
                {row.patientScope && (
                  <>
                    <br />
                    <small>{label(msg.patientScopes, row.patientScope)}</small>
                  </>
                )}
              </Table.Cell>
              <Table.Cell className="sp-nowrap">{norwegianDateOf(row.submittedAt)}</Table.Cell>
              <Table.Cell className="sp-nowrap">
                {row.decidedAt ? norwegianDateOf(row.decidedAt) : '–'}
              </Table.Cell>
              <Table.Cell>{daysOf(row.processingSeconds) ?? '–'}</Table.Cell>
              <Table.Cell>
                {row.continued === null
                  ? '–'
                  : row.continued
                    ? msg.national.continued
                    : msg.national.stopped}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
