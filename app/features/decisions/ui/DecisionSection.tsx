import { Alert, Card, Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { msg } from '../../../i18n';
import { norwegianDate } from '../../cases/domain/dates';
import { conditionLines, treatmentHeading } from '../domain/compose';
import { treatmentLines, type Treatment } from '../domain/treatment';
import type { DecisionPanel, DecisionVersion } from '../decisions.server';
import type { DecisionEvent } from '../domain/form';
import { DecisionForm, type SubmittedDecision } from './DecisionForm';

function DecisionDetails({
  caseId,
  decision,
  treatment,
  letter,
}: {
  caseId: string;
  decision: DecisionVersion;
  /** The treatment applied for: what the decision approves or refuses. */
  treatment: Treatment;
  letter: boolean;
}) {
  const t = msg.decisionModule;
  const conditions = conditionLines(decision.conditions);
  const treated = treatmentLines(treatment, t.text.treatment);
  return (
    <div className="sp-stack">
      {treated.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {treatmentHeading(decision.outcome, t.text)}
          </Heading>
          <dl className="sp-dl">
            {treated.map((line) => (
              <div key={line.label} className="sp-dl__row">
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <dl className="sp-dl">
        <dt>{t.reason}</dt>
        <dd className="sp-pre">{decision.reason}</dd>
        {conditions.length > 0 && (
          <>
            <dt>{msg.case.decisionConditions}</dt>
            <dd>
              <ul>
                {conditions.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {decision.evaluationDate && (
          <>
            <dt>{t.evaluationDate}</dt>
            <dd>{norwegianDate(decision.evaluationDate)}</dd>
          </>
        )}
        {decision.prescriptionNote && (
          <>
            <dt>{t.prescriptionNote}</dt>
            <dd>{decision.prescriptionNote}</dd>
          </>
        )}
        {decision.invoicing && (
          <>
            <dt>{t.invoicing}</dt>
            <dd>{decision.invoicing}</dd>
          </>
        )}
        {decision.interregionalCommittee && (
          <>
            <dt>{t.decidedByBody}</dt>
            <dd>{t.interregionalCommittee}</dd>
          </>
        )}
        <dt>{decision.registered ? t.registeredBy : t.decidedBy}</dt>
        <dd>
          {[decision.decidedByName, decision.decidedByTitle].filter((s) => s !== '').join(', ')}
        </dd>
        <dt>{t.decidedAt}</dt>
        <dd>{msg.dateTime(new Date(decision.decidedAt))}</dd>
      </dl>
      {letter && (
        <div>
          <Link href={`/saker/${caseId}/vedtak/${decision.version}/brev.pdf`} download>
            {t.letter(decision.version)}
          </Link>
        </div>
      )}
    </div>
  );
}

/** Whether `DecisionSection` shows anything: a decision, or a form the user may decide with. */
export const hasDecisionSection = (panel: DecisionPanel): boolean =>
  panel.decisions.length > 0 || panel.events.length > 0;

/**
 * The case's decision: the current version, earlier versions (each marked with the version that
 * replaced it), and the form for deciding or revising when the user may. Nothing when the case
 * has no decision and the user cannot make one.
 */
export function DecisionSection({
  panel,
  submitted,
  minDate,
  beforeSubmit,
}: {
  panel: DecisionPanel;
  submitted: SubmittedDecision | null;
  minDate: string;
  /** Extra content inside each decision form, above its button. */
  beforeSubmit?: (event: DecisionEvent) => ReactNode;
}) {
  const t = msg.decisionModule;
  const [current, ...earlier] = panel.decisions;
  if (!hasDecisionSection(panel)) return null;
  return (
    <section className="sp-stack" aria-labelledby="decision-section">
      <Heading level={2} data-size="md" id="decision-section">
        {t.section}
      </Heading>
      {current && (
        <Card data-color={current.outcome === 'rejected' ? 'danger' : 'success'}>
          <Heading level={3} data-size="sm">
            {t.heading(msg.outcomes[current.outcome])}
          </Heading>
          <Paragraph data-size="sm">{t.current(current.version)}</Paragraph>
          <DecisionDetails
            caseId={panel.caseId}
            decision={current}
            treatment={panel.treatment}
            letter={panel.letter}
          />
        </Card>
      )}
      {earlier.length > 0 && (
        <div className="sp-stack">
          <Heading level={3} data-size="xs">
            {t.earlier}
          </Heading>
          {earlier.map((decision) => (
            <Details key={decision.version}>
              <Details.Summary>
                {`${t.versionLabel(decision.version)}: ${msg.outcomes[decision.outcome]} – ${t.supersededBy(decision.supersededBy ?? 0)}`}
              </Details.Summary>
              <Details.Content>
                <DecisionDetails
                  caseId={panel.caseId}
                  decision={decision}
                  treatment={panel.treatment}
                  letter={panel.letter}
                />
              </Details.Content>
            </Details>
          ))}
        </div>
      )}
      {panel.atInterregionalCommittee && panel.events.includes('decide') && (
        <Alert data-color="info">{t.committeeRecords}</Alert>
      )}
      {panel.recommendation && (
        <Alert data-color="info">
          <Paragraph>
            <strong>
              {t.recommendation(msg.assessment.recommendations[panel.recommendation.outcome])}
            </strong>
            {` – ${msg.assessment.recommendationBy(
              panel.recommendation.authorName,
              msg.dateTime(new Date(panel.recommendation.at)),
            )}`}
          </Paragraph>
          <Paragraph>{panel.recommendation.text}</Paragraph>
        </Alert>
      )}
      {panel.events.map((event) => {
        const form = (
          <DecisionForm
            key={event}
            caseId={panel.caseId}
            caseNumber={panel.caseNumber ?? ''}
            version={panel.version}
            event={event}
            phrases={panel.phrases}
            guidance={panel.guidance}
            current={current ?? null}
            submitted={submitted}
            minDate={minDate}
            beforeSubmit={beforeSubmit?.(event)}
          />
        );
        // A decision stands: changing it is possible but tucked away (open when it came back).
        if (event !== 'reviseDecision') return form;
        return (
          <Details key={event} defaultOpen={submitted?.values.event === event}>
            <Details.Summary>{t.changeDecision}</Details.Summary>
            <Details.Content>{form}</Details.Content>
          </Details>
        );
      })}
    </section>
  );
}
