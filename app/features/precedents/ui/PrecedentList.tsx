import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { norwegianDateOf } from '../../cases/domain/dates';
import { DECISION_OUTCOMES } from '../../cases/domain/application';
import type { PrecedentResult } from '../precedents.server';
import { RouteLink } from '../../../ui/RouteLink';
import { TableScroll } from '../../../ui/TableScroll';

const t = () => msg.precedents;

const outcomeLabel = (o: string) =>
  (DECISION_OUTCOMES as readonly string[]).includes(o)
    ? msg.outcomes[o as (typeof DECISION_OUTCOMES)[number]]
    : o;

/** The variation view's address for a drug and indication. */
export const variationHref = (atc: string, diagnosis: string) =>
  `/nasjonalt/variasjon?${new URLSearchParams({ atc, diagnose: diagnosis }).toString()}`;

/** «Tidligere vedtak»: earlier decisions across all trusts on the same drug and indication. */
export function PrecedentPanel({
  result,
  id = 'precedents',
}: {
  result: PrecedentResult | null;
  id?: string;
}) {
  return (
    <Card aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {t().panelTitle}
      </Heading>
      {result === null ? (
        <Paragraph data-size="sm">{t().needDrugAndDiagnosis}</Paragraph>
      ) : (
        <PrecedentBody result={result} captionId={`${id}-caption`} />
      )}
    </Card>
  );
}

function PrecedentBody({ result, captionId }: { result: PrecedentResult; captionId: string }) {
  const { target } = result;
  const drug = target.substance ?? target.atc ?? '';
  const diagnosis = result.diagnosisName
    ? `${target.diagnosis.replace(/^[A-Z0-9]+:/, '')} ${result.diagnosisName}`
    : target.diagnosis;
  return (
    <div className="sp-stack">
      <Paragraph data-size="sm">{t().panelIntro}</Paragraph>
      <Paragraph data-size="sm">
        <strong>{t().forDrug(`${drug}${target.atc ? ` (${target.atc})` : ''}`, diagnosis)}</strong>
      </Paragraph>
      {result.total === 0 ? (
        <Paragraph data-size="sm">{t().none}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">{t().count(result.precedents.length, result.total)}</Paragraph>
          <div className="sp-row" aria-label={t().totals} role="group">
            {(['approved', 'approvedWithConditions', 'rejected'] as const).map((o) => (
              <Tag key={o} data-color={o === 'rejected' ? 'danger' : 'success'}>
                {`${msg.outcomes[o]}: ${result.outcomes[o] ?? t().underFive}`}
              </Tag>
            ))}
          </div>
          <TableScroll label={t().panelTitle}>
            <Table zebra data-size="sm">
              <caption id={captionId} className="ds-sr-only">
                {t().panelTitle}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t().caseNumber}</Table.HeaderCell>
                  <Table.HeaderCell>{t().trust}</Table.HeaderCell>
                  <Table.HeaderCell>{t().outcome}</Table.HeaderCell>
                  <Table.HeaderCell>{t().conditions}</Table.HeaderCell>
                  <Table.HeaderCell>{t().decidedAt}</Table.HeaderCell>
                  <Table.HeaderCell>{t().match}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.precedents.map((p) => (
                  <Table.Row key={p.caseNumber}>
                    <Table.Cell className="sp-nowrap">
                      <RouteLink
                        to={`/nasjonalt/saker/${encodeURIComponent(p.caseNumber)}`}
                        aria-label={t().openSummary(p.caseNumber)}
                      >
                        {p.caseNumber}
                      </RouteLink>
                    </Table.Cell>
                    <Table.Cell>{p.trustName}</Table.Cell>
                    <Table.Cell>{outcomeLabel(p.outcome)}</Table.Cell>
                    <Table.Cell>{p.conditions ?? t().notKnown}</Table.Cell>
                    <Table.Cell>{norwegianDateOf(p.decidedAt)}</Table.Cell>
                    <Table.Cell>
                      {t().matchLabel(p.match.drug === 0, p.match.indication === 0)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
      {target.atc && (
        <RouteLink to={variationHref(target.atc, target.diagnosis)}>{t().variationLink}</RouteLink>
      )}
    </div>
  );
}
