import { Alert, Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { ConsultationSectionData, ConsultationView } from '../consultations.server';
import type { ConsultationState } from '../domain/consultation';
import { AnswerForm, RequestForm } from './ConsultationForms';

const STATE_COLOR: Record<ConsultationState, 'info' | 'warning' | 'success' | 'neutral'> = {
  open: 'info',
  expired: 'warning',
  answered: 'success',
  revoked: 'neutral',
  withdrawn: 'neutral',
};

const when = (d: Date | string) => msg.dateTime(new Date(d));

function ConsultationCard({
  caseId,
  version,
  item,
  canRevoke,
}: {
  caseId: string;
  version: number;
  item: ConsultationView;
  canRevoke: boolean;
}) {
  const headingId = `consultation-${item.id}`;
  return (
    <Card aria-labelledby={headingId}>
      <div className="sp-row">
        <Heading level={3} data-size="xs" id={headingId}>
          {msg.consultations.item(item.consultedTrustName)}
        </Heading>
        <Tag data-color={STATE_COLOR[item.state]}>{msg.consultations.states[item.state]}</Tag>
      </div>
      <dl className="sp-dl">
        <dt>{msg.consultations.question}</dt>
        <dd>{item.question}</dd>
        <dt>{msg.consultations.deadline}</dt>
        <dd>{msg.consultations.date(item.deadline)}</dd>
        <dt>{msg.consultations.requestedBy}</dt>
        <dd>{`${item.requestedByName}, ${when(item.requestedAt)}`}</dd>
        {item.answer !== null && (
          <>
            <dt>{msg.consultations.answer}</dt>
            <dd className="sp-consultation-answer">{item.answer}</dd>
            <dt>{msg.consultations.answeredBy}</dt>
            <dd>{`${item.answeredByName ?? ''}, ${item.answeredAt ? when(item.answeredAt) : ''}`}</dd>
          </>
        )}
        {item.revokedAt && (
          <>
            <dt>
              {item.state === 'withdrawn' ? msg.consultations.endedAt : msg.consultations.revokedAt}
            </dt>
            <dd>{when(item.revokedAt)}</dd>
          </>
        )}
      </dl>
      {item.pending && canRevoke && (
        <Form
          method="post"
          action={`/saker/${caseId}/konsultasjon/${item.id}/trekk-tilbake`}
          className="sp-stack"
        >
          <input type="hidden" name="version" value={version} />
          <Paragraph data-size="sm">{msg.consultations.revokeHint}</Paragraph>
          <div>
            <Button type="submit" variant="secondary">
              {msg.consultations.revoke}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

/** The outcome of asking, revoking or answering, at the top of the case page after the post. */
export function ConsultationNotice({ notice }: { notice: ConsultationSectionData['notice'] }) {
  if (!notice) return null;
  return (
    <Alert data-color={notice === 'refused' ? 'danger' : 'success'}>
      {msg.consultations.done[notice]}
    </Alert>
  );
}

/**
 * The case page's consultation section, if it has one: the consulted trust's question to answer
 * (`consulted`, at the top of its page) or the case's own trust's consultations and the form to
 * ask one (`own`, beside the leaders' assessment).
 */
export function consultationHeading(
  panel: ConsultationSectionData['panel'],
): { id: string; title: string; mode: 'consulted' | 'own' } | null {
  if (!panel) return null;
  if (panel.mode === 'consulted')
    return { id: 'consultation-answer', title: msg.consultations.answerTitle, mode: 'consulted' };
  if (panel.consultations.length === 0 && !panel.canRequest) return null;
  return { id: 'consultations', title: msg.consultations.title, mode: 'own' };
}

/**
 * Consultation on the case page: for the case's own director and committee the consultations with
 * their answers (and, for the director, asking and revoking); for the consulted trust a read-only
 * banner and the answer form. Its notice is `ConsultationNotice`'s.
 */
export function ConsultationSection({
  caseId,
  section,
}: {
  caseId: string;
  section: ConsultationSectionData;
}) {
  const { panel } = section;
  const heading = consultationHeading(panel);
  if (!panel || !heading) return null;
  if (panel.mode === 'consulted') {
    const { grant } = panel;
    return (
      <section className="sp-stack" aria-labelledby={heading.id}>
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {msg.consultations.banner(msg.consultations.date(grant.deadline))}
          </Heading>
          <Paragraph>{msg.consultations.bannerDetail(grant.askingTrustName)}</Paragraph>
        </Alert>
        <Heading level={2} data-size="md" id={heading.id}>
          {heading.title}
        </Heading>
        <Paragraph>
          {msg.consultations.askedBy(grant.requestedByName, grant.askingTrustName)}
        </Paragraph>
        <blockquote className="sp-quote">{grant.question}</blockquote>
        {panel.canAnswer && (
          <AnswerForm caseId={caseId} consultationId={grant.id} version={panel.caseVersion} />
        )}
      </section>
    );
  }
  return (
    <section className="sp-stack" aria-labelledby={heading.id}>
      <Heading level={2} data-size="md" id={heading.id}>
        {heading.title}
      </Heading>
      {panel.consultations.length === 0 && <Paragraph>{msg.consultations.none}</Paragraph>}
      {panel.consultations.map((item) => (
        <ConsultationCard
          key={item.id}
          caseId={caseId}
          version={panel.caseVersion}
          item={item}
          canRevoke={panel.canRevoke}
        />
      ))}
      {panel.canRequest && (
        <Card>
          <Heading level={3} data-size="xs" id="consultation-request">
            {msg.consultations.requestTitle}
          </Heading>
          <RequestForm
            caseId={caseId}
            version={panel.caseVersion}
            trusts={panel.trusts}
            today={section.today}
            maxDeadline={section.maxDeadline}
          />
        </Card>
      )}
    </section>
  );
}
