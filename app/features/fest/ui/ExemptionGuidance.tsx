import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { exemptionGuidance, type RouterDrug } from '../domain/scheme-router';

/**
 * What FEST says about a godkjenningsfritak for the chosen drug, beside the question whether one
 * has been applied for; nothing for a drug marketed with Norwegian MT.
 */
export function ExemptionGuidance({ drug }: { drug: RouterDrug }) {
  const codes = exemptionGuidance(drug);
  if (codes.length === 0) return null;
  return (
    <Alert data-color="info" data-size="sm">
      {codes.map((code) => (
        <Paragraph key={code} data-size="sm">
          {msg.router.codes[code]}
        </Paragraph>
      ))}
    </Alert>
  );
}
