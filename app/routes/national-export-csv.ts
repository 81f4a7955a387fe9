import { logMachineCall, machineCaller, MACHINE_SCOPE } from '../features/auth/machine.server';
import { csvResponse } from '../features/national/export.server';
import { badRequest, readNationalRequest } from '../features/national/http.server';
import type { Route } from './+types/national-export-csv';

/**
 * The national overview's filtered set as CSV (same query string as /nasjonalt), for a
 * signed-in user or, with a HelseID access token, a system (ADR 0033).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const machine = await machineCaller(request, context.machineAccess);
  if (machine && !machine.ok) return machine.response;
  const scope = machine ? MACHINE_SCOPE : await context.auth.requireActor(request);
  const { parsed } = await readNationalRequest(context.db, scope, request);
  if (!parsed.ok) return badRequest(parsed.errors);
  const logged = machine ? logMachineCall(machine.clientId, '/nasjonalt/eksport.csv') : undefined;
  return csvResponse(context.db, scope, parsed.value, logged);
}
