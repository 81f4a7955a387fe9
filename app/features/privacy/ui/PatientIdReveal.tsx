import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';

/**
 * The masked patient id with a button that shows it in full: a plain form POST (works without
 * JavaScript) to a route that logs the showing (purpose unmask).
 */
export function PatientIdReveal({
  caseId,
  masked,
  headingLevel = 2,
}: {
  caseId: string;
  masked: unknown;
  headingLevel?: 2 | 3;
}) {
  if (typeof masked !== 'string') return null;
  const t = msg.privacy;
  return (
    <section aria-labelledby="patient-id-title" className="sp-stack sp-section">
      <Heading level={headingLevel} data-size="xs" id="patient-id-title">
        {t.patientIdTitle}
      </Heading>
      <Paragraph>{masked}</Paragraph>
      <Paragraph data-size="sm" id="patient-id-help">
        {t.maskedHelp}
      </Paragraph>
      <Form method="post" action={`/saker/${caseId}/vis-fodselsnummer`}>
        <Button type="submit" variant="secondary" aria-describedby="patient-id-help">
          {t.reveal}
        </Button>
      </Form>
    </section>
  );
}
