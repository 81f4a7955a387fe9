import { msg } from '../../../i18n';
import { RouteLink } from '../../../ui/RouteLink';
import type { InquiryStatus } from '../domain/inquiry';
import { InquiryStatusTag } from './InquiryTable';

/** An inquiry as the loader sends it. */
export interface InquiryShown {
  caseNumber: string;
  caseTrustName: string;
  askerName: string;
  askerTrustName: string;
  question: string;
  askedAt: Date | string;
  status: InquiryStatus;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: Date | string | null;
  withdrawnAt: Date | string | null;
}

/**
 * One inquiry: the case by løpenummer (its national summary, nothing more), who asked, the
 * question and, once given, the answer (or when it was withdrawn). `caseLink`: link the number to
 * the case's summary.
 */
export function InquiryDetails({
  inquiry,
  caseLink = true,
}: {
  inquiry: InquiryShown;
  caseLink?: boolean;
}) {
  const t = msg.inquiries;
  return (
    <dl className="sp-dl">
      <dt>{t.caseColumn}</dt>
      <dd>
        {caseLink ? (
          <RouteLink
            to={`/nasjonalt/saker/${encodeURIComponent(inquiry.caseNumber)}`}
            aria-label={t.summaryLink(inquiry.caseNumber)}
          >
            {inquiry.caseNumber}
          </RouteLink>
        ) : (
          inquiry.caseNumber
        )}
      </dd>
      <dt>{t.caseTrust}</dt>
      <dd>{inquiry.caseTrustName}</dd>
      <dt>{t.askedBy}</dt>
      <dd>{t.person(inquiry.askerName, inquiry.askerTrustName)}</dd>
      <dt>{t.askedAt}</dt>
      <dd>{msg.dateTime(new Date(inquiry.askedAt))}</dd>
      <dt>{t.status}</dt>
      <dd>
        <InquiryStatusTag status={inquiry.status} />
      </dd>
      <dt>{t.question}</dt>
      <dd className="sp-pre">{inquiry.question}</dd>
      {inquiry.answer !== null && (
        <>
          <dt>{t.answer}</dt>
          <dd className="sp-pre">{inquiry.answer}</dd>
          <dt>{t.answeredBy}</dt>
          <dd>{inquiry.answeredByName}</dd>
          {inquiry.answeredAt && (
            <>
              <dt>{t.answeredAt}</dt>
              <dd>{msg.dateTime(new Date(inquiry.answeredAt))}</dd>
            </>
          )}
        </>
      )}
      {inquiry.withdrawnAt && (
        <>
          <dt>{t.withdrawnAt}</dt>
          <dd>{msg.dateTime(new Date(inquiry.withdrawnAt))}</dd>
        </>
      )}
    </dl>
  );
}
