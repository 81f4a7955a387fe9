import {
  Alert,
  Button,
  Card,
  Field,
  Fieldset,
  Heading,
  Label,
  List,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Form, redirect } from 'react-router';
import {
  addSectionComment,
  assignCommitteeMember,
  getAssessmentIn,
  recommend,
  savePreparation,
  saveWorksheet,
} from '../features/assessment/assessment.server';
import {
  CRITERIA,
  CRITERIA_FIELDS,
  criterionFields,
  RECOMMENDATIONS,
} from '../features/assessment/domain/criteria';
import type { CriteriaRatings } from '../features/assessment/domain/criteria';
import {
  CriteriaFields,
  criteriaSummaryFields,
  unsavedCriteria,
} from '../features/assessment/ui/CriteriaFields';
import { EndorsementSummary } from '../features/assessment/ui/EndorsementPanel';
import { Guidance } from '../features/assessment/ui/Guidance';
import { RatingsTable } from '../features/assessment/ui/RatingsTable';
import { WorksheetConflict } from '../features/assessment/ui/WorksheetConflict';
import { diagnosisNames, inCasePage } from '../features/cases/cases.server';
import type { FieldErrors } from '../features/cases/domain/application';
import { SECTION_IDS } from '../features/cases/domain/questionnaire';
import { CaseError } from '../features/cases/domain/errors';
import { QuestionnaireView } from '../features/cases/ui/QuestionnaireView';
import { FormErrorSummary } from '../features/cases/ui/FormErrorSummary';
import { CaseDrugFacts } from '../features/fest/ui/CaseDrugFacts';
import { SchemeWarning } from '../features/fest/ui/SchemeWarning';
import { maskedAnswers } from '../features/privacy/domain/mask';
import { StatusTag } from '../features/cases/ui/StatusTag';
import { precedentsOfCaseIn } from '../features/precedents/precedents.server';
import { PrecedentPanel } from '../features/precedents/ui/PrecedentList';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import {
  actionToSummary,
  formTexts,
  formVersion,
  pageTitle,
  postFailed,
  revalidateAfterConflict,
} from '../lib/form';
import { ChoiceField, TextField } from '../ui/fields';
import type { Route } from './+types/case-assessment';
import { RouteLink } from '../ui/RouteLink';
import { KeepTogether } from '../ui/KeepTogether';
import { ProblemAlert, type UnsavedText } from '../ui/ProblemAlert';

/** Which form on the page was saved, for the confirmation shown after the redirect. */
const NOTICES = {
  comment: 'commentAdded',
  worksheet: 'worksheetSaved',
  preparation: 'preparationSaved',
  assign: 'assigned',
  recommend: 'recommended',
} as const;
type Intent = keyof typeof NOTICES;
const isIntent = (value: string): value is Intent => value in NOTICES;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  // One tenant transaction for the whole page: the case is checked once, the access log written once.
  const { view, precedents } = await loadCase(() =>
    inCasePage(context.db, actor, async (tx) => {
      const view = await getAssessmentIn(tx, actor, params.caseId);
      const { id, answers, drug } = view;
      return {
        view,
        precedents: await precedentsOfCaseIn(tx, { id, answers, festSnapshot: drug.snapshot }),
      };
    }),
  );
  const saved = new URL(request.url).searchParams.get('lagret') ?? '';
  return {
    // The patient id stays masked (the case page can show it, logged).
    view: { ...view, answers: maskedAnswers(view.answers) },
    diagnoses: diagnosisNames(view.answers),
    me: actor.userId,
    saved: isIntent(saved) ? saved : null,
    precedents,
  };
}

const FIELDS = [
  'intent',
  'sectionId',
  'body',
  'notes',
  'version',
  'userId',
  'outcome',
  'text',
] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const values = { ...formTexts(form, CRITERIA_FIELDS), ...formTexts(form, FIELDS) };
  const caseId = params.caseId;
  try {
    switch (values.intent) {
      case 'comment':
        await addSectionComment(context.db, actor, {
          caseId,
          sectionId: values.sectionId,
          body: values.body,
        });
        break;
      case 'worksheet': {
        const saved = await saveWorksheet(context.db, actor, {
          caseId,
          ratings: values,
          version: formVersion(values.version),
        });
        // Saved elsewhere meanwhile: what was filled in comes back against the stored version,
        // so saving again is a choice made with the stored worksheet in view.
        if (!saved.ok) {
          const typed = { ...values, version: String(saved.version) };
          return caseErrorData(new CaseError('conflict'), typed);
        }
        break;
      }
      case 'preparation':
        await savePreparation(context.db, actor, {
          caseId,
          notes: values.notes,
          version: Number(values.version),
        });
        break;
      case 'assign':
        await assignCommitteeMember(context.db, actor, { caseId, userId: values.userId });
        break;
      case 'recommend':
        await recommend(context.db, actor, {
          caseId,
          version: Number(values.version),
          outcome: values.outcome,
          text: values.text,
        });
        break;
      default:
        throw new Response(null, { status: 400 });
    }
  } catch (error) {
    return caseErrorData(error, values);
  }
  const anchor = values.intent === 'comment' ? `#section-${values.sectionId}` : `#${values.intent}`;
  return redirect(`/saker/${caseId}/vurdering?lagret=${values.intent}${anchor}`);
}

/**
 * A post refused as stale (409) reads the page again, as a browser without JavaScript does: the
 * worksheet and the preparation notes show what is stored now beside what was typed, and every
 * form carries the stored version.
 */
export const shouldRevalidate = revalidateAfterConflict;

/** The saved worksheet as form values, so the form starts from what the person saved. */
function ratingValues(ratings: CriteriaRatings | undefined): Record<string, string> {
  if (!ratings) return {};
  return Object.fromEntries(
    CRITERIA.flatMap((c) => {
      const f = criterionFields(c);
      return [
        [f.level, String(ratings[c].level)],
        [f.text, ratings[c].text],
      ];
    }),
  );
}

/**
 * What a refused post had typed, for «Dette skrev du» when its form is gone: the recommendation
 * once another member recommended, the notes, a comment or the worksheet's justifications once
 * the case is no longer under assessment (the page is read again after a 409, with JavaScript too).
 */
function unsavedAssessment(
  values: Readonly<Record<string, string>>,
  view: { open: boolean; canRecommend: boolean },
): UnsavedText[] {
  const t = msg.assessment;
  if (values.intent === 'recommend') {
    if (view.canRecommend) return [];
    const outcome = RECOMMENDATIONS.find((r) => r === values.outcome);
    return [
      { label: t.recommendationOutcome, text: outcome ? t.recommendations[outcome] : '' },
      { label: t.recommendationText, text: values.text ?? '' },
    ];
  }
  if (view.open) return [];
  switch (values.intent) {
    case 'preparation':
      return [{ label: t.preparationLabel, text: values.notes ?? '' }];
    case 'comment': {
      const section = SECTION_IDS.find((id) => id === values.sectionId);
      const label = section
        ? t.commentLabel(msg.questionnaire.sections[section].title)
        : t.comments;
      return [{ label, text: values.body ?? '' }];
    }
    case 'worksheet':
      return unsavedCriteria(values);
    default:
      return [];
  }
}

export default function AssessmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { view, diagnoses, me, saved } = loaderData;
  const t = msg.assessment;
  const label = view.caseNumber ?? msg.case.draftLabel;
  const when = (d: Date | string) => msg.dateTime(new Date(d));
  const returned = (intent: Intent, sectionId?: string) =>
    actionData?.values.intent === intent &&
    (sectionId === undefined || actionData.values.sectionId === sectionId)
      ? actionData
      : null;
  const errorsOf = (intent: Intent, sectionId?: string): FieldErrors =>
    returned(intent, sectionId)?.fieldErrors ?? {};
  const errorText = (errors: FieldErrors, field: string) => {
    const code = errors[field];
    return code ? msg.errors[code] : undefined;
  };
  const mine = view.worksheets.find((w) => w.authorId === me);
  const worksheetErrors = errorsOf('worksheet');
  // Saved elsewhere since the form was shown: the form keeps what was filled in, now against the
  // stored version, beside the stored worksheet once the page's data is read again after it.
  const worksheetConflict = returned('worksheet')?.problem === 'conflict';
  const worksheetVersion = returned('worksheet')?.values.version ?? mine?.version ?? 0;
  const storedNow =
    worksheetConflict && mine && mine.version >= Number(worksheetVersion) ? mine : null;
  const preparation = returned('preparation');
  // Saved by someone else since the form was shown: the form keeps the text typed, now against the
  // stored version (the page's data is read again after a conflict), with the stored notes beside.
  const preparationConflict = preparation?.problem === 'conflict';
  const preparationVersion = preparationConflict
    ? (view.preparation?.version ?? 0)
    : (preparation?.values.version ?? view.preparation?.version ?? 0);
  const assign = returned('assign');
  const assignErrors = assign?.fieldErrors ?? {};
  const recommendation = returned('recommend');
  const recommendationErrors = recommendation?.fieldErrors ?? {};
  // Each form posts to this page with its error summary as the fragment: without JavaScript the
  // browser lands on the summary after a refused post, however far down the page the form is.
  const action = (summaryId: string) => actionToSummary(`/saker/${view.id}/vurdering`, summaryId);

  return (
    <div className="sp-stack">
      <title>{pageTitle(t.pageTitle(label), msg.app.name, postFailed(actionData))}</title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          <KeepTogether text={t.pageTitle(label)} part={view.caseNumber} />
        </Heading>
        <StatusTag status={view.status} />
      </div>
      <Paragraph>{t.flowIntro}</Paragraph>
      <div>
        <RouteLink to={`/saker/${view.id}`}>{t.backToCase}</RouteLink>
      </div>
      {!view.open && <Alert data-color="info">{t.notOpen}</Alert>}
      {/* FEST contradicts the scheme the application was sent under (`caseDrugIn`). */}
      <SchemeWarning drugName={view.drug.schemeWarning} headingLevel={2} reader />
      <PrecedentPanel result={loaderData.precedents.result} />
      {saved && !actionData && <Alert data-color="success">{t[NOTICES[saved]]}</Alert>}
      {actionData?.problem && (
        <ProblemAlert
          message={
            preparationConflict
              ? t.preparationConflict
              : worksheetConflict
                ? t.worksheetConflictNotice
                : msg.problems[actionData.problem]
          }
          // The form still there keeps the text itself; a form gone leaves it here to copy.
          unsaved={unsavedAssessment(actionData.values, view)}
        />
      )}
      <Guidance local={view.guidance} localId="assessment-local-guidance" localHeadingLevel={2} />

      <section className="sp-stack" aria-labelledby="assign">
        <Heading level={2} data-size="md" id="assign">
          {t.committeeTitle}
        </Heading>
        {view.committee.length === 0 ? (
          <Paragraph>{t.noCommittee}</Paragraph>
        ) : (
          <List.Unordered>
            {view.committee.map((m) => (
              <List.Item key={m.id}>{`${m.name}, ${m.title}`}</List.Item>
            ))}
          </List.Unordered>
        )}
        {view.canAssign &&
          view.open &&
          (view.assessors.length === 0 ? (
            <Paragraph data-size="sm">{t.noAssessors}</Paragraph>
          ) : (
            <Form
              method="post"
              action={action('assign-errors')}
              className="sp-stack"
              aria-label={t.assign}
              noValidate
            >
              <FormErrorSummary
                id="assign-errors"
                headingLevel={3}
                errors={assignErrors}
                labels={{ userId: t.assessor }}
                anchors={{ userId: 'assign-user' }}
              />
              <input type="hidden" name="intent" value="assign" />
              <div className="sp-row">
                <Field>
                  <Label htmlFor="assign-user">{t.assessor}</Label>
                  <Select
                    id="assign-user"
                    name="userId"
                    defaultValue={assign?.values.userId ?? ''}
                    aria-invalid={assignErrors.userId ? true : undefined}
                    aria-describedby={assignErrors.userId ? 'assign-user-error' : undefined}
                  >
                    <Select.Option value="" disabled>
                      {t.chooseAssessor}
                    </Select.Option>
                    {view.assessors.map((a) => (
                      <Select.Option key={a.id} value={a.id}>
                        {`${a.name}, ${a.title}`}
                      </Select.Option>
                    ))}
                  </Select>
                  {assignErrors.userId && (
                    <ValidationMessage id="assign-user-error">
                      {errorText(assignErrors, 'userId')}
                    </ValidationMessage>
                  )}
                </Field>
                <Button type="submit" variant="secondary">
                  {t.assign}
                </Button>
              </div>
            </Form>
          ))}
      </section>

      {view.endorsements.length > 0 && (
        <section className="sp-stack" aria-labelledby="leader-assessment">
          <Heading level={2} data-size="md" id="leader-assessment">
            {t.endorsementsTitle}
          </Heading>
          <EndorsementSummary endorsements={view.endorsements} />
        </section>
      )}

      <section className="sp-stack" aria-labelledby="preparation">
        <Heading level={2} data-size="md" id="preparation">
          {t.preparationTitle}
        </Heading>
        {view.preparation && (
          <Paragraph data-size="sm">
            {t.lastSavedBy(view.preparation.updatedByName, when(view.preparation.updatedAt))}
          </Paragraph>
        )}
        {view.open ? (
          <Form
            method="post"
            action={action('preparation-errors')}
            className="sp-stack"
            aria-labelledby="preparation"
            noValidate
          >
            <FormErrorSummary
              id="preparation-errors"
              errors={preparation?.fieldErrors ?? {}}
              labels={{ notes: t.preparationLabel }}
              anchors={{ notes: 'preparation-notes' }}
            />
            <input type="hidden" name="intent" value="preparation" />
            <input type="hidden" name="version" value={preparationVersion} />
            {preparationConflict && view.preparation && (
              <Alert data-color="warning">
                <div className="sp-stack">
                  <Heading level={3} data-size="xs">
                    {t.preparationStoredNow}
                  </Heading>
                  <blockquote className="sp-quote">{view.preparation.notes}</blockquote>
                </div>
              </Alert>
            )}
            <TextField
              id="preparation-notes"
              name="notes"
              label={`${t.preparationLabel} (${t.internal})`}
              multiline
              rows={5}
              defaultValue={preparation?.values.notes ?? view.preparation?.notes ?? ''}
              error={errorText(preparation?.fieldErrors ?? {}, 'notes')}
            />
            <div>
              <Button type="submit" variant="secondary">
                {t.savePreparation}
              </Button>
            </div>
          </Form>
        ) : (
          <Paragraph>{view.preparation?.notes ?? '–'}</Paragraph>
        )}
      </section>

      <section className="sp-stack" aria-labelledby="sections">
        <Heading level={2} data-size="md" id="sections">
          {t.sectionsTitle}
        </Heading>
        <QuestionnaireView
          answers={view.answers}
          diagnoses={diagnoses}
          headingLevel={3}
          help={msg.questionHelp.questions}
          afterSection={(sectionId) => {
            const comments = view.comments.filter((c) => c.sectionId === sectionId);
            const sectionTitle = msg.questionnaire.sections[sectionId].title;
            const mineBack = returned('comment', sectionId);
            return (
              <>
                {/* The drug's FEST facts under the drug answered: as sent, and what changed since. */}
                {sectionId === 'drug' && (
                  <CaseDrugFacts
                    snapshot={view.drug.snapshot}
                    changes={view.drug.festChanges}
                    changedIn={view.drug.festChangedIn}
                    today={view.drug.drugFacts}
                    sent={view.drug.sent}
                    headingLevel={4}
                  />
                )}
                <Card id={`section-${sectionId}`}>
                  <div className="sp-stack">
                    <Heading level={4} data-size="xs">{`${t.comments} (${t.internal})`}</Heading>
                    {comments.length === 0 ? (
                      <Paragraph data-size="sm">{t.noComments}</Paragraph>
                    ) : (
                      <List.Unordered>
                        {comments.map((c) => (
                          <List.Item key={c.id}>
                            <strong>{`${msg.app.personInRole(c.authorName, msg.roles[c.authorRole])}, ${when(c.at)}: `}</strong>
                            {c.body}
                          </List.Item>
                        ))}
                      </List.Unordered>
                    )}
                    {view.open && (
                      <Form
                        method="post"
                        action={action(`comment-${sectionId}-errors`)}
                        className="sp-stack"
                        noValidate
                      >
                        <FormErrorSummary
                          id={`comment-${sectionId}-errors`}
                          errors={mineBack?.fieldErrors ?? {}}
                          labels={{ body: t.commentLabel(sectionTitle) }}
                          anchors={{ body: `comment-${sectionId}` }}
                        />
                        <input type="hidden" name="intent" value="comment" />
                        <input type="hidden" name="sectionId" value={sectionId} />
                        <TextField
                          id={`comment-${sectionId}`}
                          name="body"
                          label={t.commentLabel(sectionTitle)}
                          multiline
                          rows={2}
                          defaultValue={mineBack?.values.body ?? ''}
                          error={errorText(mineBack?.fieldErrors ?? {}, 'body')}
                        />
                        <div>
                          <Button type="submit" variant="secondary" data-size="sm">
                            {t.addComment}
                          </Button>
                        </div>
                      </Form>
                    )}
                  </div>
                </Card>
              </>
            );
          }}
        />
      </section>

      <section className="sp-stack" aria-labelledby="worksheet">
        <Heading level={2} data-size="md" id="worksheet">
          {t.worksheetTitle}
        </Heading>
        <Paragraph>{t.worksheetIntro}</Paragraph>
        {view.worksheets.length === 0 ? (
          <Paragraph>{t.noWorksheets}</Paragraph>
        ) : (
          <RatingsTable
            caption={`${t.sideBySide} (${t.internal})`}
            columns={view.worksheets.map((w) => ({
              key: w.authorId,
              heading: msg.app.personInRole(w.authorName, msg.roles[w.authorRole]),
              ratings: w.ratings,
            }))}
          />
        )}
        {view.open && (
          <Card>
            <Form
              method="post"
              action={action('worksheet-errors')}
              className="sp-stack"
              aria-labelledby="my-worksheet"
              noValidate
            >
              <Heading level={3} data-size="xs" id="my-worksheet">
                {t.myWorksheet}
              </Heading>
              {worksheetConflict && <WorksheetConflict stored={storedNow} />}
              <FormErrorSummary
                id="worksheet-errors"
                errors={worksheetErrors}
                {...criteriaSummaryFields('worksheet')}
              />
              <input type="hidden" name="intent" value="worksheet" />
              {/* The version the form was shown with: a save elsewhere in between is refused. */}
              <input type="hidden" name="version" value={worksheetVersion} />
              <CriteriaFields
                idPrefix="worksheet"
                values={returned('worksheet')?.values ?? ratingValues(mine?.ratings)}
                errors={worksheetErrors}
              />
              <div>
                <Button type="submit" variant="secondary">
                  {t.saveWorksheet}
                </Button>
              </div>
            </Form>
          </Card>
        )}
      </section>

      <section className="sp-stack" aria-labelledby="recommend">
        <Heading level={2} data-size="md" id="recommend">
          {t.recommendationTitle}
        </Heading>
        <Paragraph>{t.recommendationIntro}</Paragraph>
        {view.recommendations.map((r, i) => (
          <Alert key={i} data-color={i === 0 ? 'info' : 'neutral'}>
            <Paragraph>
              <strong>{t.recommendations[r.outcome]}</strong>
              {` – ${t.recommendationBy(r.authorName, when(r.at))}`}
            </Paragraph>
            <Paragraph>{r.text}</Paragraph>
          </Alert>
        ))}
        {view.canRecommend && (
          <Form
            method="post"
            action={action('recommend-errors')}
            className="sp-stack"
            aria-labelledby="recommend"
            noValidate
          >
            <FormErrorSummary
              id="recommend-errors"
              errors={recommendationErrors}
              labels={{ outcome: t.recommendationOutcome, text: t.recommendationText }}
              anchors={{ outcome: `recommend-${RECOMMENDATIONS[0]}`, text: 'recommend-text' }}
            />
            <input type="hidden" name="intent" value="recommend" />
            {/* The version the form was shown with: a change in between is a conflict (409). */}
            <input type="hidden" name="version" value={view.version} />
            <Fieldset>
              <Fieldset.Legend>{t.recommendationOutcome}</Fieldset.Legend>
              {RECOMMENDATIONS.map((outcome) => (
                <ChoiceField
                  key={outcome}
                  type="radio"
                  id={`recommend-${outcome}`}
                  name="outcome"
                  value={outcome}
                  label={t.recommendations[outcome]}
                  defaultChecked={recommendation?.values.outcome === outcome}
                  errorId={recommendationErrors.outcome ? 'recommend-outcome-error' : undefined}
                />
              ))}
              {recommendationErrors.outcome && (
                <ValidationMessage id="recommend-outcome-error">
                  {errorText(recommendationErrors, 'outcome')}
                </ValidationMessage>
              )}
            </Fieldset>
            <TextField
              id="recommend-text"
              name="text"
              label={t.recommendationText}
              multiline
              rows={4}
              defaultValue={recommendation?.values.text ?? ''}
              error={errorText(recommendationErrors, 'text')}
            />
            <div>
              <Button type="submit">{t.giveRecommendation}</Button>
            </div>
          </Form>
        )}
      </section>
    </div>
  );
}
