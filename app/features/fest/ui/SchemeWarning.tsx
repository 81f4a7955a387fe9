import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { Scheme } from '../../cases/domain/application';
import { schemeContradictsFest, type RouterDrug } from '../domain/scheme-router';

/**
 * A warning, never a refusal, when FEST contradicts the scheme chosen (`schemeContradictsFest`):
 * the application is «uten norsk markedsføringstillatelse», but FEST says the drug has Norwegian
 * MT and is marketed here. `reader` words it for those who judge the case, else for the applicant
 * who can still change the scheme. Server-rendered: it needs no JavaScript.
 */
export function SchemeWarning({
  scheme,
  drug,
  reader = false,
  headingLevel = 3,
}: {
  scheme: Scheme | null;
  drug: (RouterDrug & { name: string }) | null;
  reader?: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  if (!drug || !schemeContradictsFest(scheme, drug)) return null;
  const t = msg.fest.schemeWarning;
  return (
    <Alert data-color="warning">
      <Heading level={headingLevel} data-size="xs">
        {t.title}
      </Heading>
      <Paragraph>{t.body(drug.name, msg.schemes.noMarketingAuthorisation)}</Paragraph>
      <Paragraph>
        {reader
          ? t.reader(msg.schemes.offLabel)
          : t.applicant(msg.schemes.offLabel, msg.questionnaire.sections.basis.title)}
      </Paragraph>
    </Alert>
  );
}
