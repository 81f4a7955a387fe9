import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { consultationsHome } from '../consultations.server';
import { RouteLink } from '../../../ui/RouteLink';
import { TableScroll } from '../../../ui/TableScroll';

/** "Konsultasjoner til oss": cases other trusts have asked the actor's trust about. */
export function ConsultationsToUs({
  data: { shown, items, notice },
}: {
  data: Awaited<ReturnType<typeof consultationsHome>>;
}) {
  if (!shown) return null;
  return (
    <section className="sp-stack" aria-labelledby="consultations-to-us">
      {notice && <Alert data-color="success">{msg.consultations.done[notice]}</Alert>}
      <Heading level={2} data-size="md" id="consultations-to-us">
        {msg.consultations.toUs}{' '}
        <Tag data-color={items.length > 0 ? 'warning' : 'neutral'}>{items.length}</Tag>
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{msg.consultations.toUsEmpty}</Paragraph>
      ) : (
        <TableScroll label={msg.consultations.toUs}>
          <Table zebra>
            <caption className="ds-sr-only">{msg.consultations.toUs}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{msg.consultations.toUsCase}</Table.HeaderCell>
                <Table.HeaderCell>{msg.consultations.toUsFrom}</Table.HeaderCell>
                <Table.HeaderCell>{msg.consultations.toUsDeadline}</Table.HeaderCell>
                <Table.HeaderCell>{msg.consultations.toUsAsked}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((item) => {
                const label = item.caseNumber ?? msg.myCases.noCaseNumber;
                return (
                  <Table.Row key={item.consultationId}>
                    <Table.Cell className="sp-nowrap">
                      <RouteLink to={`/saker/${item.caseId}`} aria-label={msg.myCases.open(label)}>
                        {label}
                      </RouteLink>
                    </Table.Cell>
                    <Table.Cell>{item.askingTrustName}</Table.Cell>
                    <Table.Cell>{msg.consultations.date(item.deadline)}</Table.Cell>
                    <Table.Cell>{msg.dateTime(new Date(item.requestedAt))}</Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
