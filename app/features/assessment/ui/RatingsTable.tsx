import { Table } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { CRITERIA, type CriteriaRatings } from '../domain/criteria';
import { TableScroll } from '../../../ui/TableScroll';

/** Several people's ratings side by side: a row per criterion, a column per person. */
export function RatingsTable({
  caption,
  columns,
}: {
  caption: string;
  columns: readonly { key: string; heading: string; ratings: CriteriaRatings }[];
}) {
  return (
    <TableScroll label={caption}>
      <Table border>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{msg.assessment.criterion}</Table.HeaderCell>
            {columns.map((c) => (
              <Table.HeaderCell key={c.key}>{c.heading}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {CRITERIA.map((criterion) => {
            const texts = msg.assessment.criteria[criterion];
            return (
              <Table.Row key={criterion}>
                <Table.HeaderCell scope="row">{texts.title}</Table.HeaderCell>
                {columns.map((c) => {
                  const rating = c.ratings[criterion];
                  return (
                    <Table.Cell key={c.key}>
                      <strong>
                        {msg.assessment.levelValue(
                          rating.level,
                          texts.levels[rating.level - 1] ?? '',
                        )}
                      </strong>
                      <br />
                      {rating.text}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
