import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Form } from 'react-router';
import { compactDiagnosis } from '../features/diagnoses/diagnoses.server';
import { getVariation } from '../features/precedents/precedents.server';
import { queryParams, variationQuerySchema } from '../features/precedents/domain/query';
import type { VariationRow } from '../features/precedents/domain/variation';
import { diagnosisText } from '../features/precedents/precedents.server';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import { TextField } from '../ui/fields';
import type { Route } from './+types/national-variation';
import { TableScroll } from '../ui/TableScroll';

/**
 * GET /nasjonalt/variasjon?atc=&diagnose=: decisions and processing times per trust side by
 * side for one drug and main indication, with the national total; counts under 5 suppressed.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const params = queryParams(new URL(request.url));
  const typed = { atc: params.atc ?? '', diagnose: params.diagnose ?? '' };
  if (typed.atc === '' && typed.diagnose === '') return { typed, bad: false, view: null };
  // A code typed without its system (C50.9) is read as the diagnosis picker reads it.
  const compact = compactDiagnosis(typed.diagnose) ?? typed.diagnose;
  const parsed = variationQuerySchema.safeParse({ ...params, diagnose: compact });
  if (!parsed.success) return { typed, bad: true, view: null };
  const { atc, diagnose } = parsed.data;
  return {
    typed,
    bad: false,
    view: {
      atc,
      diagnosis: diagnose,
      diagnosisName: diagnosisText(diagnose),
      ...(await getVariation(context.db, actor, atc, diagnose)),
    },
  };
}

export default function NationalVariation({ loaderData }: Route.ComponentProps) {
  const { typed, bad, view } = loaderData;
  const t = msg.precedents;
  const n = (v: number | null) => (v === null ? t.underFive : String(v));
  const pct = (v: number | null) => (v === null ? t.notKnown : t.percent(v));
  const days = (v: number | null) => (v === null ? t.notKnown : t.days(v));
  const row = (r: VariationRow, name: string, national = false) => (
    <Table.Row key={r.trustId ?? 'national'}>
      <Table.HeaderCell scope="row">{national ? <strong>{name}</strong> : name}</Table.HeaderCell>
      <Table.Cell>{n(r.decisions)}</Table.Cell>
      <Table.Cell>{pct(r.approvalRate)}</Table.Cell>
      <Table.Cell>{days(r.medianDays)}</Table.Cell>
      <Table.Cell>{days(r.p90Days)}</Table.Cell>
    </Table.Row>
  );
  const diagnosisLabel = view
    ? `${view.diagnosis.replace(/^[A-Z0-9]+:/, '')}${view.diagnosisName ? ` ${view.diagnosisName}` : ''}`
    : '';
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.variationTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.variationTitle}
      </Heading>
      <Paragraph>{t.variationIntro}</Paragraph>
      <Form method="get" className="sp-stack" aria-labelledby="variation-form">
        <Heading level={2} data-size="xs" id="variation-form">
          {t.variationFormTitle}
        </Heading>
        {bad && <Alert data-color="danger">{t.badQuery}</Alert>}
        <div className="sp-row">
          <TextField
            id="variation-atc"
            name="atc"
            label={t.atcLabel}
            description={t.atcDescription}
            defaultValue={typed.atc}
          />
          <TextField
            id="variation-diagnosis"
            name="diagnose"
            label={t.diagnosisLabel}
            description={t.diagnosisDescription}
            defaultValue={typed.diagnose}
          />
        </div>
        <div>
          <Button type="submit">{t.show}</Button>
        </div>
      </Form>
      {view && (
        <section className="sp-stack" aria-labelledby="variation-result">
          <Heading level={2} data-size="md" id="variation-result">
            {msg.cohortSignals.cohortFor(
              view.drugLabel ? `${view.drugLabel} (${view.atc})` : view.atc,
              diagnosisLabel,
            )}
          </Heading>
          {view.trusts.length === 0 ? (
            <Paragraph>{t.noDecisions}</Paragraph>
          ) : (
            <TableScroll label={t.variationCaption(view.atc, diagnosisLabel)}>
              <Table zebra>
                <caption>{t.variationCaption(view.atc, diagnosisLabel)}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t.trust}</Table.HeaderCell>
                    <Table.HeaderCell>{t.decisions}</Table.HeaderCell>
                    <Table.HeaderCell>{t.approvalRate}</Table.HeaderCell>
                    <Table.HeaderCell>{t.medianDays}</Table.HeaderCell>
                    <Table.HeaderCell>{t.p90Days}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {view.trusts.map((r) => row(r, r.trustName))}
                  {row(view.national, t.national, true)}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </section>
      )}
    </div>
  );
}
