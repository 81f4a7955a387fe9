import { Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { QuestionId } from '../domain/questionnaire';
import { TableScroll } from '../../../ui/TableScroll';

/** Who changed which answer, when — newest first. */
export function ChangeHistory({
  changes,
}: {
  changes: { questionId: QuestionId; actorName: string; at: Date | string }[];
}) {
  return (
    <Details>
      <Details.Summary>{msg.changes.title}</Details.Summary>
      <Details.Content>
        {changes.length === 0 ? (
          <Paragraph>{msg.changes.none}</Paragraph>
        ) : (
          <TableScroll label={msg.changes.title}>
            <Table>
              <caption className="ds-sr-only">{msg.changes.title}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{msg.changes.when}</Table.HeaderCell>
                  <Table.HeaderCell>{msg.changes.who}</Table.HeaderCell>
                  <Table.HeaderCell>{msg.changes.what}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[...changes].reverse().map((c, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{msg.dateTime(new Date(c.at))}</Table.Cell>
                    <Table.Cell>{c.actorName}</Table.Cell>
                    <Table.Cell>{msg.questionnaire.questions[c.questionId].label}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </Details.Content>
    </Details>
  );
}
