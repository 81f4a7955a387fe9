import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { redirect, Link as RouterLink } from 'react-router';
import { revealPatientId } from '../features/privacy/unmask.server';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/case-unmask';

/** GET: nothing to show without the POST (a link or reload never reveals the number unlogged). */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/saker/${params.caseId}`);
}

/** POST /saker/:caseId/vis-fodselsnummer: shows the full patient id, logged (purpose unmask). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  return loadCase(() => revealPatientId(context.db, actor, params.caseId));
}

export default function RevealedPatientId({ actionData }: Route.ComponentProps) {
  if (!actionData) return null;
  const t = msg.privacy;
  const label = actionData.caseNumber ?? msg.case.draftLabel;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.revealedTitle(label), msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.revealedTitle(label)}
      </Heading>
      <Paragraph data-size="lg">{actionData.patientId}</Paragraph>
      <Alert data-color="info">{t.revealedLogged}</Alert>
      <div>
        <Button asChild variant="secondary">
          <RouterLink to={`/saker/${actionData.caseId}`}>{t.backToCase}</RouterLink>
        </Button>
      </div>
    </div>
  );
}
