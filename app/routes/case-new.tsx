import {
  Alert,
  Button,
  Card,
  Fieldset,
  Heading,
  Link,
  List,
  Paragraph,
} from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { data, Form, redirect } from 'react-router';
import { hasRole } from '../features/auth/domain/roles';
import { createDraft } from '../features/cases/cases.server';
import { SCHEMES, type FieldErrors } from '../features/cases/domain/application';
import {
  drugAnswer,
  QUESTIONS,
  type Answers,
  type Question,
} from '../features/cases/domain/questionnaire';
import { FormErrorSummary } from '../features/cases/ui/FormErrorSummary';
import { QuestionField } from '../features/cases/ui/QuestionField';
import { answersFromForm, fieldAnchor } from '../features/cases/ui/questionnaire-form';
import { routeScheme, type SchemeRoute } from '../features/fest/domain/scheme-router';
import { resolveDrugChoice } from '../features/fest/fest.server';
import { SOURCE_URLS } from '../features/guidance/domain/sources';
import { msg } from '../i18n';
import { caseErrorData } from '../lib/case-errors.server';
import { formText, pageTitle, postFailed } from '../lib/form';
import { ChoiceField } from '../ui/fields';
import type { Route } from './+types/case-new';

const pick = (...ids: Question['id'][]) =>
  ids.map((id) => QUESTIONS.get(id)).filter((q): q is Question => q !== undefined);
const ROUTER_QUESTIONS = pick('drug');
const START_QUESTIONS = pick('scheme', 'patientScope');

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  if (!hasRole(actor, 'applicant')) throw data(null, { status: 403 });
  return null;
}

interface Situation {
  approved: '' | 'yes' | 'no' | 'unknown';
  assessment: boolean;
  rejected: boolean;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  const form = await request.formData();
  const answers: Answers = answersFromForm(form, {});
  const approved = formText(form, 'approved');
  const situation: Situation = {
    approved: approved === 'yes' || approved === 'no' || approved === 'unknown' ? approved : '',
    assessment: formText(form, 'assessment') === 'yes',
    rejected: formText(form, 'rejected') === 'yes',
  };
  if (formText(form, 'intent') === 'route') {
    // The scheme router: from the FEST facts of the chosen drug and the situation. Without a drug
    // there is nothing to route: ask for one and suggest nothing.
    const drug = drugAnswer(answers);
    if (!drug) {
      const fieldErrors: FieldErrors = { drug: 'drugRequired' };
      return { route: null, situation, values: answers, fieldErrors, problem: null };
    }
    // A name typed without picking from the list (always so without JavaScript) is the product
    // of that name, when FEST has exactly one.
    const facts = await resolveDrugChoice(context.db, { id: drug.id ?? '', label: drug.label });
    const route = routeScheme(facts, {
      indicationIsApproved:
        situation.approved === 'yes' ? true : situation.approved === 'no' ? false : null,
      underNationalAssessment: situation.assessment,
      rejectedByBeslutningsforum: situation.rejected,
    });
    const suggested = route.scheme && route.scheme !== 'notNeeded' ? { scheme: route.scheme } : {};
    return {
      route,
      situation,
      // The form keeps the product the name was matched to, as if it had been picked.
      values: { ...answers, drug: { id: facts?.id ?? null, label: drug.label }, ...suggested },
      fieldErrors: {},
      problem: null,
    };
  }
  try {
    const created = await createDraft(context.db, actor, answers);
    return redirect(`/saker/${created.id}/rediger`);
  } catch (error) {
    // The situation's answers (the router's questions) come back too, as chosen.
    const refused = caseErrorData(error, answers);
    return data({ ...refused.data, route: null, situation }, refused.init ?? undefined);
  }
}

/** The suggestion; it takes focus when it appears, so a keyboard user lands on it. */
function RouteResult({ route }: { route: SchemeRoute }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), []);
  const scheme =
    route.scheme === 'notNeeded'
      ? msg.router.notNeeded
      : route.scheme && (SCHEMES as readonly string[]).includes(route.scheme)
        ? msg.schemes[route.scheme]
        : null;
  return (
    <Alert
      ref={alert}
      tabIndex={-1}
      id="route-suggestion"
      data-color={route.scheme === 'notNeeded' ? 'warning' : 'info'}
      aria-live="polite"
    >
      {scheme && (
        <Heading level={3} data-size="xs">
          {msg.router.suggestion(scheme)}
        </Heading>
      )}
      {route.codes.length > 0 && (
        <List.Unordered>
          {route.codes.map((code) => (
            <List.Item key={code}>{msg.router.codes[code]}</List.Item>
          ))}
        </List.Unordered>
      )}
      {scheme && route.scheme !== 'notNeeded' && <Paragraph>{msg.router.chooseBelow}</Paragraph>}
    </Alert>
  );
}

export default function NewApplication({ actionData }: Route.ComponentProps) {
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values: Answers = actionData?.values ?? {};
  const situation = actionData && 'situation' in actionData ? actionData.situation : null;
  const route = actionData && 'route' in actionData ? actionData.route : null;
  return (
    <div className="sp-stack sp-form">
      <title>{pageTitle(msg.start.title, msg.app.name, postFailed(actionData))}</title>
      <Heading level={1} data-size="lg">
        {msg.start.title}
      </Heading>
      <Paragraph>{msg.start.intro}</Paragraph>
      <Paragraph data-size="sm">
        {`${msg.start.sources}: `}
        <Link href={SOURCE_URLS.offLabelFramework}>{msg.start.offLabelFramework}</Link>
        {', '}
        <Link href={SOURCE_URLS.experimentalTreatment}>{msg.start.experimentalTreatment}</Link>
      </Paragraph>
      <Form method="post" className="sp-stack" noValidate key={JSON.stringify(values)}>
        <FormErrorSummary
          errors={errors}
          labels={{
            scheme: msg.questionnaire.questions.scheme.label,
            patientScope: msg.questionnaire.questions.patientScope.label,
            drug: msg.questionnaire.questions.drug.label,
          }}
          anchors={{
            scheme: fieldAnchor('scheme'),
            patientScope: fieldAnchor('patientScope'),
            drug: fieldAnchor('drug'),
          }}
        />
        <Card>
          <div className="sp-stack">
            <Heading level={2} data-size="sm">
              {msg.router.title}
            </Heading>
            <Paragraph data-size="sm">{msg.router.intro}</Paragraph>
            {ROUTER_QUESTIONS.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                value={values[question.id] ?? null}
                error={errors[question.id]}
              />
            ))}
            <Fieldset>
              <Fieldset.Legend>{msg.router.approved}</Fieldset.Legend>
              {(['yes', 'no', 'unknown'] as const).map((option) => (
                <ChoiceField
                  key={option}
                  type="radio"
                  id={`approved-${option}`}
                  name="approved"
                  value={option}
                  label={
                    option === 'yes'
                      ? msg.router.approvedYes
                      : option === 'no'
                        ? msg.router.approvedNo
                        : msg.router.approvedUnknown
                  }
                  defaultChecked={situation?.approved === option}
                />
              ))}
            </Fieldset>
            <Fieldset>
              <Fieldset.Legend>{msg.router.situation}</Fieldset.Legend>
              <ChoiceField
                type="checkbox"
                id="assessment"
                name="assessment"
                value="yes"
                label={msg.router.assessment}
                defaultChecked={situation?.assessment ?? false}
              />
              <ChoiceField
                type="checkbox"
                id="rejected"
                name="rejected"
                value="yes"
                label={msg.router.rejected}
                defaultChecked={situation?.rejected ?? false}
              />
            </Fieldset>
            <div>
              <Button type="submit" name="intent" value="route" variant="secondary">
                {msg.router.submit}
              </Button>
            </div>
            {route && <RouteResult route={route} />}
          </div>
        </Card>
        {START_QUESTIONS.map((question) => (
          <QuestionField
            key={question.id}
            question={question}
            value={values[question.id] ?? null}
            error={errors[question.id]}
          />
        ))}
        <div>
          <Button type="submit" name="intent" value="start">
            {msg.start.start}
          </Button>
        </div>
      </Form>
    </div>
  );
}
