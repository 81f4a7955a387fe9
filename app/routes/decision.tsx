import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { redirect } from 'react-router';
import { CaseError } from '../features/cases/domain/errors';
import {
  getDecisionPanel,
  submitDecision,
  type DecisionCaseSummary,
} from '../features/decisions/decisions.server';
import { isDecisionEvent } from '../features/decisions/domain/form';
import {
  DECISION_TEXT_FIELDS,
  unsavedDecision,
  type DecisionFormValues,
} from '../features/decisions/ui/DecisionForm';
import { DecisionSection } from '../features/decisions/ui/DecisionSection';
import { msg } from '../i18n';
import { caseErrorData, loadCase } from '../lib/case-errors.server';
import { formTexts, pageTitle, postFailed, revalidateAfterConflict } from '../lib/form';
import type { Route } from './+types/decision';
import { addDays, dateInNorway } from '../features/cases/domain/dates';
import { casePrecedents, unconfirmedWarning } from '../features/precedents/precedents.server';
import { PrecedentPanel } from '../features/precedents/ui/PrecedentList';
import {
  CONFIRM_FIELD,
  CONFIRM_VALUE,
  PracticeWarning,
} from '../features/precedents/ui/PracticeWarning';
import { formText } from '../lib/form';
import { RouteLink } from '../ui/RouteLink';
import { KeepTogether } from '../ui/KeepTogether';
import { ProblemAlert } from '../ui/ProblemAlert';

/** GET /saker/:caseId/vedtak: the decision (all versions) and the decision form. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const panel = await loadCase(() =>
    getDecisionPanel(context.db, actor, params.caseId, 'decision'),
  );
  return {
    panel,
    minDate: addDays(dateInNorway(new Date()), 1),
    precedents: await casePrecedents(context.db, actor, params.caseId),
  };
}

/** POST: decide, or store a new version of the decision; a refusal keeps what was given. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const values: DecisionFormValues = {
    ...formTexts(form, DECISION_TEXT_FIELDS),
    conditionPhrases: form.getAll('conditionPhrases').filter((v) => typeof v === 'string'),
  };
  if (!isDecisionEvent(values.event)) {
    return caseErrorData(new CaseError('invalidTransition'), values);
  }
  try {
    // Against national practice: the form comes back with the warning until confirmed.
    const confirmed = formText(form, CONFIRM_FIELD) === CONFIRM_VALUE;
    const warning = await unconfirmedWarning(
      context.db,
      actor,
      params.caseId,
      values.outcome,
      confirmed,
    );
    if (warning) return { problem: null, fieldErrors: {}, values, practiceWarning: warning };
    await submitDecision(context.db, actor, params.caseId, {
      ...values,
      event: values.event,
      version: Number(values.version),
    });
  } catch (error) {
    return caseErrorData(error, values);
  }
  return redirect(`/saker/${params.caseId}?utfort=${values.event}`);
}

/** A post refused as stale (409) reads the page again, as a browser without JavaScript does. */
export const shouldRevalidate = revalidateAfterConflict;

export default function DecisionPage({ loaderData, actionData }: Route.ComponentProps) {
  const { panel, minDate, precedents } = loaderData;
  const target = precedents.result?.target;
  const label = panel.caseNumber ?? msg.case.draftLabel;
  const t = msg.decisionModule;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.pageTitle(label), msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        <KeepTogether text={t.pageTitle(label)} part={panel.caseNumber} />
      </Heading>
      {actionData?.problem && (
        <ProblemAlert
          message={msg.problems[actionData.problem]}
          unsaved={
            // Its form still there keeps what was given; a form gone (decided by someone else
            // first) leaves it here to copy.
            panel.events.some((e) => e === actionData.values.event)
              ? []
              : unsavedDecision(actionData.values, panel.phrases, panel.caseNumber ?? '')
          }
        />
      )}
      {panel.summary && <CaseSummary caseId={panel.caseId} summary={panel.summary} />}
      {panel.decisions.length === 0 && panel.events.length === 0 && (
        <Paragraph>{msg.case.noActions}</Paragraph>
      )}
      <DecisionSection
        panel={panel}
        submitted={actionData ?? null}
        minDate={minDate}
        beforeSubmit={(event) => (
          <PracticeWarning
            practice={precedents.practice}
            atc={target?.atc ?? null}
            diagnosis={target?.diagnosis ?? null}
            fromServer={
              actionData && 'practiceWarning' in actionData && actionData.values.event === event
                ? actionData.practiceWarning
                : null
            }
            idPrefix={event}
          />
        )}
      />
      <PrecedentPanel result={precedents.result} />
      <RouteLink to={`/saker/${panel.caseId}`}>{t.backToCase}</RouteLink>
    </div>
  );
}

/** What the application is about, above the form: the director decides on it. */
function CaseSummary({ caseId, summary }: { caseId: string; summary: DecisionCaseSummary }) {
  const t = msg.decisionModule.caseSummary;
  return (
    <section className="sp-stack" aria-labelledby="case-summary">
      <Heading level={2} data-size="sm" id="case-summary">
        {t.title}
      </Heading>
      <dl className="sp-dl">
        {summary.scheme && (
          <>
            <dt>{t.scheme}</dt>
            <dd>{msg.schemes[summary.scheme]}</dd>
          </>
        )}
        {summary.patientScope && (
          <>
            <dt>{t.scope}</dt>
            <dd>{msg.patientScopes[summary.patientScope]}</dd>
          </>
        )}
        {summary.drug && (
          <>
            <dt>{t.drug}</dt>
            <dd>{summary.drug}</dd>
          </>
        )}
        {summary.diagnoses.length > 0 && (
          <>
            <dt>{t.diagnoses}</dt>
            <dd>{summary.diagnoses.join('; ')}</dd>
          </>
        )}
        {summary.indication && (
          <>
            <dt>{t.indication}</dt>
            <dd className="sp-pre">{summary.indication}</dd>
          </>
        )}
      </dl>
      <RouteLink to={`/saker/${caseId}#summary`}>{t.readAll}</RouteLink>
    </section>
  );
}
