import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { LocalGuidance as LocalGuidanceText } from '../../guidance/domain/guidance';
import { SOURCE_URLS } from '../../guidance/domain/sources';
import { LocalGuidance } from '../../guidance/ui/LocalGuidance';

/** The regulations a decision rests on, with links to the sources. */
const SOURCES = [
  {
    key: 'priority',
    href: 'https://lovdata.no/dokument/SF/forskrift/2000-12-01-1208',
  },
  { key: 'offLabelFramework', href: SOURCE_URLS.offLabelFramework },
  { key: 'experimentalTreatment', href: SOURCE_URLS.experimentalTreatment },
  {
    key: 'drugRegulation',
    href: 'https://lovdata.no/dokument/SF/forskrift/2009-12-18-1839',
  },
  {
    key: 'specialistAct',
    href: 'https://lovdata.no/dokument/NL/lov/1999-07-02-61',
  },
  { key: 'newMethods', href: 'https://www.nyemetoder.no' },
] as const;

/**
 * Guidance beside the decision form: what a decision must contain, and the regulations; under
 * them the treating trust's own guidance for decisions, if it has written any.
 */
export function RegulationGuide({
  headingId,
  local,
}: {
  headingId: string;
  local: LocalGuidanceText | null;
}) {
  const g = msg.decisionModule.guidance;
  return (
    <Card data-color="info" className="sp-stack">
      <Heading level={3} data-size="xs" id={headingId}>
        {g.title}
      </Heading>
      <Paragraph data-size="sm">{g.intro}</Paragraph>
      <ul className="sp-stack">
        {SOURCES.map((source) => (
          <li key={source.key}>
            <Link href={source.href}>{g[source.key]}</Link>
            <Paragraph data-size="sm">{g[`${source.key}Note`]}</Paragraph>
          </li>
        ))}
      </ul>
      <LocalGuidance guidance={local} id={`${headingId}-local`} headingLevel={4} />
    </Card>
  );
}
