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
import { ChoiceField, TextField } from '../../../ui/fields';
import type { FieldErrors } from '../../cases/domain/application';
import type { EndorsementView, LeaderView } from '../assessment.server';
import type { Person } from '../../cases/cases.server';
import { FormErrorSummary } from '../../cases/ui/FormErrorSummary';
import { CRITERIA, criterionFields, ENDORSEMENT_VERDICTS, LEVELS } from '../domain/criteria';
import { CriteriaFields } from './CriteriaFields';
import { Guidance } from './Guidance';
import { RatingsTable } from './RatingsTable';

export interface EndorsementPanelData {
  endorsements: EndorsementView[];
  leaders: LeaderView[];
  candidates: Person[];
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
  const labels: Record<string, string> = {};
  const anchors: Record<string, string> = {};
  for (const criterion of CRITERIA) {
    const title = t.criteria[criterion].title;
    const fields = criterionFields(criterion);
    labels[fields.level] = title;
    anchors[fields.level] = `${idPrefix}-${criterion}-${LEVELS[0]}`;
    labels[fields.text] = `${t.ratingText}: ${title.toLowerCase()}`;
    anchors[fields.text] = `${idPrefix}-${criterion}-text`;
  }
  labels.verdict = t.verdict;
  anchors.verdict = `${idPrefix}-verdict-${ENDORSEMENT_VERDICTS[0]}`;
  labels.reason = t.justification;
  anchors.reason = `${idPrefix}-reason`;
  return { labels, anchors };
}

/** The leader's endorsement (forankring): guidance, the structured assessment, and the verdict. */
export function EndorsementForm({
  version,
  submitted,
}: {
  version: number;
  submitted: EndorsementReturn | null;
}) {
  const t = msg.assessment;
  const values = submitted?.values ?? {};
  const errors = submitted?.fieldErrors ?? {};
  return (
    <Card data-color="neutral">
      <Form method="post" className="sp-stack" aria-labelledby="endorsement-heading" noValidate>
        <Heading level={3} data-size="sm" id="endorsement-heading">
          {t.endorsementTitle}
        </Heading>
        <FormErrorSummary errors={errors} {...endorsementFields('endorsement')} />
        <Paragraph>{t.endorsementIntro}</Paragraph>
        <Guidance />
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

/** Delegate the endorsement to another leader, or invite one to collaborate. */
export function LeadersForm({
  panel,
  canAdd,
  submitted,
}: {
  panel: EndorsementPanelData;
  canAdd: boolean;
  submitted: EndorsementReturn | null;
}) {
  const t = msg.assessment;
  const errors = submitted?.fieldErrors ?? {};
  if (!canAdd && panel.leaders.length === 0) return null;
  return (
    <Card data-color="neutral">
      <div className="sp-stack">
        <Heading level={3} data-size="xs" id="leaders-heading">
          {t.leadersTitle}
        </Heading>
        {panel.leaders.length > 0 && (
          <>
            <Paragraph data-size="sm">{t.addedLeaders}</Paragraph>
            <List.Unordered>
              {panel.leaders.map((l) => (
                <List.Item
                  key={l.id}
                >{`${l.name}, ${l.title} – ${t.leaderKinds[l.kind]}`}</List.Item>
              ))}
            </List.Unordered>
          </>
        )}
        {canAdd &&
          (panel.candidates.length === 0 ? (
            <Paragraph data-size="sm">{t.noLeaderCandidates}</Paragraph>
          ) : (
            <Form method="post" className="sp-stack" aria-labelledby="leaders-heading" noValidate>
              <Paragraph data-size="sm">{t.leadersIntro}</Paragraph>
              <input type="hidden" name="intent" value="addLeader" />
              <Field>
                <Label htmlFor="leader-user">{t.leader}</Label>
                <Select
                  id="leader-user"
                  name="userId"
                  defaultValue={submitted?.values.userId ?? ''}
                  aria-invalid={errors.userId ? true : undefined}
                  aria-describedby={errors.userId ? 'leader-user-error' : undefined}
                >
                  <Select.Option value="" disabled>
                    {t.chooseLeader}
                  </Select.Option>
                  {panel.candidates.map((c) => (
                    <Select.Option key={c.id} value={c.id}>{`${c.name}, ${c.title}`}</Select.Option>
                  ))}
                </Select>
                {errors.userId && (
                  <ValidationMessage id="leader-user-error">
                    {msg.errors[errors.userId]}
                  </ValidationMessage>
                )}
              </Field>
              <Fieldset>
                <Fieldset.Legend>{t.leaderKind}</Fieldset.Legend>
                {(['delegate', 'collaborator'] as const).map((kind) => (
                  <ChoiceField
                    key={kind}
                    type="radio"
                    id={`leader-kind-${kind}`}
                    name="kind"
                    value={kind}
                    label={t.leaderKinds[kind]}
                    defaultChecked={(submitted?.values.kind ?? 'delegate') === kind}
                  />
                ))}
              </Fieldset>
              <div>
                <Button type="submit" variant="secondary">
                  {t.addLeader}
                </Button>
              </div>
            </Form>
          ))}
      </div>
    </Card>
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
