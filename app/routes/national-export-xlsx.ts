import { xlsxResponse } from '../features/national/export.server';
import { badRequest, readNationalRequest } from '../features/national/http.server';
import type { Route } from './+types/national-export-xlsx';

/** The national overview's filtered set as XLSX (same query string as /nasjonalt). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const { parsed } = await readNationalRequest(context.db, actor, request);
  if (!parsed.ok) return badRequest(parsed.errors);
  return xlsxResponse(context.db, actor, parsed.value);
}
