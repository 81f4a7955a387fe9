import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { revealPatientId } from '../features/privacy/unmask.server';
import { msg } from '../i18n';
import { loadCase } from '../lib/case-errors.server';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/case-unmask';

/**
 * GET: nothing to show without the POST (a link or reload never reveals the number unlogged). No
 * redirect: after the POST the router revalidates this loader, and the action's answer must stay.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  await context.auth.requireActor(request);
  return { caseId: params.caseId };
}

/** POST /saker/:caseId/vis-fodselsnummer: shows the full patient id, logged (purpose unmask). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.requireActor(request);
  // A consulted trust is refused with the reason (403, error page); nothing is logged.
  return loadCase(() => revealPatientId(context.db, actor, params.caseId));
}

export default function RevealedPatientId({ loaderData, actionData }: Route.ComponentProps) {
  const t = msg.privacy;
  if (!actionData) {
    return (
      <div className="sp-stack">
        <title>{pageTitle(t.patientIdTitle, msg.app.name)}</title>
        <Heading level={1} data-size="lg">
          {t.patientIdTitle}
        </Heading>
        <Paragraph>{t.onlyOnRequest}</Paragraph>
        <div>
          <Button asChild variant="secondary">
            <RouterLink to={`/saker/${loaderData.caseId}`}>{t.backToCase}</RouterLink>
          </Button>
        </div>
      </div>
    );
  }
  const label = actionData.caseNumber ?? msg.case.draftLabel;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.revealedTitle(label), msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.revealedTitle(label)}
      </Heading>
      <Paragraph data-size="lg">{actionData.patientId}</Paragraph>
      {actionData.kind && <Paragraph>{`${t.kindLabel}: ${t.kinds[actionData.kind]}`}</Paragraph>}
      <Alert data-color="info">{t.revealedLogged}</Alert>
      <div>
        <Button asChild variant="secondary">
          <RouterLink to={`/saker/${actionData.caseId}`}>{t.backToCase}</RouterLink>
        </Button>
      </div>
    </div>
  );
}
