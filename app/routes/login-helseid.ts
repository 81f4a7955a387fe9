import { data, redirect } from 'react-router';
import { RETURN_PARAM, safeReturnPath } from '../features/auth/domain/return-path';
import { formText } from '../lib/form';
import type { Route } from './+types/login-helseid';

/** `POST /logg-inn/helseid`: pushes the authorization request (PAR) and sends the browser to HelseID. */
export async function action({ request, context }: Route.ActionArgs) {
  const { helseId } = context.signIn;
  if (!helseId) throw data(null, { status: 404 });
  const returnTo = safeReturnPath(formText(await request.formData(), RETURN_PARAM));
  const started = await helseId.start(returnTo);
  if (!started) return redirect('/logg-inn?helseid=utilgjengelig');
  return redirect(started.location, { headers: { 'Set-Cookie': started.setCookie } });
}

export function loader() {
  return redirect('/logg-inn');
}
