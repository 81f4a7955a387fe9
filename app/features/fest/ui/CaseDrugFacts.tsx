import { Alert, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { FestChange, FestImportRef, FestSnapshot, ShownDrugFacts } from '../domain/snapshot';
import { DrugFactsCard } from './DrugFactsCard';

const m = msg.fest.snapshot;

const orNone = (value: string | null) => value ?? m.none;
const price = (amount: number | null) => (amount === null ? m.none : msg.fest.nok(amount));
/** The level of the headings inside the section (the changes, the facts card), one below its own. */
const INNER_LEVEL = { 2: 3, 3: 4, 4: 5 } as const;

/** One change in FEST since the application was sent, in plain Norwegian. */
export function festChangeText(change: FestChange): string {
  const c = m.changes;
  switch (change.kind) {
    case 'withdrawn':
      return c.withdrawn;
    case 'restored':
      return c.restored;
    case 'marketingStatus':
      return c.marketingStatus(
        msg.fest.marketingStatuses[change.from],
        msg.fest.marketingStatuses[change.to],
      );
    case 'exemption':
      return change.required ? c.exemptionRequired : c.exemptionNotRequired;
    case 'preparattype':
      return c.preparattype(orNone(change.from), orNone(change.to));
    case 'atc':
      return c.atc(orNone(change.from), orNone(change.to));
    case 'name':
      return c.name(change.from, change.to);
    case 'strength':
      return c.strength(orNone(change.from), orNone(change.to));
    case 'price':
      return c.price(price(change.from), price(change.to));
    case 'refund':
      if (change.basis === 'bluePrescription') {
        return change.covered ? c.bluePrescriptionAdded : c.bluePrescriptionRemoved;
      }
      return change.covered ? c.hPrescriptionAdded : c.hPrescriptionRemoved;
    case 'spc':
      return c.spc;
  }
}

/**
 * The drug on the case page and the assessment page (ADR 0027): as FEST described it when the
 * application was sent, with what FEST has changed since; for a case sent before snapshots were
 * kept, today's facts, saying so; for a draft, today's facts.
 */
export function CaseDrugFacts({
  snapshot,
  changes,
  changedIn,
  today,
  sent,
  headingLevel = 3,
}: {
  snapshot: FestSnapshot | null;
  changes: readonly FestChange[];
  /** The FEST extracts the changes came with, oldest first (from the import's history). */
  changedIn: readonly FestImportRef[];
  today: ShownDrugFacts | null;
  /** The application has been sent (it has a submission time). */
  sent: boolean;
  headingLevel?: 2 | 3 | 4;
}) {
  const cardLevel = INNER_LEVEL[headingLevel];
  const extracts = changedIn.flatMap((run) =>
    run.hentetAt ? [msg.dateTime(new Date(run.hentetAt))] : [],
  );
  if (snapshot) {
    return (
      <section className="sp-stack" aria-labelledby="drug-as-sent">
        <Heading level={headingLevel} data-size="sm" id="drug-as-sent">
          {m.title}
        </Heading>
        <Paragraph>
          {m.takenAt(msg.dateTime(new Date(snapshot.takenAt)))}
          {snapshot.festImport?.hentetAt &&
            ` ${m.extract(msg.dateTime(new Date(snapshot.festImport.hentetAt)))}`}
        </Paragraph>
        {changes.length > 0 ? (
          <Alert data-color="warning">
            <Heading level={cardLevel} data-size="xs">
              {m.changedTitle}
            </Heading>
            <Paragraph>{m.changedIntro}</Paragraph>
            <List.Unordered>
              {changes.map((change) => (
                <List.Item key={change.kind + ('basis' in change ? change.basis : '')}>
                  {festChangeText(change)}
                </List.Item>
              ))}
            </List.Unordered>
            {extracts.length > 0 && <Paragraph>{m.changedIn(extracts)}</Paragraph>}
          </Alert>
        ) : (
          <Paragraph>{m.unchanged}</Paragraph>
        )}
        <DrugFactsCard facts={snapshot.facts} headingLevel={cardLevel} />
      </section>
    );
  }
  if (!today) return null;
  if (!sent) return <DrugFactsCard facts={today} headingLevel={headingLevel} />;
  return (
    <section className="sp-stack" aria-labelledby="drug-today">
      <Heading level={headingLevel} data-size="sm" id="drug-today">
        {m.todayTitle}
      </Heading>
      <Alert data-color="info">{m.noSnapshot}</Alert>
      <DrugFactsCard facts={today} headingLevel={cardLevel} />
    </section>
  );
}
