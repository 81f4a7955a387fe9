import { Alert, Card, Heading } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { InquiryStatus } from '../domain/inquiry';
import { AskForm, type ASK_FIELDS, type Submitted } from './InquiryForms';
import { InquiryDetails, type InquiryShown } from './InquiryDetails';

/**
 * The inquiries part of a case's national summary: for someone of another trust who may ask, the
 * form to ask the case's trust and their own earlier questions with the answers. Nothing for the
 * case's own trust or a role that does not ask.
 */
export function CaseInquiries({
  caseNumber,
  trustName,
  inquiries,
  sent,
  submitted,
}: {
  caseNumber: string;
  trustName: string;
  inquiries: {
    refusal: 'notAsker' | 'ownTrust' | null;
    mine: readonly (InquiryShown & { id: string; status: InquiryStatus })[];
  };
  sent: boolean;
  submitted: Submitted<(typeof ASK_FIELDS)[number]> | null;
}) {
  const t = msg.inquiries;
  if (inquiries.refusal !== null) {
    // No form here; a post made anyway (an old page, a changed role) says why it was refused.
    return submitted?.problem ? (
      <Alert data-color="danger">{t.problems[submitted.problem]}</Alert>
    ) : null;
  }
  return (
    <>
      <section className="sp-stack" aria-labelledby="inquiry-ask">
        <Heading level={2} data-size="md" id="inquiry-ask">
          {t.askTitle}
        </Heading>
        {sent && !submitted && <Alert data-color="success">{t.sent}</Alert>}
        <Card>
          {/* A new key once a question is sent: the form starts empty again (with JavaScript
              the page is not reloaded, and the field would keep the sent text). */}
          <AskForm
            key={inquiries.mine.length}
            caseNumber={caseNumber}
            trustName={trustName}
            submitted={submitted}
          />
        </Card>
      </section>
      {inquiries.mine.length > 0 && (
        <section className="sp-stack" aria-labelledby="inquiries-mine">
          <Heading level={2} data-size="md" id="inquiries-mine">
            {t.mineTitle}
          </Heading>
          {inquiries.mine.map((inquiry) => (
            <Card key={inquiry.id}>
              <InquiryDetails inquiry={inquiry} caseLink={false} />
            </Card>
          ))}
        </section>
      )}
    </>
  );
}
