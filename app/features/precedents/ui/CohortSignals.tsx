import { Button, Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { SCHEMES } from '../../cases/domain/application';
import { Pager } from '../../../ui/Pager';
import { RouteLink } from '../../../ui/RouteLink';
import type { CohortSignal, CohortView } from '../precedents.server';

/** Where a proposal for national assessment is made. */
export const NYE_METODER_PROPOSAL_URL = 'https://nyemetoder.no/forslag';

function Cohort({
  cohort,
  windowDays,
  canStartGroup,
  index,
}: {
  cohort: CohortSignal;
  windowDays: number;
  canStartGroup: boolean;
  index: number;
}) {
  const t = msg.cohortSignals;
  const drug = `${cohort.drugLabel ?? cohort.substance ?? ''}${cohort.atcCode ? ` (${cohort.atcCode})` : ''}`;
  const diagnosis = `${cohort.diagnosis.replace(/^[A-Z0-9]+:/, '')}${cohort.diagnosisName ? ` ${cohort.diagnosisName}` : ''}`;
  const scheme = SCHEMES.find((s) => s === cohort.scheme);
  const headingId = `cohort-${index}`;
  const first = cohort.applications[0];
  return (
    <Card data-color="warning" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t.cohortFor(drug, diagnosis)}
      </Heading>
      <Paragraph data-size="sm">{t.cohortIntro(cohort.count, windowDays)}</Paragraph>
      <Paragraph data-size="sm">
        {cohort.count > cohort.applications.length
          ? t.cohortNewest(cohort.applications.length, cohort.count)
          : t.cohortCases}
      </Paragraph>
      <List.Unordered>
        {cohort.applications.map((a) => (
          <List.Item key={a.caseId}>
            <RouteLink to={`/saker/${a.caseId}`}>{a.caseNumber}</RouteLink>
          </List.Item>
        ))}
      </List.Unordered>
      <Paragraph data-size="sm">{t.cohortDetails}</Paragraph>
      <dl className="sp-dl">
        <dt>{t.fields.scheme}</dt>
        <dd>{scheme ? msg.schemes[scheme] : t.notKnown}</dd>
        <dt>{t.fields.drug}</dt>
        <dd>{drug}</dd>
        <dt>{t.fields.indication}</dt>
        <dd>{diagnosis}</dd>
        <dt>{t.fields.scope}</dt>
        <dd>{msg.patientScopes.group}</dd>
      </dl>
      <div className="sp-row">
        {canStartGroup && first ? (
          <Form method="post" action={`/saker/${first.caseId}/gruppesoknad`}>
            <Button type="submit">{t.cohortGroup}</Button>
          </Form>
        ) : (
          <Paragraph data-size="sm">{`${t.cohortGroup}: ${t.cohortGroupHandOver}`}</Paragraph>
        )}
      </div>
      <Paragraph data-size="sm">
        {t.cohortProposalText}{' '}
        <Link href={NYE_METODER_PROPOSAL_URL} target="_blank" rel="noopener noreferrer">
          {t.cohortProposal}
        </Link>
      </Paragraph>
    </Card>
  );
}

/** The cohort signal for the director: similar single-patient applications, with two offers. */
export function CohortSignals({
  cohorts,
  windowDays,
  canStartGroup,
  total,
  first,
  pager,
}: CohortView & {
  /** The links to the first and the next page of cohorts (home page), when there is one. */
  pager?: { first: string | null; next: string | null };
}) {
  const t = msg.cohortSignals;
  if (cohorts.length === 0 && !pager?.first) return null;
  return (
    <section className="sp-stack" aria-labelledby="cohorts">
      <Heading level={2} data-size="md" id="cohorts">
        {t.cohortTitle}
      </Heading>
      {total > cohorts.length && (
        <Paragraph data-size="sm">
          {cohorts.length === 0
            ? t.cohortsNoMore
            : t.cohortsShowing(first + 1, first + cohorts.length, total)}
        </Paragraph>
      )}
      {cohorts.map((c, i) => (
        <Cohort
          key={c.key}
          cohort={c}
          windowDays={windowDays}
          canStartGroup={canStartGroup}
          index={first + i}
        />
      ))}
      {pager && (
        <Pager
          {...pager}
          label={t.cohortsPages}
          firstLabel={t.cohortsLargest}
          nextLabel={t.cohortsMore}
        />
      )}
    </section>
  );
}
