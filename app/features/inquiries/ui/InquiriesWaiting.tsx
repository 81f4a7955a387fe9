import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { RouteLink } from '../../../ui/RouteLink';
import { InquiryTable, type InquiryItem } from './InquiryTable';

/**
 * The start page's «Henvendelser som venter på svar»: the open questions other trusts have asked
 * the medical director's trust (`openInquiriesToUs`); nothing when there are none.
 */
export function InquiriesWaiting({ items }: { items: readonly InquiryItem[] }) {
  if (items.length === 0) return null;
  const t = msg.inquiries;
  return (
    <section className="sp-stack" aria-labelledby="inquiries-waiting">
      <Heading level={2} data-size="md" id="inquiries-waiting">
        {t.waitingTitle} <Tag data-color="warning">{items.length}</Tag>
      </Heading>
      <Paragraph>
        {t.waitingIntro} <RouteLink to="/henvendelser">{t.waitingAll}</RouteLink>
      </Paragraph>
      <InquiryTable items={items} kind="received" caption={t.waitingTitle} />
    </section>
  );
}
