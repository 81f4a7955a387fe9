import { Table, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { RouteLink } from '../../../ui/RouteLink';
import { TableScroll } from '../../../ui/TableScroll';
import { excerpt, type InquiryStatus } from '../domain/inquiry';

/** One row of a list of inquiries, as the loader sends it. */
export interface InquiryItem {
  id: string;
  caseNumber: string;
  caseTrustName: string;
  askerName: string;
  askerTrustName: string;
  question: string;
  askedAt: Date | string;
  status: InquiryStatus;
}

const STATUS_COLOR = {
  open: 'warning',
  answered: 'success',
  withdrawn: 'neutral',
} as const satisfies Record<InquiryStatus, string>;

export function InquiryStatusTag({ status }: { status: InquiryStatus }) {
  return (
    <Tag data-color={STATUS_COLOR[status]} data-size="sm" variant="outline">
      {msg.inquiries.statuses[status]}
    </Tag>
  );
}

/**
 * The inquiries to the actor's trust (`received`: who asked) or sent by the actor (`sent`: which
 * trust was asked); each opens on its own page.
 */
export function InquiryTable({
  items,
  kind,
  caption,
}: {
  items: readonly InquiryItem[];
  kind: 'received' | 'sent';
  caption: string;
}) {
  const t = msg.inquiries;
  return (
    <TableScroll label={caption}>
      <Table zebra>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.caseColumn}</Table.HeaderCell>
            <Table.HeaderCell>{kind === 'received' ? t.fromColumn : t.toColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.questionColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.askedColumn}</Table.HeaderCell>
            <Table.HeaderCell>{t.statusColumn}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              <Table.Cell className="sp-nowrap">
                <RouteLink
                  to={`/henvendelser/${item.id}`}
                  aria-label={t.openInquiry(item.caseNumber)}
                >
                  {item.caseNumber}
                </RouteLink>
              </Table.Cell>
              <Table.Cell>
                {kind === 'received'
                  ? t.person(item.askerName, item.askerTrustName)
                  : item.caseTrustName}
              </Table.Cell>
              <Table.Cell>{excerpt(item.question)}</Table.Cell>
              <Table.Cell>{msg.dateTime(new Date(item.askedAt))}</Table.Cell>
              <Table.Cell>
                <InquiryStatusTag status={item.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
