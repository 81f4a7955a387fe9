import { data, type ServerBuild } from 'react-router';
import { isDatabaseUnavailable } from '../app/lib/database-errors.server';

type Handler = (...args: never[]) => unknown;

function guard<F extends Handler>(fn: F | undefined): F | undefined {
  if (!fn) return undefined;
  const guarded = async (...args: Parameters<F>) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error('Database unavailable:', error instanceof Error ? error.message : error);
      // A route error response: the error boundary shows the Norwegian 503 page, and a resource
      // route (autosave) answers 503, which the editor retries without losing what was typed.
      throw data({ unavailable: true }, { status: 503, headers: { 'Retry-After': '5' } });
    }
  };
  return guarded as unknown as F;
}

/**
 * The server build with every loader and action guarded: when the database cannot be reached,
 * the request gets a 503 with a clear Norwegian page instead of a generic 500. Nothing else
 * changes; the pool reconnects on its own once the database is back.
 */
export function withDatabaseOutages(build: ServerBuild): ServerBuild {
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
