import { Alert, Card, Heading } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import { answerInquiry, getInquiry } from '../features/inquiries/inquiries.server';
import { inquiryErrorData, inquiryRefusal } from '../features/inquiries/http.server';
import { InquiryDetails } from '../features/inquiries/ui/InquiryDetails';
import { ANSWER_FIELDS, AnswerForm, unsavedAnswer } from '../features/inquiries/ui/InquiryForms';
import { msg } from '../i18n';
import { formTexts, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/inquiry';
import { ProblemAlert } from '../ui/ProblemAlert';
import { RouteLink } from '../ui/RouteLink';

/**
 * GET /henvendelser/:inquiryId: one inquiry, for the case's trust's medical directors and the
 * person who asked (anyone else: 404), with the answer form while it is open.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const found = await getInquiry(context.db, actor, params.inquiryId).catch(inquiryRefusal);
  return { ...found, answered: new URL(request.url).searchParams.has('besvart') };
}

/**
 * POST: a medical director answers. Bad text (400) and a refusal (403; 409 when a colleague
 * answered first) come back with what was typed.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const values = formTexts(await request.formData(), ANSWER_FIELDS);
  try {
    await answerInquiry(context.db, actor, params.inquiryId, values);
  } catch (error) {
    return inquiryErrorData(error, values);
  }
  return redirect(`/henvendelser/${params.inquiryId}?besvart`);
}

export default function InquiryPage({ loaderData, actionData }: Route.ComponentProps) {
  const { inquiry, canAnswer, answered } = loaderData;
  const t = msg.inquiries;
  const title = t.inquiryTitle(inquiry.caseNumber);
  return (
    <div className="sp-stack">
      <title>{pageTitle(title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {answered && <Alert data-color="success">{t.answered}</Alert>}
      {/* The form is gone (a colleague answered first): the refusal, with the answer to copy. */}
      {!canAnswer && actionData?.problem && (
        <ProblemAlert
          message={t.problems[actionData.problem]}
          unsaved={unsavedAnswer(actionData.values)}
        />
      )}
      <InquiryDetails inquiry={inquiry} />
      {canAnswer && (
        <Card data-color="neutral">
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
      <RouteLink to="/henvendelser">{t.backToList}</RouteLink>
    </div>
  );
}
