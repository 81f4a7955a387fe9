import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { EventRole } from '../../auth/domain/roles';
import { RouteLink } from '../../../ui/RouteLink';
import type { OpenQuestion } from '../domain/history';

/**
 * The question a case waits for its applicant to answer (`openQuestion`), at the top of the case,
 * the editor and the dialog: a returned case is answered in the dialog and sent again, a request
 * for information with the case page's «Send opplysninger».
 */
export function ReturnedQuestion({
  caseId,
  open: { status, question },
}: {
  caseId: string;
  open: OpenQuestion<{
    actorName: string;
    actorRole: EventRole;
    reason: string | null;
    at: Date | string;
  }>;
}) {
  const t = msg.case.openQuestion[status];
  return (
    <Alert data-color="warning">
      <Heading level={2} data-size="xs">
        {t.title}
      </Heading>
      <Paragraph>
        {msg.case.askedBy(
          msg.app.personInRole(question.actorName, msg.roles[question.actorRole]),
          msg.dateTime(new Date(question.at)),
        )}
      </Paragraph>
      <blockquote className="sp-quote">{question.reason}</blockquote>
      <Paragraph>{t.next}</Paragraph>
      <Paragraph>
        <RouteLink
          to={
            status === 'returned'
              ? `/saker/${caseId}/meldinger`
              : `/saker/${caseId}#action-provideInformation`
          }
        >
          {t.answer}
        </RouteLink>
      </Paragraph>
    </Alert>
  );
}
