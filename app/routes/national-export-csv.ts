import { csvResponse } from '../features/national/export.server';
import { badRequest, exportCaller, readNationalRequest } from '../features/national/http.server';
import type { Route } from './+types/national-export-csv';

/**
 * The national overview's filtered set as CSV (same query string as /nasjonalt), for a
 * signed-in user or, with a HelseID access token, a system (ADR 0033).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const caller = await exportCaller(request, context);
  if (caller instanceof Response) return caller;
  const { parsed } = await readNationalRequest(context.db, caller.scope, request);
  if (!parsed.ok) return badRequest(parsed.errors);
  return csvResponse(context.db, caller.scope, parsed.value, caller.onWritten);
}
