import { Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { msg } from '../../../i18n';
import { hasGuidance, paragraphs, type LocalGuidance as Guidance } from '../domain/guidance';

/**
 * The treating trust's own guidance for one place, under the national guidance: its text as plain
 * text (paragraphs at blank lines, never markup) and its links, which open as ordinary links.
 * Renders nothing when the trust has written none.
 */
export function LocalGuidance({
  guidance,
  id,
  headingLevel,
  framed = false,
}: {
  guidance: Guidance | null | undefined;
  /** The heading's id (the section is named by it). */
  id: string;
  headingLevel: 2 | 3 | 4;
  /** In a card of its own (where no national guidance card holds it). */
  framed?: boolean;
}) {
  if (!hasGuidance(guidance)) return null;
  const t = msg.localGuidance;
  const section = (
    <section className="sp-stack" aria-labelledby={id}>
      <Heading level={headingLevel} data-size="2xs" id={id}>
        {t.title}
      </Heading>
      {paragraphs(guidance.text).map((lines, p) => (
        <Paragraph key={p} data-size="sm">
          {lines.map((line, i) => (
            <Fragment key={i}>
              {i > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Paragraph>
      ))}
      {guidance.links.length > 0 && (
        <List.Unordered aria-label={t.links}>
          {guidance.links.map((link) => (
            <List.Item key={`${link.url} ${link.title}`}>
              <Link href={link.url}>{link.title}</Link>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
  return framed ? <Card data-color="info">{section}</Card> : section;
}
