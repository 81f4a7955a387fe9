import { data, redirect } from 'react-router';
import type { Route } from './+types/login-helseid';

/** `POST /logg-inn/helseid`: pushes the authorization request (PAR) and sends the browser to HelseID. */
export async function action({ context }: Route.ActionArgs) {
  const { helseId } = context.signIn;
  if (!helseId) throw data(null, { status: 404 });
  const started = await helseId.start();
  if (!started) return redirect('/logg-inn?helseid=utilgjengelig');
  return redirect(started.location, { headers: { 'Set-Cookie': started.setCookie } });
}

export function loader() {
  return redirect('/logg-inn');
}
