import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { PatientIdKind } from '../../cases/domain/application';

/**
 * The masked patient id with a button that shows it in full: a plain form POST (works without
 * JavaScript) to a route that logs the showing (purpose unmask). Without `canReveal` (a consulted
 * trust) only the masked id, and why it stays masked.
 */
export function PatientIdReveal({
  caseId,
  masked,
  kind,
  canReveal,
  headingLevel = 2,
}: {
  caseId: string;
  masked: unknown;
  /** The kind of number (fødselsnummer, D-, H-, FH-nummer, …), when known. */
  kind: PatientIdKind | null;
  canReveal: boolean;
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
      {kind && <Paragraph data-size="sm">{`${t.kindLabel}: ${t.kinds[kind]}`}</Paragraph>}
      <Paragraph data-size="sm" id="patient-id-help">
        {canReveal ? t.maskedHelp : t.maskedForConsultant}
      </Paragraph>
      {canReveal && (
        <Form method="post" action={`/saker/${caseId}/vis-fodselsnummer`}>
          <Button type="submit" variant="secondary" aria-describedby="patient-id-help">
            {t.reveal}
          </Button>
        </Form>
      )}
    </section>
  );
}
