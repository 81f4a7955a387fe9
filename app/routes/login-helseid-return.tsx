import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { data, redirect } from 'react-router';
import type { LoginRefusal } from '../features/auth/domain/helseid';
import { msg } from '../i18n';
import { pageTitle } from '../lib/form';
import type { Route } from './+types/login-helseid-return';

const STATUS: Record<LoginRefusal, number> = {
  cancelled: 400,
  expired: 400,
  providerError: 502,
  invalidClaims: 403,
  securityLevel: 403,
  unknownUser: 403,
  duplicatePerson: 403,
};

/** `GET /logg-inn/helseid/retur`: HelseID's redirect back. A session, or a page saying why not. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { helseId } = context.signIn;
  if (!helseId) throw data(null, { status: 404 });
  const result = await helseId.finish(request);
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append('Set-Cookie', cookie);
  if (result.ok) return redirect(result.returnTo ?? '/', { headers });
  return data({ refusal: result.refusal }, { status: STATUS[result.refusal], headers });
}

export default function HelseIdReturn({ loaderData }: Route.ComponentProps) {
  const t = msg.signIn;
  return (
    <div className="sp-stack">
      <title>{pageTitle(t.refusedTitle, msg.app.name)}</title>
      <Heading level={1} data-size="lg">
        {t.refusedTitle}
      </Heading>
      <Alert data-color="danger">
        <Paragraph>{t.refusals[loaderData.refusal]}</Paragraph>
      </Alert>
      <Paragraph>
        <Link href="/logg-inn">{t.tryAgain}</Link>
      </Paragraph>
    </div>
  );
}
