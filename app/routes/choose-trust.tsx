import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { data, Form, redirect } from 'react-router';
import { loginPath, RETURN_PARAM, safeReturnPath } from '../features/auth/domain/return-path';
import { canSwitchTrust } from '../features/auth/domain/trusts';
import { listTrustChoices } from '../features/auth/trust-choice.server';
import { msg } from '../i18n';
import { formText, pageTitle } from '../lib/form';
import type { Route } from './+types/choose-trust';

/**
 * GET /velg-helseforetak: a user with roles in several trusts chooses the one to act in, after
 * login or later (ADR 0026). Each trust lists the user's roles there.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const signedIn = await context.auth.requireSignedIn(request);
  // The page that sent the user here, to go on to once a trust is chosen.
  const returnTo = safeReturnPath(new URL(request.url).searchParams.get(RETURN_PARAM));
  // With one trust there is nothing to choose: it was chosen at login.
  if (signedIn.trustId !== null && !canSwitchTrust(signedIn.trusts))
    throw redirect(returnTo ?? '/');
  return {
    returnTo,
    choices: await listTrustChoices(context.db, signedIn.userId),
    currentTrustId: signedIn.trustId,
  };
}

/**
 * POST: act in the chosen trust (also the header's switcher). The session is rotated and the user
 * lands on the page that sent them here after login (`tilbake`), else on the start page; a trust
 * without a role of theirs changes nothing. The refusal is thrown,
 * so it is answered as a 403 page: returned, the page's loader would run after it and send a user
 * with one trust to the start page as if the choice had gone through.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const trustId = formText(form, 'trustId');
  const returnTo = safeReturnPath(formText(form, RETURN_PARAM));
  const result = await context.auth.chooseTrust(request, trustId);
  if (result.ok) return redirect(returnTo ?? '/', { headers: { 'Set-Cookie': result.setCookie } });
  if (result.refusal === 'signedOut') return redirect(loginPath(returnTo));
  throw data({ message: msg.trustChoice.refusals[result.refusal] }, { status: 403 });
}

export default function ChooseTrust({ loaderData }: Route.ComponentProps) {
  const t = msg.trustChoice;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.title, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <ul className="sp-grid sp-plain-list">
        {loaderData.choices.map((choice) => (
          <li key={choice.trustId}>
            <Card className="sp-stack">
              <Heading level={2} data-size="xs">
                {choice.trustName}
              </Heading>
              {choice.trustId === loaderData.currentTrustId && (
                <Paragraph data-size="sm">{t.current}</Paragraph>
              )}
              <div className="sp-row" aria-label={msg.login.roles} role="group">
                {choice.roles.map((r) => (
                  <Tag key={`${r.role}-${r.department ?? ''}`} data-color="info" data-size="sm">
                    {msg.roles[r.role]}
                    {r.department ? `, ${r.department}` : ''}
                  </Tag>
                ))}
              </div>
              <Form method="post">
                <input type="hidden" name="trustId" value={choice.trustId} />
                {loaderData.returnTo && (
                  <input type="hidden" name={RETURN_PARAM} value={loaderData.returnTo} />
                )}
                <Button type="submit" data-size="sm">
                  {t.choose(choice.trustName)}
                </Button>
              </Form>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
