import { redirect } from 'react-router';
import type { Route } from './+types/logout';

export async function action({ request, context }: Route.ActionArgs) {
  const cookie = await context.auth.logout(request);
  return redirect('/logg-inn', { headers: { 'Set-Cookie': cookie } });
}

export function loader() {
  return redirect('/');
}
