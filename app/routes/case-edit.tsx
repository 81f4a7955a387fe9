import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Link,
  List,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { data, Form, isRouteErrorResponse, redirect } from 'react-router';
import { listAttachments } from '../features/attachments/attachments.server';
import { loginPath } from '../features/auth/domain/return-path';
import { attachmentFlags } from '../features/attachments/domain/errors';
import { Attachments } from '../features/attachments/ui/Attachments';
import {
  coAuthorChoices,
  getCase,
  inviteCoAuthor,
  removeCoAuthor,
  saveAnswers,
  writtenDiagnoses,
} from '../features/cases/cases.server';
import { CaseError } from '../features/cases/domain/errors';
import {
  answersAfterSave,
  type FieldChange,
  type FieldChanges,
} from '../features/cases/domain/merge';
import {
  normaliseAnswer,
  QUESTIONS,
  type Answers,
  QUESTION_IDS,
  setAnswer,
  type QuestionId,
} from '../features/cases/domain/questionnaire';
import { openQuestion } from '../features/cases/domain/history';
import { ChangeHistory } from '../features/cases/ui/ChangeHistory';
import { ReturnedQuestion } from '../features/cases/ui/ReturnedQuestion';
import { QuestionnaireForm } from '../features/cases/ui/QuestionnaireForm';
import { answerDisplay } from '../features/cases/ui/QuestionnaireView';
import {
  BASE_FIELD,
  changesFromForm,
  questionsInForm,
} from '../features/cases/ui/questionnaire-form';
import { caseGuidance } from '../features/guidance/guidance.server';
import { LocalGuidance } from '../features/guidance/ui/LocalGuidance';
import { casePrecedents } from '../features/precedents/precedents.server';
import { LivePrecedentPanel } from '../features/precedents/ui/LivePrecedentPanel';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import { formText, pageTitle, postFailed } from '../lib/form';
import type { Route } from './+types/case-edit';
import { KeepTogether } from '../ui/KeepTogether';
import { ProblemAlert, type UnsavedText } from '../ui/ProblemAlert';
import { RemovePersonForm } from '../ui/RemovePersonForm';
import { RouteLink } from '../ui/RouteLink';
import { useHydrated } from '../ui/useHydrated';
import { ErrorBoundary as PageError } from '../root';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const view = await loadCase(() => getCase(context.db, actor, params.caseId, 'edit'));
  if (!view.editable) throw redirect(`/saker/${view.id}`);
  // Whom the applicant may invite, and the co-authors who have written in it (no «Fjern»).
  const { colleagues, wrote } = view.roles.includes('applicant')
    ? await coAuthorChoices(context.db, actor, view.id)
    : { colleagues: [], wrote: [] };
  const url = new URL(request.url);
  return {
    view,
    // The tab's backup of unsaved answers is kept per user (`backupKey`).
    userId: actor.userId,
    colleagues,
    wrote,
    saved: url.searchParams.get('lagret') === '1',
    invited: url.searchParams.get('invitert'),
    removed: url.searchParams.get('fjernet') === '1',
    attachments: {
      ...(await listAttachments(context.db, actor, view.id)),
      ...attachmentFlags(url.searchParams),
      maxBytes: context.attachments.maxBytes,
    },
    precedents: await casePrecedents(context.db, actor, view.id),
    // The treating trust's own guidance for the application form (features/guidance).
    guidance: await caseGuidance(context.db, actor, view.id, 'application'),
  };
}

/** The answers the posting editor started from (the form's hidden snapshot), normalised. */
function baseFrom(form: FormData): Answers {
  let raw: unknown = {};
  try {
    raw = JSON.parse(formText(form, BASE_FIELD) || '{}');
  } catch {
    raw = {};
  }
  const base: Answers = {};
  if (raw && typeof raw === 'object') {
    for (const [id, value] of Object.entries(raw)) {
      const question = QUESTIONS.get(id as QuestionId);
      const answer = question ? normaliseAnswer(question, value) : null;
      if (question && answer !== null) base[question.id] = answer;
    }
  }
  return base;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const present = await context.auth.getActor(request);
  const form = await request.formData();
  // A save without a session (it ended while the user typed): a redirect to the login page would
  // drop the posted answers, and they are never kept on the server meanwhile. They come back on a
  // page of their own, to send again once the user has logged in (`LoggedOutSavePage`).
  if (!present && questionsInForm(form).length > 0) {
    throw data(loggedOutSave(form), { status: 401 });
  }
  const actor = present ?? (await context.auth.requireActor(request));
  const intent = formText(form, 'intent');
  if (intent === 'invite') {
    const userId = formText(form, 'userId');
    try {
      await inviteCoAuthor(context.db, actor, params.caseId, userId);
    } catch (error) {
      // Nothing chosen, or someone not in the list: the message is at the invite form's field.
      return caseErrorData(error, { intent: 'invite' });
    }
    return redirect(`/saker/${params.caseId}/rediger?invitert=${encodeURIComponent(userId)}`);
  }
  if (intent === 'removeCoAuthor') {
    try {
      await removeCoAuthor(context.db, actor, params.caseId, formText(form, 'userId'));
    } catch (error) {
      return caseErrorData(error, null);
    }
    return redirect(`/saker/${params.caseId}/rediger?fjernet=1`);
  }
  const changes = changesFromForm(form, baseFrom(form));
  try {
    const result = await saveAnswers(context.db, actor, params.caseId, changes);
    const clean =
      Object.keys(result.errors).length === 0 && Object.keys(result.conflicts).length === 0;
    if (clean && intent === 'summary') return redirect(`/saker/${params.caseId}/oppsummering`);
    if (clean) return redirect(`/saker/${params.caseId}/rediger?lagret=1`);
    // The fields this editor changed keep what they typed (refused or in conflict too); every
    // other field shows what is stored. The stored answers become the new base, so saving again
    // keeps the editor's values where someone else changed them meanwhile, and nothing else.
    const shown = answersAfterSave(result.answers, changes);
    const diagnoses = writtenDiagnoses(shown);
    return data(
      {
        problem: null,
        fieldErrors: result.errors,
        values: { shown, base: result.answers },
        conflicted: Object.keys(result.conflicts).length > 0,
        conflicts: result.conflicts,
        diagnoses: diagnoses.names,
        unknownDiagnoses: result.errors.diagnoses ? diagnoses.unknown : [],
      },
      { status: 409 },
    );
  } catch (error) {
    // Sent in (or otherwise moved on) while this editor typed: the page would send them to the
    // case and drop what they typed, so the error page shows it instead (`ErrorBoundary`).
    if (error instanceof CaseError && error.code === 'invalidTransition') {
      throw data(closedSave(changes), { status: 409 });
    }
    if (error instanceof CaseError) return caseErrorData(error, null);
    throw error;
  }
}

/** What a save refused because the application can no longer be edited carries back. */
interface ClosedSave {
  closed: true;
  /** The answers the editor changed, as they typed them. */
  typed: Answers;
}

/** The answers an editor changed, as they typed them. */
function typedAnswers(changes: FieldChanges): Answers {
  let typed: Answers = {};
  for (const [id, change] of Object.entries(changes) as [QuestionId, FieldChange][]) {
    typed = setAnswer(typed, id, change.value);
  }
  return typed;
}

const closedSave = (changes: FieldChanges): ClosedSave => ({
  closed: true,
  typed: typedAnswers(changes),
});

function isClosedSave(value: unknown): value is ClosedSave {
  return typeof value === 'object' && value !== null && 'closed' in value && 'typed' in value;
}

/** What a save posted without a session carries back: nothing but the request's own body. */
interface LoggedOutSave {
  loggedOut: true;
  /** Every text field of the post as sent (name, value), in order: «Lagre på nytt» sends them. */
  posted: [string, string][];
  /** The answers the editor changed (against the form's base), as they typed them. */
  typed: Answers;
}

function loggedOutSave(form: FormData): LoggedOutSave {
  const posted = [...form.entries()].flatMap(([name, value]): [string, string][] =>
    typeof value === 'string' ? [[name, value]] : [],
  );
  return { loggedOut: true, posted, typed: typedAnswers(changesFromForm(form, baseFrom(form))) };
}

function isLoggedOutSave(value: unknown): value is LoggedOutSave {
  return typeof value === 'object' && value !== null && 'loggedOut' in value && 'posted' in value;
}

/** The typed answers with their questions' labels, in the questionnaire's order. */
function typedTexts(typed: Answers): (UnsavedText & { id: QuestionId })[] {
  return QUESTION_IDS.flatMap((id) => {
    const question = QUESTIONS.get(id);
    const value = typed[id];
    return question && value
      ? [{ id, label: msg.questionnaire.questions[id].label, text: answerDisplay(question, value) }]
      : [];
  });
}

/**
 * The answer to a save posted after the session ended (401): says that nothing was saved, shows
 * what the user changed under «Dette skrev du», links to the login in a new tab and sends the same
 * post again with «Lagre på nytt» once they have logged in there. Everything on it comes from the
 * request's own body (and the catalogue): nothing is read for a request without a session. The
 * patient id shows as typed, like every other field: it is what this browser just sent, the edit
 * page showed it, the post to send again must carry it anyway, and the user needs it to check.
 */
function LoggedOutSavePage({ caseId, refused }: { caseId: string; refused: LoggedOutSave }) {
  const editPath = `/saker/${caseId}/rediger`;
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.edit.loggedOutTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.edit.loggedOutTitle}
      </Heading>
      <ProblemAlert message={msg.edit.loggedOutBody} unsaved={typedTexts(refused.typed)} />
      <Paragraph>{msg.edit.loggedOutHowTo}</Paragraph>
      <Paragraph>
        <Link href={loginPath(editPath)} target="_blank" rel="noopener">
          {msg.autosave.logInAgain}
        </Link>
      </Paragraph>
      <Form method="post" action={editPath}>
        {refused.posted.map(([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit">{msg.edit.saveAgain}</Button>
      </Form>
    </div>
  );
}

/**
 * A save refused because the application was sent in (by a co-author, say) meanwhile: says so and
 * shows what the editor typed, to copy. A save posted without a session: `LoggedOutSavePage`.
 * Every other error is the app's error page.
 */
export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  const refused: unknown = isRouteErrorResponse(error) ? error.data : null;
  if (isLoggedOutSave(refused))
    return <LoggedOutSavePage caseId={params.caseId} refused={refused} />;
  if (!isClosedSave(refused)) return <PageError error={error} params={{}} />;
  const typed = typedTexts(refused.typed);
  return (
    <div className="sp-stack">
      <title>{pageTitle(msg.edit.closedTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {msg.edit.closedTitle}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{msg.edit.closedBody}</Paragraph>
      </Alert>
      {typed.length > 0 && (
        <section className="sp-stack" aria-labelledby="typed-heading">
          <Heading level={2} data-size="sm" id="typed-heading">
            {msg.edit.closedTyped}
          </Heading>
          <dl className="sp-dl">
            {typed.map((answer) => (
              <div key={answer.id}>
                <dt>{answer.label}</dt>
                <dd>
                  <blockquote className="sp-quote">{answer.text}</blockquote>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <RouteLink to={`/saker/${params.caseId}`}>{msg.edit.toCase}</RouteLink>
    </div>
  );
}

export default function EditApplication({ loaderData, actionData }: Route.ComponentProps) {
  const { view, colleagues, wrote, saved, invited, removed } = loaderData;
  const applicant = view.roles.includes('applicant');
  const returned = actionData && 'conflicted' in actionData ? actionData : null;
  const inviteRefused =
    actionData && !returned && actionData.values && 'intent' in actionData.values
      ? actionData.fieldErrors.userId !== undefined
      : false;
  const invitedName = view.coAuthors.find((p) => p.id === invited)?.name;
  const returnedWith = openQuestion(view.status, view.history);
  // Without JavaScript the other forms here load the page anew: unsaved answers would be lost.
  const hydrated = useHydrated();
  const title = view.caseNumber
    ? `${msg.application.editTitle} ${view.caseNumber}`
    : msg.application.editTitle;
  return (
    <div className="sp-stack">
      <title>{pageTitle(title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        <KeepTogether text={title} part={view.caseNumber} />
      </Heading>
      {returnedWith && <ReturnedQuestion caseId={view.id} open={returnedWith} />}
      {saved && !actionData && <Alert data-color="success">{msg.edit.saved}</Alert>}
      {invitedName && !actionData && (
        <Alert data-color="success">{msg.coAuthors.invited(invitedName)}</Alert>
      )}
      {removed && !actionData && <Alert data-color="success">{msg.coAuthors.removed}</Alert>}
      <Card>
        <Heading level={2} data-size="xs">
          {msg.coAuthors.title}
        </Heading>
        {applicant && !hydrated && (view.coAuthors.length > 0 || colleagues.length > 0) && (
          <Paragraph data-size="sm">{msg.edit.saveBeforeCoAuthors}</Paragraph>
        )}
        {view.coAuthors.length === 0 ? (
          <Paragraph data-size="sm">{msg.coAuthors.none}</Paragraph>
        ) : (
          <List.Unordered>
            {view.coAuthors.map((p) => (
              <List.Item key={p.id}>
                {wrote.includes(p.id) ? (
                  `${p.name}, ${p.title} ${msg.coAuthors.wrote}`
                ) : applicant ? (
                  <RemovePersonForm
                    intent="removeCoAuthor"
                    userId={p.id}
                    text={`${p.name}, ${p.title}`}
                    button={msg.coAuthors.remove}
                    label={msg.coAuthors.removeNamed(p.name)}
                  />
                ) : (
                  `${p.name}, ${p.title}`
                )}
              </List.Item>
            ))}
          </List.Unordered>
        )}
        {applicant &&
          (colleagues.length === 0 ? (
            <Paragraph data-size="sm">{msg.coAuthors.noColleagues}</Paragraph>
          ) : (
            <Form method="post" className="sp-row">
              <input type="hidden" name="intent" value="invite" />
              <Field>
                <Label htmlFor="invite-colleague">{msg.coAuthors.colleague}</Label>
                <Select
                  id="invite-colleague"
                  name="userId"
                  defaultValue=""
                  aria-invalid={inviteRefused || undefined}
                >
                  <Select.Option value="" disabled>
                    {msg.coAuthors.choose}
                  </Select.Option>
                  {colleagues.map((c) => (
                    <Select.Option key={c.id} value={c.id}>{`${c.name}, ${c.title}`}</Select.Option>
                  ))}
                </Select>
                {inviteRefused && (
                  <ValidationMessage>{msg.coAuthors.chooseRequired}</ValidationMessage>
                )}
              </Field>
              <Button type="submit" variant="secondary">
                {msg.coAuthors.invite}
              </Button>
            </Form>
          ))}
      </Card>
      <LocalGuidance
        guidance={loaderData.guidance}
        id="application-local-guidance"
        headingLevel={2}
        framed
      />
      <QuestionnaireForm
        key={view.version}
        caseId={view.id}
        userId={loaderData.userId}
        answers={returned?.values.shown ?? view.answers}
        base={returned?.values.base ?? view.answers}
        fieldErrors={returned?.fieldErrors ?? {}}
        problem={actionData && !returned ? actionData.problem : null}
        notice={returned?.conflicted ? msg.edit.conflicts : returned ? msg.edit.notSaved : null}
        conflicts={returned?.conflicts}
        diagnoses={returned?.diagnoses ?? view.diagnoses}
        unknownDiagnoses={returned?.unknownDiagnoses}
        drugFacts={view.drugFacts}
      />
      <LivePrecedentPanel initial={loaderData.precedents.result} />
      <Attachments
        caseId={view.id}
        {...loaderData.attachments}
        note={hydrated ? null : msg.edit.saveBeforeAttachments}
      />
      <ChangeHistory changes={view.changes} />
    </div>
  );
}
