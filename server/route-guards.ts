import { data, type ActionFunction, type LoaderFunction, type ServerBuild } from 'react-router';
import { msg } from '../app/i18n';
import { isDatabaseUnavailable } from '../app/lib/database-errors.server';
import { loggableError } from '../app/lib/loggable-error.server';

/**
 * A body that is not a form (JSON, a broken multipart stream) makes `request.formData()` throw a
 * TypeError, which would be a 500 in every form action: it is a 400 with a Norwegian text instead.
 * The form is read once and handed out again, so that `requireActor` can still echo a post whose
 * route read its form first (ADR 0036).
 */
function readableForms(request: Request) {
  const read = request.formData.bind(request);
  let form: Promise<FormData> | null = null;
  request.formData = () =>
    (form ??= read().catch(() => {
      throw data(msg.security.unreadableForm, { status: 400 });
    }));
}

function guard<F extends LoaderFunction | ActionFunction>(fn: F | undefined): F | undefined {
  if (!fn) return undefined;
  const call = fn as (args: Parameters<F>[0], handlerCtx?: unknown) => unknown;
  const guarded = async (args: Parameters<F>[0], handlerCtx?: unknown) => {
    readableForms(args.request);
    try {
      return await call(args, handlerCtx);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error('Database unavailable:', loggableError(error));
      // A route error response: the error boundary shows the Norwegian 503 page, and a resource
      // route (autosave) answers 503, which the editor retries without losing what was typed.
      throw data({ unavailable: true }, { status: 503, headers: { 'Retry-After': '5' } });
    }
  };
  return guarded as unknown as F;
}

/**
 * The server build with every loader and action guarded: when the database cannot be reached,
 * the request gets a 503 with a clear Norwegian page instead of a generic 500 (the pool
 * reconnects on its own once the database is back), and a body that is not a form is a 400.
 */
export function withRouteGuards(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        loader: guard(route.module.loader),
        action: guard(route.module.action),
      },
    };
  }
  return { ...build, routes };
}
