import { Alert, Button, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import type { FieldErrors } from '../domain/application';
import {
  submitError,
  applicableSections,
  type Answers,
  type QuestionId,
} from '../domain/questionnaire';
import type { Problem } from '../domain/errors';
import type { Diagnosis } from '../../diagnoses/domain/diagnosis';
import type { DrugFacts } from '../../fest/fest.server';
import { DrugFactsCard } from '../../fest/ui/DrugFactsCard';
import { FormErrorSummary } from './FormErrorSummary';
import { answerDisplay } from './QuestionnaireView';
import { QuestionField } from './QuestionField';
import { BASE_FIELD, fieldAnchor } from './questionnaire-form';
import { useAutosave, writeToForm, type SaveState } from './useAutosave';
import { estimateCost } from '../domain/cost';

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

function SaveStatus({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const text =
    state === 'saved' && savedAt
      ? msg.autosave.saved(msg.time(savedAt))
      : state === 'saved'
        ? msg.autosave.saved('')
        : msg.autosave[state];
  const color =
    state === 'failed' || state === 'closed' ? 'danger' : state === 'saved' ? 'success' : 'neutral';
  return (
    <Paragraph data-size="sm" role="status" aria-live="polite" data-save-state={state}>
      <Tag data-color={color}>{text}</Tag>
    </Paragraph>
  );
}

/**
 * The application form, generated from the questionnaire definition: section navigation with
 * what is missing per section, every applicable question with its help text, autosave with a
 * visible state, and conflicts from co-authors to resolve. Without JavaScript it is a plain form
 * posted with «Lagre».
 */
export function QuestionnaireForm({
  caseId,
  answers: shown,
  base,
  fieldErrors,
  problem,
  notice,
  diagnoses,
  drugFacts,
}: {
  caseId: string;
  /** What the fields show. */
  answers: Answers;
  /** The stored answers this editor starts from (differs from `answers` after a conflict). */
  base: Answers;
  fieldErrors: FieldErrors;
  problem: Problem | null;
  notice: string | null;
  diagnoses: Partial<Record<string, Diagnosis>>;
  drugFacts: DrugFacts | null;
}) {
  const { formRef, onEdit, state, savedAt, errors, conflicts, resolve, answers } = useAutosave(
    caseId,
    base,
    shown,
  );
  const sections = applicableSections(answers);
  const shownErrors: FieldErrors = { ...fieldErrors, ...errors };
  const labels = Object.fromEntries(
    sections.flatMap((s) =>
      s.questions.map((q) => [q.id, msg.questionnaire.questions[q.id].label]),
    ),
  ) as Record<QuestionId, string>;
  const anchors = Object.fromEntries(
    sections.flatMap((s) => s.questions.map((q) => [q.id, fieldAnchor(q.id)])),
  ) as Record<QuestionId, string>;

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
        className="sp-stack"
        noValidate
      >
        <input type="hidden" name={BASE_FIELD} value={JSON.stringify(base)} />
        {problem && <Alert data-color="danger">{msg.problems[problem]}</Alert>}
        {notice && <Alert data-color="info">{notice}</Alert>}
        <FormErrorSummary errors={shownErrors} labels={labels} anchors={anchors} />
        {(Object.keys(conflicts) as QuestionId[]).map((id) => {
          const conflict = conflicts[id];
          const question = sections.flatMap((s) => s.questions).find((q) => q.id === id);
          if (!conflict || !question) return null;
          const label = msg.questionnaire.questions[id].label;
          return (
            <Alert key={id} data-color="warning">
              <Heading level={2} data-size="xs">
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
            </Alert>
          );
        })}
        {sections.map((section) => {
          const headingId = `section-${section.id}`;
          const { title, intro } = msg.questionnaire.sections[section.id];
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
                  />
                  {question.type === 'drug' && drugFacts && (
                    <DrugFactsCard facts={drugFacts} headingLevel={3} />
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
        <div className="sp-row sp-savebar">
          <SaveStatus state={state} savedAt={savedAt} />
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
