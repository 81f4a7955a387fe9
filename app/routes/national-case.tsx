import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import { DECISION_OUTCOMES, PATIENT_SCOPES, SCHEMES } from '../features/cases/domain/application';
import { CaseError } from '../features/cases/domain/errors';
import { byLifecycle, isStatus } from '../features/cases/domain/workflow';
import { norwegianDate } from '../features/cases/domain/dates';
import { inquiryErrorData } from '../features/inquiries/http.server';
import { askInquiry, nationalCasePage } from '../features/inquiries/inquiries.server';
import { CaseInquiries } from '../features/inquiries/ui/CaseInquiries';
import { ASK_FIELDS } from '../features/inquiries/ui/InquiryForms';
import { variationHref } from '../features/precedents/ui/PrecedentList';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/national-case';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';
import { KeepTogether } from '../ui/KeepTogether';
import { RetrospectiveTag } from '../features/retrospective/ui/RetrospectiveTag';

/**
 * GET /nasjonalt/saker/:caseNumber: the national summary of one case (no personal data), and for
 * someone of another trust who may ask, the form to ask its trust and their earlier questions.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const caseNumber = params.caseNumber.slice(0, 40);
  const sent = new URL(request.url).searchParams.has('sendt');
  try {
    return { caseNumber, sent, ...(await nationalCasePage(context.db, actor, caseNumber)) };
  } catch (error) {
    if (error instanceof CaseError && error.code === 'notFound') {
      return data({ caseNumber, sent, summary: null, inquiries: null }, { status: 404 });
    }
    throw error;
  }
}

/**
 * POST: ask the case's trust for more information (features/inquiries). Bad text (400) and a
 * refusal (403 for the case's own trust or a role that does not ask, 409 for an unanswered
 * question already sent) come back with what was typed.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const caseNumber = params.caseNumber.slice(0, 40);
  const values = formTexts(await request.formData(), ASK_FIELDS);
  try {
    await askInquiry(context.db, actor, caseNumber, values.question);
  } catch (error) {
    return inquiryErrorData(error, values);
  }
  return redirect(`/nasjonalt/saker/${encodeURIComponent(caseNumber)}?sendt#inquiry-ask`);
}

const DAY_SECONDS = 86400;
const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  list.find((v) => v === value) ?? null;

export default function NationalCase({ loaderData, actionData }: Route.ComponentProps) {
  const { caseNumber, summary, inquiries, sent } = loaderData;
  const t = msg.precedents;
  if (!summary) {
    return (
      <div className="sp-stack">
        <title>{pageTitle(t.notFoundTitle, msg.app.name)}</title>
        <Heading level={1} data-size="lg">
          {t.notFoundTitle}
        </Heading>
        <Paragraph>{t.notFound(caseNumber)}</Paragraph>
      </div>
    );
  }
  const f = t.fields;
  const scheme = oneOf(SCHEMES, summary.scheme);
  const scope = oneOf(PATIENT_SCOPES, summary.patientScope);
  const outcome = oneOf(DECISION_OUTCOMES, summary.outcome);
  const [main, ...others] = summary.diagnosisCodes;
  const diagnosisLine = (code: string) =>
    `${code.replace(/^[A-Z0-9]+:/, '')} ${summary.diagnosisNames[code] ?? ''}`.trim();
  const days = (seconds: number | null) =>
    seconds === null ? t.notKnown : t.days(seconds / DAY_SECONDS);
  // In the lifecycle's order, not the order the summary stored them in.
  const stages = Object.entries(summary.stageSeconds).sort(([a], [b]) => byLifecycle(a, b));
  return (
    <div className="sp-stack">
      <title>
        {pageTitle(t.summaryTitle(summary.caseNumber), msg.app.name, postFailed(actionData))}
      </title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          <KeepTogether text={t.summaryTitle(summary.caseNumber)} part={summary.caseNumber} />
        </Heading>
        {summary.retrospective && <RetrospectiveTag />}
      </div>
      <Paragraph>{t.summaryIntro}</Paragraph>
      <dl className="sp-dl">
        <dt>{f.trust}</dt>
        <dd>{summary.trustName}</dd>
        <dt>{f.status}</dt>
        <dd>{isStatus(summary.status) ? msg.statuses[summary.status] : summary.status}</dd>
        <dt>{f.scheme}</dt>
        <dd>{scheme ? msg.schemes[scheme] : t.notKnown}</dd>
        <dt>{f.scope}</dt>
        <dd>{scope ? msg.patientScopes[scope] : t.notKnown}</dd>
        <dt>{f.drug}</dt>
        <dd>{summary.drugLabel ?? t.notKnown}</dd>
        <dt>{f.substance}</dt>
        <dd>{summary.substance ?? t.notKnown}</dd>
        <dt>{f.atc}</dt>
        <dd>{summary.atcCode ?? t.notKnown}</dd>
        <dt>{f.indication}</dt>
        <dd>{main ? diagnosisLine(main) : t.notKnown}</dd>
        {others.length > 0 && (
          <>
            <dt>{f.otherDiagnoses}</dt>
            <dd>{others.map(diagnosisLine).join('; ')}</dd>
          </>
        )}
        <dt>{f.submittedAt}</dt>
        <dd>{msg.dateTime(summary.submittedAt)}</dd>
        <dt>{f.decidedAt}</dt>
        <dd>{summary.decidedAt ? msg.dateTime(summary.decidedAt) : t.notDecided}</dd>
        <dt>{f.outcome}</dt>
        <dd>{outcome ? msg.outcomes[outcome] : t.notDecided}</dd>
        {summary.conditions && (
          <>
            <dt>{f.conditions}</dt>
            <dd className="sp-pre">{summary.conditions}</dd>
          </>
        )}
        {summary.evaluationDate && (
          <>
            <dt>{f.evaluationDate}</dt>
            <dd>{norwegianDate(summary.evaluationDate)}</dd>
          </>
        )}
        <dt>{f.processing}</dt>
        <dd>{days(summary.processingSeconds)}</dd>
        <dt>{f.followUp}</dt>
        <dd>
          {outcome === 'rejected'
            ? t.followUpNotApplicable
            : summary.continued === null
              ? t.notFollowedUp
              : summary.continued
                ? t.continued
                : t.stopped}
        </dd>
        {summary.retrospective && (
          <>
            <dt>{f.retrospective}</dt>
            <dd>{t.retrospectiveText}</dd>
          </>
        )}
      </dl>
      {stages.length > 0 && (
        <TableScroll label={t.stagesTitle}>
          <Table zebra data-size="sm">
            <caption>{t.stagesTitle}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t.stage}</Table.HeaderCell>
                <Table.HeaderCell>{t.time}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {stages.map(([stage, seconds]) => (
                <Table.Row key={stage}>
                  <Table.Cell>{isStatus(stage) ? msg.statuses[stage] : stage}</Table.Cell>
                  <Table.Cell>{days(seconds)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {summary.atcCode && main && (
        <RouteLink to={variationHref(summary.atcCode, main)}>{t.variationLink}</RouteLink>
      )}
      <CaseInquiries
        caseNumber={summary.caseNumber}
        trustName={summary.trustName}
        inquiries={inquiries}
        sent={sent}
        submitted={actionData ?? null}
      />
    </div>
  );
}
