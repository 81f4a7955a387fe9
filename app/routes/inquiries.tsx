import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { listInquiries } from '../features/inquiries/inquiries.server';
import { inquiryRefusal } from '../features/inquiries/http.server';
import { InquiryTable } from '../features/inquiries/ui/InquiryTable';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/inquiries';

/**
 * GET /henvendelser: the inquiries about cases of the national overview. A medical director sees
 * those to their trust (open ones first); whoever asks sees their own. Others: 403.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  return listInquiries(context.db, actor).catch(inquiryRefusal);
}

export default function InquiriesPage({ loaderData }: Route.ComponentProps) {
  const { received, sent } = loaderData;
  const t = msg.inquiries;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {received && (
        <section className="sp-stack" aria-labelledby="inquiries-received">
          <Heading level={2} data-size="md" id="inquiries-received">
            {t.receivedTitle}
          </Heading>
          {received.length === 0 ? (
            <Paragraph>{t.receivedEmpty}</Paragraph>
          ) : (
            <InquiryTable items={received} kind="received" caption={t.receivedTitle} />
          )}
        </section>
      )}
      {sent && (
        <section className="sp-stack" aria-labelledby="inquiries-sent">
          <Heading level={2} data-size="md" id="inquiries-sent">
            {t.sentTitle}
          </Heading>
          {sent.length === 0 ? (
            <Paragraph>{t.sentEmpty}</Paragraph>
          ) : (
            <InquiryTable items={sent} kind="sent" caption={t.sentTitle} />
          )}
        </section>
      )}
    </div>
  );
}
