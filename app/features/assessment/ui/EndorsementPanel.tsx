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
import { Form } from 'react-router';
import { msg } from '../../../i18n';
import { actionToSummary } from '../../../lib/form';
import { ChoiceField, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../cases/domain/application';
import type { EndorsementView, LeaderInputView, LeaderView } from '../assessment.server';
import type { Person } from '../../cases/cases.server';
import { FormErrorSummary } from '../../cases/ui/FormErrorSummary';
import { ENDORSEMENT_VERDICTS } from '../domain/criteria';
import type { LeaderActions, LeaderIntent } from '../domain/leaders';
import { CriteriaFields, criteriaSummaryFields } from './CriteriaFields';
import type { LocalGuidance as LocalGuidanceText } from '../../guidance/domain/guidance';
import { Guidance } from './Guidance';
import { RatingsTable } from './RatingsTable';
import { RemovePersonForm } from '../../../ui/RemovePersonForm';

export interface EndorsementPanelData {
  endorsements: EndorsementView[];
  delegate: LeaderView | null;
  collaborators: LeaderView[];
  inputs: LeaderInputView[];
  may: LeaderActions;
  /** The medical director delegates and takes back with texts of their own (ADR 0024). */
  actingAs: 'endorser' | 'decisionMaker';
  candidates: Person[];
}

/** The confirmation of a leader action just done, in the words of the one who did it. */
export function leaderDoneText(intent: LeaderIntent, panel: EndorsementPanelData | null): string {
  if (panel?.actingAs === 'decisionMaker' && (intent === 'delegate' || intent === 'takeBack')) {
    return msg.assessment.leaderDoneDirector[intent];
  }
  return msg.assessment.leaderDone[intent];
}

/** What came back from a refused endorsement or leader form: errors and what was typed. */
export interface EndorsementReturn {
  fieldErrors: FieldErrors;
  values: Readonly<Record<string, string>>;
}

const when = (d: Date | string) => msg.dateTime(new Date(d));

/** The endorsement form's fields, each with its label and the id of its first control. */
function endorsementFields(idPrefix: string) {
  const t = msg.assessment;
  const { labels, anchors } = criteriaSummaryFields(idPrefix);
  labels.verdict = t.verdict;
  anchors.verdict = `${idPrefix}-verdict-${ENDORSEMENT_VERDICTS[0]}`;
  labels.reason = t.justification;
  anchors.reason = `${idPrefix}-reason`;
  return { labels, anchors };
}

/** The endorsement form's error summary, where a refused post lands (`actionToSummary`). */
const ENDORSEMENT_SUMMARY = 'endorsement-errors';

/** The leader's endorsement (forankring): guidance, the structured assessment, and the verdict. */
export function EndorsementForm({
  caseId,
  version,
  submitted,
  guidance,
}: {
  caseId: string;
  version: number;
  submitted: EndorsementReturn | null;
  /** The treating trust's own guidance for the endorsement (under the national guidance). */
  guidance: LocalGuidanceText | null;
}) {
  const t = msg.assessment;
  const values = submitted?.values ?? {};
  const errors = submitted?.fieldErrors ?? {};
  return (
    <Card>
      <Form
        method="post"
        action={actionToSummary(`/saker/${caseId}`, ENDORSEMENT_SUMMARY)}
        className="sp-stack"
        aria-labelledby="endorsement-heading"
        noValidate
      >
        <Heading level={3} data-size="sm" id="endorsement-heading">
          {t.endorsementTitle}
        </Heading>
        <FormErrorSummary
          errors={errors}
          id={ENDORSEMENT_SUMMARY}
          {...endorsementFields('endorsement')}
        />
        <Paragraph>{t.endorsementIntro}</Paragraph>
        <Guidance local={guidance} localId="endorsement-local-guidance" localHeadingLevel={4} />
        <input type="hidden" name="intent" value="endorsement" />
        <input type="hidden" name="version" value={version} />
        <CriteriaFields idPrefix="endorsement" values={values} errors={errors} />
        <Fieldset>
          <Fieldset.Legend>{t.verdict}</Fieldset.Legend>
          <Fieldset.Description>{t.ratingsOptionalOnReturn}</Fieldset.Description>
          {ENDORSEMENT_VERDICTS.map((verdict) => (
            <ChoiceField
              key={verdict}
              type="radio"
              id={`endorsement-verdict-${verdict}`}
              name="verdict"
              value={verdict}
              label={t.verdicts[verdict]}
              defaultChecked={values.verdict === verdict}
              errorId={errors.verdict ? 'endorsement-verdict-error' : undefined}
            />
          ))}
          {errors.verdict && (
            <ValidationMessage id="endorsement-verdict-error">
              {msg.errors[errors.verdict]}
            </ValidationMessage>
          )}
        </Fieldset>
        <TextField
          id="endorsement-reason"
          name="reason"
          label={t.justification}
          multiline
          rows={4}
          defaultValue={values.reason ?? ''}
          error={errors.reason ? msg.errors[errors.reason] : undefined}
        />
        <div>
          <Button type="submit">{t.submitEndorsement}</Button>
        </div>
      </Form>
    </Card>
  );
}

/**
 * Names another leader of the trust: to delegate the endorsement to, or to invite to collaborate.
 * A refused post lands on its error summary (`#delegate-errors`, `#invite-errors`).
 */
function LeaderForm({
  caseId,
  intent,
  title,
  intro,
  label,
  button,
  candidates,
  submitted,
}: {
  caseId: string;
  intent: 'delegate' | 'invite';
  title: string;
  intro: string;
  label: string;
  button: string;
  candidates: readonly Person[];
  submitted: EndorsementReturn | null;
}) {
  const id = `${intent}-user`;
  const summaryId = `${intent}-errors`;
  const error = submitted?.fieldErrors.userId;
  return (
    <Form
      method="post"
      action={actionToSummary(`/saker/${caseId}`, summaryId)}
      className="sp-stack"
      aria-labelledby={`${intent}-heading`}
      noValidate
    >
      <Heading level={4} data-size="2xs" id={`${intent}-heading`}>
        {title}
      </Heading>
      <FormErrorSummary
        id={summaryId}
        headingLevel={5}
        errors={submitted?.fieldErrors ?? {}}
        labels={{ userId: label }}
        anchors={{ userId: id }}
      />
      <Paragraph data-size="sm">{intro}</Paragraph>
      <input type="hidden" name="intent" value={intent} />
      <Field>
        <Label htmlFor={id}>{label}</Label>
        <Select
          id={id}
          name="userId"
          defaultValue={submitted?.values.userId ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <Select.Option value="" disabled>
            {msg.assessment.chooseLeader}
          </Select.Option>
          {candidates.map((c) => (
            <Select.Option key={c.id} value={c.id}>{`${c.name}, ${c.title}`}</Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage id={`${id}-error`}>{msg.errors[error]}</ValidationMessage>}
      </Field>
      <div>
        <Button type="submit" variant="secondary">
          {button}
        </Button>
      </div>
    </Form>
  );
}

/**
 * The other leaders on the endorsement (ADR 0024): whom it is delegated to (and taking it back),
 * who collaborates, and the forms to delegate it and to invite a collaborator.
 */
export function LeadersForm({
  caseId,
  panel,
  submitted,
}: {
  caseId: string;
  panel: EndorsementPanelData;
  /** The refused leader form (by its intent), with what was chosen. */
  submitted: { intent: LeaderIntent; data: EndorsementReturn } | null;
}) {
  const t = msg.assessment;
  const { delegate, collaborators, may, candidates } = panel;
  const director = panel.actingAs === 'decisionMaker';
  if (!delegate && collaborators.length === 0 && !may.delegate && !may.invite) return null;
  const returned = (intent: LeaderIntent) => (submitted?.intent === intent ? submitted.data : null);
  return (
    <Card>
      <div className="sp-stack">
        <Heading level={3} data-size="xs" id="leaders-heading">
          {t.leadersTitle}
        </Heading>
        {delegate && (
          <Paragraph data-size="sm">
            {t.delegatedTo(
              `${delegate.name}, ${delegate.title}`,
              delegate.addedByName,
              when(delegate.at),
            )}
          </Paragraph>
        )}
        {may.takeBack && (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="takeBack" />
            <Paragraph data-size="sm">
              {director ? t.takeBackIntroDirector : t.takeBackIntro}
            </Paragraph>
            <Button type="submit" variant="secondary">
              {t.takeBack}
            </Button>
          </Form>
        )}
        {collaborators.length > 0 && (
          <>
            <Paragraph data-size="sm">{t.collaboratorsTitle}</Paragraph>
            <List.Unordered>
              {collaborators.map((l) => (
                <List.Item key={l.id}>
                  {may.removeCollaborator ? (
                    <RemovePersonForm
                      intent="removeCollaborator"
                      userId={l.id}
                      text={`${l.name}, ${l.title}`}
                      button={t.removeCollaborator}
                      label={t.removeCollaboratorNamed(l.name)}
                    />
                  ) : (
                    `${l.name}, ${l.title}`
                  )}
                </List.Item>
              ))}
            </List.Unordered>
          </>
        )}
        {(may.delegate || may.invite) && candidates.length === 0 && (
          <Paragraph data-size="sm">{t.noLeaderCandidates}</Paragraph>
        )}
        {may.delegate && candidates.length > 0 && (
          <LeaderForm
            caseId={caseId}
            intent="delegate"
            title={director ? t.delegateTitleDirector : t.delegateTitle}
            intro={director ? t.delegateIntroDirector : t.delegateIntro}
            label={t.delegateTo}
            button={t.delegate}
            candidates={candidates}
            submitted={returned('delegate')}
          />
        )}
        {may.invite && candidates.length > 0 && (
          <LeaderForm
            caseId={caseId}
            intent="invite"
            title={t.inviteTitle}
            intro={t.inviteIntro}
            label={t.inviteLeader}
            button={t.invite}
            candidates={candidates}
            submitted={returned('invite')}
          />
        )}
      </div>
    </Card>
  );
}

/** The leader input form's error summary, where a refused post lands (`actionToSummary`). */
const LEADER_INPUT_SUMMARY = 'leader-input-errors';

/** The collaborating leader's input: optional ratings on the criteria and a required text. */
export function LeaderInputForm({
  caseId,
  submitted,
}: {
  caseId: string;
  submitted: EndorsementReturn | null;
}) {
  const t = msg.assessment;
  const values = submitted?.values ?? {};
  const errors = submitted?.fieldErrors ?? {};
  const { labels, anchors } = endorsementFields('leader-input');
  labels.body = t.leaderInputText;
  anchors.body = 'leader-input-body';
  return (
    <Card>
      <Form
        method="post"
        action={actionToSummary(`/saker/${caseId}`, LEADER_INPUT_SUMMARY)}
        className="sp-stack"
        aria-labelledby="leader-input-heading"
        noValidate
      >
        <Heading level={3} data-size="sm" id="leader-input-heading">
          {t.leaderInputTitle}
        </Heading>
        <FormErrorSummary
          errors={errors}
          id={LEADER_INPUT_SUMMARY}
          headingLevel={4}
          labels={labels}
          anchors={anchors}
        />
        <Paragraph>{t.leaderInputIntro}</Paragraph>
        <input type="hidden" name="intent" value="leaderInput" />
        <CriteriaFields idPrefix="leader-input" values={values} errors={errors} />
        <TextField
          id="leader-input-body"
          name="body"
          label={t.leaderInputText}
          multiline
          rows={4}
          defaultValue={values.body ?? ''}
          error={errors.body ? msg.errors[errors.body] : undefined}
        />
        <div>
          <Button type="submit">{t.giveLeaderInput}</Button>
        </div>
      </Form>
    </Card>
  );
}

/** The collaborating leaders' input (internal: never shown to the applicant). */
export function LeaderInputs({ inputs }: { inputs: readonly LeaderInputView[] }) {
  const t = msg.assessment;
  if (inputs.length === 0) return null;
  return (
    <div className="sp-stack">
      {inputs.map((input, i) => (
        <div key={i} className="sp-stack">
          <Alert data-color="info">
            <Paragraph>
              <strong>{t.leaderInputBy(input.authorName, when(input.at))}</strong>
            </Paragraph>
            <Paragraph>{input.body}</Paragraph>
          </Alert>
          {input.ratings && (
            <RatingsTable
              caption={`${t.leaderInputRatings(input.authorName)} (${t.internal})`}
              columns={[
                {
                  key: 'leader',
                  heading: t.leaderColumn(input.authorName),
                  ratings: input.ratings,
                },
              ]}
            />
          )}
        </div>
      ))}
    </div>
  );
}

/** The leader's earlier assessments (internal: never shown to the applicant). */
export function EndorsementSummary({ endorsements }: { endorsements: EndorsementView[] }) {
  const t = msg.assessment;
  if (endorsements.length === 0) return null;
  return (
    <div className="sp-stack">
      {endorsements.map((e, i) => (
        <div key={i} className="sp-stack">
          <Alert data-color="info">
            <Paragraph>
              <strong>{t.verdictPast[e.verdict]}</strong>
              {` – ${t.endorsedBy(e.authorName, when(e.at))}`}
            </Paragraph>
            <Paragraph>{e.justification}</Paragraph>
          </Alert>
          <RatingsTable
            caption={`${t.ratingsCaption} (${t.internal})`}
            columns={[{ key: 'leader', heading: t.leaderColumn(e.authorName), ratings: e.ratings }]}
          />
        </div>
      ))}
    </div>
  );
}
