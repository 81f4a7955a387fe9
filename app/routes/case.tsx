import { Alert, Button, Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { redirect, Link as RouterLink } from 'react-router';
import { getCaseIn, inCasePage, transition } from '../features/cases/cases.server';
import { CaseError } from '../features/cases/domain/errors';
import { isHistoryNote, openQuestion } from '../features/cases/domain/history';
import { isCaseEvent, type CaseEvent } from '../features/cases/domain/workflow';
import {
  delegateEndorsement,
  endorseCase,
  getEndorsementPanelIn,
  giveLeaderInput,
  inviteCollaborator,
  removeCollaborator,
  takeBackDelegation,
} from '../features/assessment/assessment.server';
import { isLeaderIntent, type LeaderIntent } from '../features/assessment/domain/leaders';
import {
  ASSESSMENT_STATUSES,
  CRITERIA_FIELDS,
  ENDORSEMENT_VERDICTS,
} from '../features/assessment/domain/criteria';
import { unsavedCriteria } from '../features/assessment/ui/CriteriaFields';
import {
  EndorsementForm,
  EndorsementSummary,
  LeaderInputForm,
  LeaderInputs,
  LeadersForm,
  leaderDoneText,
} from '../features/assessment/ui/EndorsementPanel';
import { listAttachmentsIn } from '../features/attachments/attachments.server';
import { answerFormAction, isMultipartForm } from '../features/attachments/answer.server';
import { attachmentFlags } from '../features/attachments/domain/errors';
import { Attachments } from '../features/attachments/ui/Attachments';
import { AnswerAttachmentLinks, AnswerForm } from '../features/attachments/ui/AnswerForm';
import { CaseActions } from '../features/cases/ui/CaseActions';
import { loadClocksPanel } from '../features/clocks/clocks.server';
import { ClocksPanel } from '../features/clocks/ui/ClocksPanel';
import { reapplyRefusal } from '../features/clocks/domain/reapply';
import { CaseDrugFacts } from '../features/fest/ui/CaseDrugFacts';
import { SchemeWarning } from '../features/fest/ui/SchemeWarning';
import { dialogSection } from '../features/dialog/http.server';
import { DialogThread } from '../features/dialog/ui/DialogThread';
import { ChangeHistory } from '../features/cases/ui/ChangeHistory';
import { consultationSectionIn } from '../features/consultations/consultations.server';
import {
  ConsultationNotice,
  ConsultationSection,
  consultationHeading,
} from '../features/consultations/ui/ConsultationSection';
import { cohortSignalIn } from '../features/precedents/precedents.server';
import { CohortSignals } from '../features/precedents/ui/CohortSignals';
import { QuestionnaireView } from '../features/cases/ui/QuestionnaireView';
import { ReturnedQuestion } from '../features/cases/ui/ReturnedQuestion';
import { StatusTag } from '../features/cases/ui/StatusTag';
import { getDecisionPanelIn } from '../features/decisions/decisions.server';
import { isDecisionEvent } from '../features/decisions/domain/form';
import { DecisionSection, hasDecisionSection } from '../features/decisions/ui/DecisionSection';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Actor } from '../features/auth/domain/roles';
import type { Route } from './+types/case';
import { retrospectiveNoteIn } from '../features/retrospective/retrospective.server';
import { RetrospectiveNotice } from '../features/retrospective/ui/RetrospectiveNotice';
import { addDays, dateInNorway } from '../features/cases/domain/dates';
import { maskedAnswers } from '../features/privacy/domain/mask';
import { PatientIdReveal } from '../features/privacy/ui/PatientIdReveal';
import { PageContents, type PageSection } from '../ui/PageContents';
import { RouteLink } from '../ui/RouteLink';
import { TableScroll } from '../ui/TableScroll';
import { KeepTogether } from '../ui/KeepTogether';
import { ProblemAlert, type UnsavedText } from '../ui/ProblemAlert';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const url = new URL(request.url);
  const done = url.searchParams.get('utfort');
  // One tenant transaction for the whole page: the case is checked once, the access log written once.
  return loadCase(() =>
    inCasePage(context.db, actor, async (tx) => {
      const view = await getCaseIn(tx, actor, params.caseId);
      return {
        // The patient id stays masked unless asked for (POST /saker/:id/vis-fodselsnummer, logged).
        view: { ...view, answers: maskedAnswers(view.answers) },
        endorsement: await getEndorsementPanelIn(tx, actor, view.id),
        leaderDone: leaderDone(url.searchParams.get('leder')),
        done: done && isCaseEvent(done) ? done : null,
        reapplyRefused: reapplyRefusal(url.searchParams),
        decisions: {
          panel: await getDecisionPanelIn(tx, actor, view.id, null),
          minDate: addDays(dateInNorway(new Date()), 1),
        },
        clocks: await loadClocksPanel(tx, actor, view.id, url),
        attachments: {
          ...(await listAttachmentsIn(tx, actor, view.id)),
          ...attachmentFlags(url.searchParams),
          maxBytes: context.attachments.maxBytes,
        },
        dialog: await dialogSection(tx, actor, view.id, url),
        // Consultation of another trust (features/consultations).
        consultation: await consultationSectionIn(tx, actor, view.id, url),
        // Cohort signal for the decision maker (features/precedents).
        cohorts: await cohortSignalIn(tx, actor, new Date(), view.id),
        // Etterregistrering: registered after the fact (features/retrospective).
        retrospective: await retrospectiveNoteIn(tx, view),
      };
    }),
  );
}

const ACTION_FIELDS = ['event', 'version', 'reason'] as const;
const INTENT_FIELDS = ['intent', 'verdict', 'userId', 'body'] as const;

/** The leader action just done (`?leder=`, ADR 0024), for its confirmation. */
function leaderDone(value: string | null): LeaderIntent | null {
  return value && isLeaderIntent(value) ? value : null;
}

/**
 * Runs a leader action (delegate, take back, invite, remove a collaborator, give input) from the
 * case page's form.
 */
function leaderAction(
  context: Route.ActionArgs['context'],
  actor: Actor,
  caseId: string,
  intent: LeaderIntent,
  values: Readonly<Record<string, string>>,
): Promise<void> {
  const userId = values.userId ?? '';
  switch (intent) {
    case 'delegate':
      return delegateEndorsement(context.db, actor, { caseId, userId });
    case 'takeBack':
      return takeBackDelegation(context.db, actor, { caseId });
    case 'invite':
      return inviteCollaborator(context.db, actor, { caseId, userId });
    case 'removeCollaborator':
      return removeCollaborator(context.db, actor, { caseId, userId });
    case 'leaderInput':
      return giveLeaderInput(context.db, actor, { caseId, values });
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  // The answer to a request for information, with its attachments (features/attachments).
  if (isMultipartForm(request)) return answerFormAction(request, context, params.caseId);
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const values = {
    ...formTexts(form, CRITERIA_FIELDS),
    ...formTexts(form, ACTION_FIELDS),
    ...formTexts(form, INTENT_FIELDS),
  };
  const caseUrl = `/saker/${params.caseId}`;
  if (values.intent === 'endorsement') {
    try {
      await endorseCase(context.db, actor, {
        caseId: params.caseId,
        version: Number(values.version),
        verdict: values.verdict,
        reason: values.reason,
        ratings: values,
      });
    } catch (error) {
      return caseErrorData(error, { ...values, event: values.verdict });
    }
    return redirect(`${caseUrl}?utfort=${values.verdict}`);
  }
  if (isLeaderIntent(values.intent)) {
    try {
      await leaderAction(context, actor, params.caseId, values.intent, values);
    } catch (error) {
      return caseErrorData(error, values);
    }
    return redirect(`${caseUrl}?leder=${values.intent}`);
  }
  if (!isCaseEvent(values.event)) return caseErrorData(new CaseError('invalidTransition'), values);
  try {
    await transition(context.db, actor, {
      caseId: params.caseId,
      version: Number(values.version),
      event: values.event,
      reason: values.reason,
    });
  } catch (error) {
    return caseErrorData(error, values);
  }
  return redirect(`${caseUrl}?utfort=${values.event}`);
}

/**
 * What a refused post had typed, for «Dette skrev du» when its form is gone: the endorsement's or
 * the leader input's criteria justifications and text, or an action's reason.
 */
function unsavedTexts(values: Readonly<Record<string, string>>): UnsavedText[] {
  const t = msg.assessment;
  const criteria = unsavedCriteria(values);
  const reason = values.reason ?? '';
  if (values.intent === 'endorsement')
    return [...criteria, { label: t.justification, text: reason }];
  if (values.intent === 'leaderInput') {
    return [...criteria, { label: t.leaderInputText, text: values.body ?? '' }];
  }
  const event = values.event ?? '';
  return [
    { label: isCaseEvent(event) ? msg.reasonLabels[event] : msg.case.historyWhy, text: reason },
  ];
}

/** The events the leader's endorsement form covers while the case awaits endorsement. */
const ENDORSEMENT_EVENTS: readonly CaseEvent[] = ENDORSEMENT_VERDICTS;

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

export default function CasePage({ loaderData, actionData }: Route.ComponentProps) {
  const { view, done, endorsement } = loaderData;
  const title = view.caseNumber ? msg.case.title(view.caseNumber) : msg.case.draftTitle;
  const endorsing =
    endorsement !== null && view.status === 'submitted' && view.events.includes('endorse');
  // Submission goes through the summary page, which shows what is missing first; endorsement
  // has its own form with the structured assessment, decisions the decision module's form, the
  // outcome its own form (the clocks panel), the recommendation the assessment page's form.
  // Withdrawing comes last: what the case waits for (an answer, the next step) first. The answer
  // to a request for information has its own form, with its attachments (`AnswerForm`).
  const { answering } = loaderData.attachments;
  const actionEvents = view.events
    .filter(
      (e) =>
        e !== 'submit' &&
        e !== 'provideInformation' &&
        e !== 'resubmit' &&
        e !== 'recordOutcome' &&
        e !== 'recommend' &&
        !isDecisionEvent(e) &&
        !(endorsing && ENDORSEMENT_EVENTS.includes(e)),
    )
    .sort((a, b) => Number(a === 'withdraw') - Number(b === 'withdraw'));
  const intent = actionData?.values.intent;
  const committee = view.roles.includes('decisionMaker') || view.roles.includes('assessor');
  // The committee works on the assessment page while it is open; after, it is only read.
  const assessmentOpen = ASSESSMENT_STATUSES.includes(view.status);
  // The actor's work with a form of its own elsewhere, linked from the actions: on this page, or
  // the application's edit page for a co-author (who has no event of their own).
  const elsewhere = [
    ...(loaderData.consultation.panel?.mode === 'consulted' &&
    loaderData.consultation.panel.canAnswer
      ? [{ href: '#consultation-answer', title: msg.consultations.answerTitle }]
      : []),
    ...(view.events.includes('recordOutcome')
      ? [{ href: '#outcome-form-title', title: msg.clocks.outcomeFormTitle }]
      : []),
    ...(view.editable && actionEvents.length === 0
      ? [{ href: `/saker/${view.id}/rediger`, title: msg.case.editApplication }]
      : []),
  ];
  // Nothing to do: no event, no form in this section, no form elsewhere, no assessment to work on.
  const nothingToDo =
    actionEvents.length === 0 &&
    !endorsing &&
    !answering &&
    !endorsement?.may.giveInput &&
    elsewhere.length === 0 &&
    !(committee && assessmentOpen && !view.retrospective);
  const when = (d: Date | string) => msg.dateTime(new Date(d));
  const question = openQuestion(view.status, view.history);
  // The collaborating leaders' input: beside the endorsement form while endorsing, else with the
  // leader's assessment (for the leaders, the medical director and the committee; ADR 0024).
  const leaderInputs =
    endorsement && endorsement.inputs.length > 0 ? (
      <section className="sp-stack" aria-labelledby="leader-inputs">
        <Heading level={3} data-size="sm" id="leader-inputs">
          {msg.assessment.leaderInputsTitle}
        </Heading>
        <LeaderInputs inputs={endorsement.inputs} />
      </section>
    ) : null;
  // The application itself; the leader reads it before the endorsement form below it.
  const application = (
    <section className="sp-stack" aria-labelledby="summary">
      <Heading level={2} data-size="md" id="summary">
        {msg.case.summary}
      </Heading>
      {view.retrospective && <Paragraph>{msg.case.retrospectiveApplication}</Paragraph>}
      <QuestionnaireView
        answers={view.answers}
        headingLevel={3}
        diagnoses={view.diagnoses}
        answeredOnly={view.retrospective}
      />
      <PatientIdReveal
        caseId={view.id}
        masked={view.answers.patientId}
        kind={view.patientIdKind}
        canReveal={view.seesPatientIdentity}
        headingLevel={3}
      />
      <CaseDrugFacts
        snapshot={view.festSnapshot}
        changes={view.festChanges}
        changedIn={view.festChangedIn}
        today={view.drugFacts}
        sent={view.submittedAt !== null}
      />
      <Attachments caseId={view.id} {...loaderData.attachments} headingLevel={3} />
      {view.seesPatientIdentity && (
        <div className="sp-row">
          <Link href={`/saker/${view.id}/eksport`} download>
            {msg.case.export}
          </Link>
          <Link href={`/saker/${view.id}/fhir`} download>
            {msg.case.exportFhir}
          </Link>
        </div>
      )}
      <ChangeHistory changes={view.changes} />
    </section>
  );
  const showsEndorsements =
    endorsement !== null &&
    (endorsement.endorsements.length > 0 || (!endorsing && endorsement.inputs.length > 0));
  // The consulted trust's question comes first on its page; the case's own consultations come
  // after the leaders' assessment, before the decision.
  const consultation = consultationHeading(loaderData.consultation.panel);
  const consultationSection = (
    <ConsultationSection caseId={view.id} section={loaderData.consultation} />
  );
  // The sections below, in page order (the application comes before the actions when endorsing).
  const sections: PageSection[] = [
    ...(consultation?.mode === 'consulted' ? [consultation] : []),
    ...(endorsing ? [{ id: 'summary', title: msg.case.summary }] : []),
    { id: 'clocks', title: msg.clocks.sectionTitle },
    { id: 'actions', title: msg.case.actions },
    ...(showsEndorsements ? [{ id: 'endorsements', title: msg.assessment.endorsementsTitle }] : []),
    ...(consultation?.mode === 'own' ? [consultation] : []),
    ...(hasDecisionSection(loaderData.decisions.panel)
      ? [{ id: 'decision-section', title: msg.decisionModule.section }]
      : []),
    ...(endorsing ? [] : [{ id: 'summary', title: msg.case.summary }]),
    { id: 'dialog-title', title: msg.dialog.title },
    { id: 'history', title: msg.case.history },
  ];
  return (
    <div className="sp-stack">
      <title>{pageTitle(title, msg.app.name, postFailed(actionData))}</title>
      <div className="sp-row">
        <Heading level={1} data-size="lg">
          <KeepTogether text={title} part={view.caseNumber} />
        </Heading>
        <StatusTag status={view.status} />
      </div>
      <PageContents sections={sections} />
      {question && <ReturnedQuestion caseId={view.id} open={question} />}
      <RetrospectiveNotice note={loaderData.retrospective} />
      {loaderData.leaderDone && !actionData && (
        <Alert data-color="success">
          {leaderDoneText(loaderData.leaderDone, loaderData.endorsement)}
        </Alert>
      )}
      {done && !actionData && <Alert data-color="success">{msg.confirmations[done]}</Alert>}
      {loaderData.reapplyRefused && !actionData && (
        <Alert data-color="danger">
          <Paragraph>{msg.clocks.reapplyRefused[loaderData.reapplyRefused]}</Paragraph>
        </Alert>
      )}
      {actionData?.problem && (
        <ProblemAlert
          message={msg.problems[actionData.problem]}
          unsaved={
            // The form still there keeps the text itself; a form gone leaves it here to copy.
            (
              actionData.values.intent === 'leaderInput'
                ? endorsement?.may.giveInput
                : isCaseEvent(actionData.values.event) &&
                  view.events.includes(actionData.values.event)
            )
              ? []
              : unsavedTexts(actionData.values)
          }
        />
      )}

      {/* A draft or returned application: what its writer came for, first. */}
      {view.editable && (
        <div className="sp-row">
          <Button asChild variant="secondary">
            <RouterLink to={`/saker/${view.id}/rediger`}>{msg.case.editApplication}</RouterLink>
          </Button>
          {(view.events.includes('submit') || view.events.includes('resubmit')) && (
            <Button asChild>
              <RouterLink to={`/saker/${view.id}/oppsummering`}>
                {msg.case.reviewAndSubmit}
              </RouterLink>
            </Button>
          )}
        </div>
      )}

      {/* Whether the scheme is right, before the case is judged (the summary's warning). */}
      <SchemeWarning drugName={view.schemeWarning} headingLevel={2} reader={!view.editable} />

      <ConsultationNotice notice={loaderData.consultation.notice} />
      {consultation?.mode === 'consulted' && consultationSection}
      <CohortSignals {...loaderData.cohorts} />

      <section className="sp-stack" aria-labelledby="about">
        <Heading level={2} data-size="md" id="about">
          {msg.case.about}
        </Heading>
        <dl className="sp-dl">
          {/* An etterregistrert case's applicant is not known; its notice names who registered it. */}
          {!view.retrospective && (
            <>
              <dt>{msg.case.applicant}</dt>
              <dd>{view.applicantName}</dd>
            </>
          )}
          {view.coAuthors.length > 0 && (
            <>
              <dt>{msg.coAuthors.title}</dt>
              <dd>{view.coAuthors.map((p) => p.name).join(', ')}</dd>
            </>
          )}
          <dt>{msg.case.department}</dt>
          <dd>{`${view.departmentName}, ${view.trustName}`}</dd>
          {view.submittedAt && (
            <>
              <dt>{msg.case.submittedAt}</dt>
              <dd>{when(view.submittedAt)}</dd>
            </>
          )}
        </dl>
      </section>

      {endorsing && application}

      <section className="sp-stack" aria-labelledby="clocks">
        <Heading level={2} data-size="md" id="clocks">
          {msg.clocks.sectionTitle}
        </Heading>
        <ClocksPanel {...loaderData.clocks} />
      </section>

      <section className="sp-stack" aria-labelledby="actions">
        <Heading level={2} data-size="md" id="actions">
          {msg.case.actions}
        </Heading>
        {/* An etterregistrert case was assessed outside the portal: nothing to read there. */}
        {committee && view.status !== 'submitted' && !view.retrospective && (
          <div>
            <Button asChild variant="secondary">
              <RouterLink to={`/saker/${view.id}/vurdering`}>
                {assessmentOpen ? msg.assessment.openAssessment : msg.assessment.viewAssessment}
              </RouterLink>
            </Button>
          </div>
        )}
        {endorsing && leaderInputs}
        {endorsing && (
          <EndorsementForm
            caseId={view.id}
            version={view.version}
            submitted={intent === 'endorsement' && actionData ? actionData : null}
            guidance={endorsement.guidance}
          />
        )}
        {endorsement?.may.giveInput && (
          <LeaderInputForm
            caseId={view.id}
            submitted={intent === 'leaderInput' && actionData ? actionData : null}
          />
        )}
        {endorsement && (
          <LeadersForm
            caseId={view.id}
            panel={endorsement}
            submitted={
              actionData && isLeaderIntent(actionData.values.intent)
                ? { intent: actionData.values.intent, data: actionData }
                : null
            }
          />
        )}
        {answering && (
          <AnswerForm
            caseId={view.id}
            version={view.version}
            canSend={view.events.includes('provideInformation')}
            attachments={loaderData.attachments.attachments}
            maxBytes={loaderData.attachments.maxBytes}
            submitted={actionData?.values.event === 'provideInformation' ? actionData : null}
          />
        )}
        {elsewhere.length > 0 && (
          <div>
            <Paragraph>{msg.case.actionsElsewhere}</Paragraph>
            <List.Unordered>
              {elsewhere.map((work) => (
                <List.Item key={work.href}>
                  <Link href={work.href}>{work.title}</Link>
                </List.Item>
              ))}
            </List.Unordered>
          </div>
        )}
        {nothingToDo && <Paragraph>{msg.case.noActions}</Paragraph>}
        {actionEvents.length > 0 && (
          <CaseActions
            caseId={view.id}
            status={view.status}
            version={view.version}
            events={actionEvents}
            submitted={actionData && !intent ? actionData : null}
          />
        )}
      </section>

      {showsEndorsements && (
        <section className="sp-stack" aria-labelledby="endorsements">
          <Heading level={2} data-size="md" id="endorsements">
            {msg.assessment.endorsementsTitle}
          </Heading>
          <EndorsementSummary endorsements={endorsement.endorsements} />
          {!endorsing && leaderInputs}
        </section>
      )}
      {consultation?.mode === 'own' && consultationSection}
      <DecisionSection {...loaderData.decisions} submitted={null} />

      {!endorsing && application}

      <section id="dialog" className="sp-stack" aria-labelledby="dialog-title">
        <Heading level={2} data-size="md" id="dialog-title">
          {msg.dialog.title}
        </Heading>
        <DialogThread {...loaderData.dialog} submitted={null} headingLevel={3} />
      </section>

      <section className="sp-stack" aria-labelledby="history">
        <Heading level={2} data-size="md" id="history">
          {msg.case.history}
        </Heading>
        <TableScroll label={msg.case.history}>
          <Table>
            <caption className="ds-sr-only">{msg.case.history}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{msg.case.historyWhen}</Table.HeaderCell>
                <Table.HeaderCell>{msg.case.historyWho}</Table.HeaderCell>
                <Table.HeaderCell>{msg.case.historyWhat}</Table.HeaderCell>
                <Table.HeaderCell>{msg.case.historyWhy}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.history.map((entry, i) => (
                <Table.Row key={i}>
                  <Table.Cell>{when(entry.at)}</Table.Cell>
                  <Table.Cell>
                    {entry.outsidePortal
                      ? msg.case.historyOutsidePortal
                      : msg.app.personInRole(entry.actorName, msg.roles[entry.actorRole])}
                  </Table.Cell>
                  <Table.Cell>
                    {isHistoryNote(entry.event)
                      ? msg.historyNotes[entry.event]
                      : msg.eventsDone[entry.event]}
                    {entry.fromStatus && entry.fromStatus !== entry.toStatus
                      ? ` (${msg.statuses[entry.fromStatus]} → ${msg.statuses[entry.toStatus]})`
                      : ''}
                  </Table.Cell>
                  <Table.Cell>
                    {entry.reasonHidden ? msg.case.historyReasonInternal : (entry.reason ?? '–')}
                    {entry.event === 'provideInformation' && (
                      <AnswerAttachmentLinks
                        caseId={view.id}
                        attachments={loaderData.attachments.attachments}
                        answeredAt={entry.at}
                      />
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      </section>
      <RouteLink to="/">{msg.app.myCases}</RouteLink>
    </div>
  );
}
