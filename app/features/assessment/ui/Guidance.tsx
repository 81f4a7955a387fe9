import { Details, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';

/** Guidance on the priority criteria and on what makes a good application, with the regulations. */
export function Guidance() {
  const t = msg.assessment;
  return (
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
          </Paragraph>
        </div>
      </Details.Content>
    </Details>
  );
}
