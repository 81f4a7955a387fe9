import { Alert, Button, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { Form, useLocation } from 'react-router';
import { msg } from '../../../i18n';
import type { FieldErrors, ValidationError } from '../domain/application';
import {
  submitError,
  applicableSections,
  contextOf,
  drugAnswer,
  QUESTIONS,
  valueError,
  type Answers,
  type AnswerValue,
  type QuestionId,
} from '../domain/questionnaire';
import type { Problem } from '../domain/errors';
import type { Diagnosis } from '../../diagnoses/domain/diagnosis';
import type { DrugFacts } from '../../fest/fest.server';
import { DrugFactsCard } from '../../fest/ui/DrugFactsCard';
import { ExemptionGuidance } from '../../fest/ui/ExemptionGuidance';
import { contradictedDrugName } from '../../fest/domain/scheme-router';
import { SchemeWarning } from '../../fest/ui/SchemeWarning';
import { FormErrorSummary } from './FormErrorSummary';
import { answerDisplay, questionErrorText } from './QuestionnaireView';
import { QuestionField } from './QuestionField';
import { BASE_FIELD, fieldAnchor } from './questionnaire-form';
import { useAutosave, writeToForm, type SaveState } from './useAutosave';
import { estimateCost } from '../domain/cost';
import { useHydrated } from '../../../ui/useHydrated';

/** The cost computed from the FEST price, with a button that puts it into the cost field. */
function CostFromFest({
  aup,
  answers,
  onUse,
}: {
  aup: number;
  answers: Answers;
  onUse: (total: string) => void;
}) {
  const total = estimateCost(aup, answers.packagesPerMonth, answers.treatmentMonths);
  if (total === null)
    return <Paragraph data-size="sm">{msg.cost.needsNumbers(msg.fest.nok(aup))}</Paragraph>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    <div className="sp-row">
      <Paragraph data-size="sm">
        {msg.cost.computed(
          msg.fest.nok(total),
          msg.fest.nok(aup),
          text(answers.packagesPerMonth),
          text(answers.treatmentMonths),
        )}
      </Paragraph>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => onUse(String(total))}>
        {msg.cost.use}
      </Button>
    </div>
  );
}

/** States that say something went wrong: they win over an unresolved conflict. */
const TROUBLE: ReadonlySet<SaveState> = new Set(['failed', 'closed', 'invalid', 'loggedOut']);

/**
 * What autosave is doing. Without JavaScript there is no autosave: it says that «Lagre» saves.
 * While a conflict is unresolved nothing says «saved»: the user's value there is not stored.
 */
function SaveStatus({
  state,
  savedAt,
  refused,
  unresolved,
}: {
  state: SaveState;
  savedAt: Date | null;
  /** Labels of the fields the last save refused. */
  refused: string[];
  /** Labels of the fields in conflict, waiting for «Behold min» or «Bruk lagret». */
  unresolved: string[];
}) {
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <Paragraph data-size="sm" data-save-state="manual">
        {msg.autosave.manual}
      </Paragraph>
    );
  }
  const quoted = (labels: string[]) => labels.map((label) => `«${label}»`).join(', ');
  const conflict = unresolved.length > 0 && !TROUBLE.has(state);
  const text = conflict
    ? msg.autosave.unresolved(quoted(unresolved))
    : state === 'saved' && savedAt
      ? msg.autosave.saved(msg.time(savedAt))
      : state === 'saved'
        ? msg.autosave.saved('')
        : state === 'invalid'
          ? msg.autosave.invalid(quoted(refused))
          : msg.autosave[state];
  const color = conflict
    ? 'warning'
    : TROUBLE.has(state)
      ? 'danger'
      : state === 'saved'
        ? 'success'
        : 'neutral';
  return (
    <div>
      <Paragraph
        data-size="sm"
        role="status"
        aria-live="polite"
        data-save-state={conflict ? 'conflict' : state}
      >
        <Tag data-color={color}>{text}</Tag>
      </Paragraph>
      {state === 'loggedOut' && (
        <Paragraph data-size="sm">
          <Link href="/logg-inn" target="_blank" rel="noopener">
            {msg.autosave.logInAgain}
          </Link>
        </Paragraph>
      )}
    </div>
  );
}

/**
 * Moves focus to the field a link points at (`#q-<id>`, say from the summary's list of what is
 * missing) and scrolls its label into view: a browser only scrolls to the input itself.
 */
function useFocusLinkedField() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash.startsWith('#q-')) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    const field = target?.closest<HTMLElement>('[data-question]');
    const control = target?.matches('input, textarea, select')
      ? target
      : target?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select');
    if (!field || !control) return;
    control.focus({ preventScroll: true });
    field.scrollIntoView({ block: 'start' });
  }, [hash]);
}

/**
 * Keeps the sticky save bar from hiding the focused field (WCAG 2.4.11): the page's
 * `scroll-padding-bottom` follows the bar's height (app.css has a fallback without JavaScript).
 */
function useSaveBarPadding() {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--sp-savebar-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sp-savebar-height');
    };
  }, []);
  return bar;
}

/**
 * The application form, generated from the questionnaire definition: section navigation with
 * what is missing per section, every applicable question with its help text, autosave with a
 * visible state, and conflicts from co-authors to resolve. Without JavaScript it is a plain form
 * posted with «Lagre». Errors from autosave show at their fields only; the error summary (which
 * takes focus) is for the errors of an explicit «Lagre» or «Se over og send inn».
 */
export function QuestionnaireForm({
  caseId,
  userId,
  answers: shown,
  base,
  fieldErrors,
  problem,
  notice,
  conflicts: returnedConflicts = {},
  diagnoses,
  unknownDiagnoses = [],
  drugFacts,
}: {
  caseId: string;
  /** The signed-in user (their unsaved backup of the case is theirs alone). */
  userId: string;
  /** What the fields show. */
  answers: Answers;
  /** The stored answers this editor starts from (differs from `answers` after a conflict). */
  base: Answers;
  fieldErrors: FieldErrors;
  problem: Problem | null;
  notice: string | null;
  /** Fields a save of the whole form found changed by someone else, with the stored value. */
  conflicts?: Partial<Record<QuestionId, AnswerValue | null>>;
  /** The chosen diagnoses by code as the fields show it, with their texts. */
  diagnoses: Partial<Record<string, Diagnosis>>;
  /** Diagnosis codes the last save found in neither ICD-10 nor ICPC-2, as typed. */
  unknownDiagnoses?: readonly string[];
  drugFacts: DrugFacts | null;
}) {
  const { formRef, onEdit, state, savedAt, errors, conflicts, resolve, answers, stored } =
    useAutosave(caseId, userId, base, shown, returnedConflicts);
  const hydrated = useHydrated();
  useFocusLinkedField();
  const saveBar = useSaveBarPadding();
  const sections = applicableSections(answers);
  const shownErrors: FieldErrors = { ...fieldErrors, ...errors };
  for (const question of sections.flatMap((s) => s.questions)) {
    shownErrors[question.id] ??= valueError(question, stored[question.id] ?? null) ?? undefined;
  }
  const refused = (Object.keys(errors) as QuestionId[]).map(
    (id) => msg.questionnaire.questions[id].label,
  );
  const errorText = (id: QuestionId, code: ValidationError) => {
    const question = QUESTIONS.get(id);
    return question ? questionErrorText(question, code, unknownDiagnoses) : msg.errors[code];
  };
  const unresolved = (Object.keys(conflicts) as QuestionId[]).map(
    (id) => msg.questionnaire.questions[id].label,
  );
  const labels = Object.fromEntries(
    sections.flatMap((s) =>
      s.questions.map((q) => [q.id, msg.questionnaire.questions[q.id].label]),
    ),
  ) as Record<QuestionId, string>;
  const anchors = Object.fromEntries(
    sections.flatMap((s) => s.questions.map((q) => [q.id, fieldAnchor(q.id)])),
  ) as Record<QuestionId, string>;
  const conflictIds = Object.keys(conflicts) as QuestionId[];
  /**
   * With a conflict unresolved, «Lagre» and «Se over og send inn» would not store the user's
   * value there: they take the user to the choice instead.
   */
  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    const [first] = conflictIds;
    if (!first) return;
    event.preventDefault();
    document.getElementById(`conflict-${first}`)?.focus();
  };

  return (
    <div className="sp-layout">
      <nav aria-label={msg.edit.sections} className="sp-layout__nav">
        <List.Unordered>
          {sections.map((section) => {
            const missing = section.questions.filter((q) =>
              submitError(q, answers[q.id] ?? null),
            ).length;
            return (
              <List.Item key={section.id}>
                <Link href={`#section-${section.id}`}>
                  {msg.questionnaire.sections[section.id].title}
                </Link>{' '}
                <Tag data-size="sm" data-color={missing === 0 ? 'success' : 'neutral'}>
                  {missing === 0 ? msg.edit.complete : msg.edit.missing(missing)}
                </Tag>
              </List.Item>
            );
          })}
        </List.Unordered>
      </nav>
      <Form
        method="post"
        ref={formRef}
        onInput={onEdit}
        onChange={onEdit}
        onSubmit={onSubmit}
        className="sp-stack"
        noValidate
      >
        <input type="hidden" name={BASE_FIELD} value={JSON.stringify(base)} />
        {problem && <Alert data-color="danger">{msg.problems[problem]}</Alert>}
        {notice && <Alert data-color="info">{notice}</Alert>}
        {/* After a save of the whole form, every error the fields show is in the summary. */}
        <FormErrorSummary
          errors={notice ? shownErrors : fieldErrors}
          labels={labels}
          anchors={anchors}
          describe={errorText}
        />
        {conflictIds.map((id) => {
          const conflict = conflicts[id];
          const question = sections.flatMap((s) => s.questions).find((q) => q.id === id);
          if (!conflict || !question) return null;
          const label = msg.questionnaire.questions[id].label;
          return (
            <Alert key={id} data-color="warning">
              <Heading level={2} data-size="xs" id={`conflict-${id}`} tabIndex={-1}>
                {msg.autosave.conflictTitle}
              </Heading>
              <Paragraph>{msg.autosave.conflict(label)}</Paragraph>
              <dl className="sp-dl">
                <dt>{msg.autosave.theirs}</dt>
                <dd>
                  {conflict.theirs === null
                    ? msg.autosave.empty
                    : answerDisplay(question, conflict.theirs)}
                </dd>
                <dt>{msg.autosave.mine}</dt>
                <dd>
                  {conflict.mine === null
                    ? msg.autosave.empty
                    : answerDisplay(question, conflict.mine)}
                </dd>
              </dl>
              {hydrated && (
                <div className="sp-row">
                  <Button type="button" data-size="sm" onClick={() => resolve(id, 'mine')}>
                    {msg.autosave.keepMine}
                  </Button>
                  <Button
                    type="button"
                    data-size="sm"
                    variant="secondary"
                    onClick={() => resolve(id, 'theirs')}
                  >
                    {msg.autosave.useTheirs}
                  </Button>
                </div>
              )}
            </Alert>
          );
        })}
        {sections.map((section) => {
          const headingId = `section-${section.id}`;
          const { title } = msg.questionnaire.sections[section.id];
          const intro = msg.questionHelp.sections[section.id];
          return (
            <section key={section.id} aria-labelledby={headingId} className="sp-stack sp-section">
              <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
                {title}
              </Heading>
              <Paragraph>{intro}</Paragraph>
              {section.questions.map((question) => (
                <div key={question.id} className="sp-stack">
                  <QuestionField
                    question={question}
                    value={answers[question.id] ?? null}
                    error={shownErrors[question.id]}
                    diagnoses={diagnoses}
                    unknownDiagnoses={unknownDiagnoses}
                  />
                  {question.type === 'drug' && drugFacts && (
                    <DrugFactsCard facts={drugFacts} headingLevel={3} />
                  )}
                  {question.type === 'drug' && (
                    <SchemeWarning
                      drugName={contradictedDrugName(
                        contextOf(answers).scheme,
                        // The facts are the stored drug's: none while another drug is chosen.
                        drugAnswer(answers)?.id === drugFacts?.id ? drugFacts : null,
                      )}
                    />
                  )}
                  {question.id === 'exemptionApplication' && drugFacts && (
                    <ExemptionGuidance drug={drugFacts} />
                  )}
                  {question.id === 'costEstimate' && drugFacts?.cheapestAup && (
                    <CostFromFest
                      aup={drugFacts.cheapestAup.amount}
                      answers={answers}
                      onUse={(total) => {
                        if (formRef.current) writeToForm(formRef.current, 'costEstimate', total);
                        onEdit();
                      }}
                    />
                  )}
                </div>
              ))}
            </section>
          );
        })}
        <div className="sp-row sp-savebar" ref={saveBar}>
          <SaveStatus state={state} savedAt={savedAt} refused={refused} unresolved={unresolved} />
          <Button type="submit" name="intent" value="save" variant="secondary">
            {msg.edit.save}
          </Button>
          <Button type="submit" name="intent" value="summary">
            {msg.edit.toSummary}
          </Button>
        </div>
      </Form>
    </div>
  );
}
