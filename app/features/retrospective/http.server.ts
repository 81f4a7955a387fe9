import { data } from 'react-router';
import type { AppLoadContext } from 'react-router';
import type { Actor } from '../auth/domain/roles';
import { canRegisterRetrospective } from './domain/access';

/** The signed-in actor, when they may register retrospective cases; otherwise 403. */
export async function requireRegistrar(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await context.auth.requireActor(request);
  if (!canRegisterRetrospective(actor)) throw data(null, { status: 403 });
  return actor;
}
