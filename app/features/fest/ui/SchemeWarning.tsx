import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';

/**
 * A warning, never a refusal, when FEST contradicts the scheme chosen (`schemeContradictsFest`):
 * the application is «uten norsk markedsføringstillatelse», but FEST says the drug has Norwegian
 * MT and is marketed here, while the applicant can still change the scheme (the editor, the
 * summary). Server-rendered: it needs no JavaScript. The summary decides in its loader.
 */
export function SchemeWarning({
  drugName,
  headingLevel = 3,
}: {
  /** The drug's name when FEST contradicts the scheme, else null (nothing shown). */
  drugName: string | null;
  headingLevel?: 2 | 3;
}) {
  if (drugName === null) return null;
  const t = msg.fest.schemeWarning;
  return (
    <Alert data-color="warning">
      <Heading level={headingLevel} data-size="xs">
        {t.title}
      </Heading>
      <Paragraph>{t.body(drugName, msg.schemes.noMarketingAuthorisation)}</Paragraph>
      <Paragraph>
        {t.applicant(msg.schemes.offLabel, msg.questionnaire.sections.basis.title)}
      </Paragraph>
    </Alert>
  );
}
