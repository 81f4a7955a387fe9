import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';

/**
 * A warning, never a refusal, when FEST contradicts the scheme chosen (`schemeContradictsFest`):
 * the application is «uten norsk markedsføringstillatelse», but FEST says the drug has Norwegian
 * MT and is marketed here. The applicant is told where to change the scheme while they still can
 * (the editor, the summary); those who read the sent case (the case page) that it may be returned
 * to be put right. Server-rendered: it needs no JavaScript. The pages decide in their loaders.
 */
export function SchemeWarning({
  drugName,
  headingLevel = 3,
  reader = false,
}: {
  /** The drug's name when FEST contradicts the scheme, else null (nothing shown). */
  drugName: string | null;
  headingLevel?: 2 | 3;
  /** Shown to someone who cannot change the scheme (the application is not theirs to edit now). */
  reader?: boolean;
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
        {reader
          ? t.reader(msg.schemes.offLabel)
          : t.applicant(msg.schemes.offLabel, msg.questionnaire.sections.basis.title)}
      </Paragraph>
    </Alert>
  );
}
