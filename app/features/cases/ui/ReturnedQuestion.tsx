import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { EventRole } from '../../auth/domain/roles';
import { RouteLink } from '../../../ui/RouteLink';

/** The question a returned case was sent back with, at the top of the case and the editor. */
export function ReturnedQuestion({
  caseId,
  question,
}: {
  caseId: string;
  question: { actorName: string; actorRole: EventRole; reason: string | null; at: Date | string };
}) {
  return (
    <Alert data-color="warning">
      <Heading level={2} data-size="xs">
        {msg.case.returnedTitle}
      </Heading>
      <Paragraph>
        {msg.case.returnedBy(
          question.actorName,
          msg.roles[question.actorRole],
          msg.dateTime(new Date(question.at)),
        )}
      </Paragraph>
      <blockquote className="sp-quote">{question.reason}</blockquote>
      <Paragraph>{msg.case.returnedNext}</Paragraph>
      <Paragraph>
        <RouteLink to={`/saker/${caseId}/meldinger`}>{msg.case.returnedAnswer}</RouteLink>
      </Paragraph>
    </Alert>
  );
}
