import { Alert, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { MarketingStatus } from '../domain/drug';
import type { ShownDrugFacts } from '../domain/snapshot';

const STATUS_COLOR: Record<MarketingStatus, 'success' | 'warning' | 'neutral'> = {
  marketed: 'success',
  notMarketed: 'warning',
  withdrawn: 'neutral',
};

/** A link that opens in a new tab, and says so in its text. */
function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} target="_blank" rel="noreferrer">
      {children} {msg.fest.facts.newTab}
    </Link>
  );
}

/**
 * What FEST says about a drug: for the application form and the case page, from today's FEST or
 * from the snapshot taken when the application was sent.
 */
export function DrugFactsCard({
  facts,
  headingLevel = 3,
}: {
  facts: ShownDrugFacts;
  headingLevel?: 2 | 3 | 4 | 5;
}) {
  const f = msg.fest.facts;
  const refund = [
    facts.refund.bluePrescription ? f.bluePrescription : null,
    facts.refund.hPrescription ? f.hPrescription : null,
  ].filter((r): r is string => r !== null);
  return (
    <Card className="sp-stack">
      <Heading level={headingLevel} data-size="sm">
        {f.title(facts.name)}
      </Heading>
      <div className="sp-row">
        <Tag data-color={STATUS_COLOR[facts.marketingStatus]}>
          {msg.fest.marketingStatuses[facts.marketingStatus]}
        </Tag>
        {facts.requiresExemption && <Tag data-color="warning">{msg.fest.requiresExemption}</Tag>}
      </div>
      {facts.requiresExemption && <Alert data-color="warning">{f.exemptionNote}</Alert>}
      {facts.marketingStatus === 'withdrawn' && <Alert data-color="info">{f.withdrawnNote}</Alert>}
      <dl className="sp-dl">
        {facts.atc && (
          <>
            <dt>{f.atc}</dt>
            <dd>{facts.atc.name ? `${facts.atc.code} ${facts.atc.name}` : facts.atc.code}</dd>
          </>
        )}
        <dt>{f.form}</dt>
        <dd>{facts.form.description ?? facts.form.name ?? '–'}</dd>
        <dt>{f.substances}</dt>
        <dd>
          {facts.substances.length
            ? facts.substances
                .map((s) => [s.name, s.strength].filter((part) => part !== null).join(' '))
                .join(', ')
            : '–'}
        </dd>
        {facts.preparattype && (
          <>
            <dt>{f.preparattype}</dt>
            <dd>{facts.preparattype.name ?? facts.preparattype.code}</dd>
          </>
        )}
        {facts.reseptgruppe && (
          <>
            <dt>{f.reseptgruppe}</dt>
            <dd>{facts.reseptgruppe}</dd>
          </>
        )}
        <dt>{f.cheapestAup}</dt>
        <dd>
          {facts.cheapestAup
            ? f.aupForPack(
                msg.fest.nok(facts.cheapestAup.amount),
                facts.cheapestAup.packSize ?? facts.cheapestAup.varenr ?? '',
              )
            : f.noPrice}
        </dd>
        <dt>{f.refund}</dt>
        <dd>{refund.length ? refund.join(', ') : f.noRefund}</dd>
      </dl>
      <div className="sp-row">
        {facts.spcUrl ? (
          <ExternalLink href={facts.spcUrl}>{f.spc}</ExternalLink>
        ) : (
          <Paragraph data-size="sm">{f.noSpc}</Paragraph>
        )}
        <ExternalLink href={facts.felleskatalogenUrl}>{f.felleskatalogen}</ExternalLink>
      </div>
      <Paragraph data-size="xs">{f.source}</Paragraph>
    </Card>
  );
}
