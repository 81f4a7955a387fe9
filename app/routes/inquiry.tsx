import { Alert, Card, Heading } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import { answerInquiry, getInquiry, withdrawInquiry } from '../features/inquiries/inquiries.server';
import { inquiryErrorData, inquiryRefusal } from '../features/inquiries/http.server';
import { InquiryDetails } from '../features/inquiries/ui/InquiryDetails';
import {
  AnswerForm,
  INQUIRY_PAGE_FIELDS,
  unsavedAnswer,
  WITHDRAW_INTENT,
  WithdrawForm,
} from '../features/inquiries/ui/InquiryForms';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/inquiry';
import { ProblemAlert } from '../ui/ProblemAlert';
import { RouteLink } from '../ui/RouteLink';

/**
 * GET /henvendelser/:inquiryId: one inquiry, for the case's trust's medical directors and the
 * person who asked (anyone else: 404), with the answer form (the directors) or the withdrawal (the
 * asker) while it is open.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const found = await getInquiry(context.db, actor, params.inquiryId).catch(inquiryRefusal);
  const query = new URL(request.url).searchParams;
  return { ...found, answered: query.has('besvart'), withdrawn: query.has('trukket') };
}

/**
 * POST: a medical director answers, or the asker withdraws (`intent=withdraw`). Bad text (400)
 * and a refusal (403; 409 when a colleague answered first, the asker withdrew, or the question
 * was answered before the withdrawal) come back with what was typed.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), INQUIRY_PAGE_FIELDS);
  const withdrawing = values.intent === WITHDRAW_INTENT;
  try {
    if (withdrawing) await withdrawInquiry(context.db, actor, params.inquiryId, values);
    else await answerInquiry(context.db, actor, params.inquiryId, values);
  } catch (error) {
    return inquiryErrorData(error, values);
  }
  return redirect(`/henvendelser/${params.inquiryId}?${withdrawing ? 'trukket' : 'besvart'}`);
}

/** After a 409 the inquiry is read again: its forms go once it is answered or withdrawn. */
export const shouldRevalidate = revalidateAfterConflict;

export default function InquiryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { inquiry, canAnswer, canWithdraw, answered, withdrawn } = loaderData;
  const t = msg.inquiries;
  const title = t.inquiryTitle(inquiry.caseNumber);
  return (
    <div className="sp-stack">
      <title>{pageTitle(title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {answered && <Alert data-color="success">{t.answered}</Alert>}
      {withdrawn && <Alert data-color="success">{t.withdrawn}</Alert>}
      {/* The form is gone (a colleague answered first, the asker withdrew, or the withdrawal came
          too late): the refusal, with an answer's text to copy. */}
      {!canAnswer && actionData?.problem && (
        <ProblemAlert
          message={t.problems[actionData.problem]}
          unsaved={unsavedAnswer(actionData.values)}
        />
      )}
      <InquiryDetails inquiry={inquiry} />
      {canAnswer && (
        <Card>
          <Heading level={2} data-size="sm" id="inquiry-answer">
            {t.answerTitle}
          </Heading>
          <AnswerForm
            inquiryId={inquiry.id}
            version={inquiry.version}
            submitted={actionData ?? null}
          />
        </Card>
      )}
      {canWithdraw && (
        <Card>
          <Heading level={2} data-size="sm" id="inquiry-withdraw">
            {t.withdrawTitle}
          </Heading>
          <WithdrawForm inquiryId={inquiry.id} version={inquiry.version} />
        </Card>
      )}
      <RouteLink to="/henvendelser">{t.backToList}</RouteLink>
    </div>
  );
}
