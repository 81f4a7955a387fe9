import { Details, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import type { LocalGuidance as LocalGuidanceText } from '../../guidance/domain/guidance';
import { SOURCE_URLS } from '../../guidance/domain/sources';
import { LocalGuidance } from '../../guidance/ui/LocalGuidance';

/**
 * Guidance on the priority criteria and on what makes a good application, with the regulations;
 * under it the treating trust's own guidance for this place, if it has written any.
 */
export function Guidance({
  local,
  localId,
  localHeadingLevel,
}: {
  local: LocalGuidanceText | null;
  localId: string;
  localHeadingLevel: 2 | 3 | 4;
}) {
  const t = msg.assessment;
  return (
    <>
      <Details>
        <Details.Summary>{t.guidanceTitle}</Details.Summary>
        <Details.Content>
          <div className="sp-stack">
            <Paragraph>{t.guidanceCriteria}</Paragraph>
            <List.Unordered>
              {t.guidanceGood.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List.Unordered>
            <Paragraph>
              {`${t.guidanceLinks}: `}
              <Link href={t.lawPriorityUrl}>{t.lawPriority}</Link>
              {', '}
              <Link href={t.whitePaperUrl}>{t.whitePaper}</Link>
              {', '}
              <Link href={SOURCE_URLS.offLabelFramework}>{t.offLabelFramework}</Link>
              {', '}
              <Link href={SOURCE_URLS.experimentalTreatment}>{t.experimentalTreatment}</Link>
            </Paragraph>
          </div>
        </Details.Content>
      </Details>
      <LocalGuidance guidance={local} id={localId} headingLevel={localHeadingLevel} framed />
    </>
  );
}
