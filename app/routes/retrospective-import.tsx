import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { FILE_FIELD } from '../features/attachments/domain/kinds';
import { afterBody, readUpload } from '../features/attachments/http.server';
import { requireRegistrar } from '../features/retrospective/http.server';
import { checkImport } from '../features/retrospective/retrospective.server';
import { parseSpreadsheet } from '../features/retrospective/spreadsheet.server';
import { SHEET_LIMITS } from '../features/retrospective/domain/retrospective';
import { ImportReport } from '../features/retrospective/ui/ImportReport';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/retrospective-import';
import { RouteLink } from '../ui/RouteLink';

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireRegistrar(request, context);
  return { expired: new URL(request.url).searchParams.has('utlopt') };
}

type FileProblem = keyof typeof msg.retrospective.fileErrors;

const problem = (fileError: FileProblem) =>
  data({ fileError, missing: null, fileName: '', reports: [] }, { status: 400 });

/**
 * Upload: the file is parsed and every row checked. A file with a bad row comes back with the
 * report and nothing kept; a good one is kept server-side and shown as a preview to confirm.
 */
export async function action({ request, context }: Route.ActionArgs) {
  return afterBody(request, SHEET_LIMITS.bytes, async () => {
    const actor = await requireRegistrar(request, context);
    const upload = await readUpload(request, SHEET_LIMITS.bytes);
    if (!upload.ok) return problem(upload.problem === 'noFile' ? 'none' : upload.problem);
    const parsed = await parseSpreadsheet(upload.bytes);
    if (!parsed.ok) return problem(parsed.error);
    if (parsed.missing.length > 0) {
      const missing = parsed.missing.map((c) => msg.retrospective.columns[c]).join(', ');
      return data(
        { fileError: null, missing, fileName: upload.fileName, reports: [] },
        { status: 400 },
      );
    }
    const checked = await checkImport(context.db, actor, upload.fileName, parsed.rows);
    if (checked.ok) return redirect(`/etterregistrering/import/${checked.importId}`);
    return data(
      { fileError: null, missing: null, fileName: upload.fileName, reports: checked.reports },
      { status: 400 },
    );
  });
}

const t = msg.retrospective;

export default function RetrospectiveImport({ loaderData, actionData }: Route.ComponentProps) {
  // The action answers only a refusal (400): a bad file, or the report of its bad rows.
  const refused = actionData !== undefined;
  const fileError = actionData?.fileError
    ? t.fileErrors[actionData.fileError]
    : actionData?.missing
      ? t.missingColumns(actionData.missing)
      : loaderData.expired
        ? t.fileErrors.expired
        : undefined;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.importTitle, msg.app.name, refused)}</title>
      <Heading level={1} data-size="lg">
        {t.importTitle}
      </Heading>
      <Paragraph>{t.importIntro}</Paragraph>
      <Alert data-color="info">{t.noPatient}</Alert>
      <div className="sp-row">
        <Link href="/etterregistrering/mal.xlsx" download>
          {t.templateXlsx}
        </Link>
        <Link href="/etterregistrering/mal.csv" download>
          {t.templateCsv}
        </Link>
      </div>
      <Form method="post" encType="multipart/form-data" className="sp-stack" noValidate>
        <Field>
          <Label htmlFor="retro-file">{t.fileLabel}</Label>
          <Field.Description id="retro-file-help">
            {t.fileHelp(SHEET_LIMITS.rows, SHEET_LIMITS.bytes / (1024 * 1024))}
          </Field.Description>
          <Input
            id="retro-file"
            type="file"
            name={FILE_FIELD}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'retro-file-help retro-file-error' : 'retro-file-help'}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError && <ValidationMessage id="retro-file-error">{fileError}</ValidationMessage>}
        </Field>
        <div>
          <Button type="submit">{t.upload}</Button>
        </div>
      </Form>
      {actionData && actionData.reports.length > 0 && (
        <ImportReport fileName={actionData.fileName} reports={actionData.reports} />
      )}
      <RouteLink to="/etterregistrering">{t.title}</RouteLink>
    </div>
  );
}
