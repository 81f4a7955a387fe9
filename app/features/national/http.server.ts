import type { AppLoadContext } from 'react-router';
import { inTenant, type Db, type TenantScope, type Tx } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { logMachineCall, machineCaller, MACHINE_SCOPE } from '../auth/machine.server';
import { msg } from '../../i18n';
import type { OnWritten } from './export.server';
import { filterFormValues, parseNationalQuery, type FilterError } from './domain/overview';
import { nationalPageIn, nationalTrustsIn } from './overview.server';

/**
 * Who asks for a national export (ADR 0033): with a valid HelseID access token, a system, which
 * reads without trust or user and whose call is logged once the answer is written; with a bad
 * token, the 401/403 to answer (never the session cookie); without an Authorization header, the
 * signed-in user (else the login redirect).
 */
export async function exportCaller(
  request: Request,
  context: Pick<AppLoadContext, 'auth' | 'machineAccess'>,
): Promise<Response | { scope: TenantScope; onWritten?: OnWritten }> {
  const machine = await machineCaller(request, context.machineAccess);
  if (machine === null) return { scope: await context.auth.requireActor(request) };
  if (!machine.ok) return machine.response;
  const endpoint = new URL(request.url).pathname;
  return { scope: MACHINE_SCOPE, onWritten: logMachineCall(machine.clientId, endpoint) };
}

/**
 * Reads the overview's query string (the page's and the exports'): the parsed filter, or every
 * refused key with its Norwegian message. A trust code must name a trust.
 */
export function readNationalRequest(db: Db, actor: TenantScope, request: Request) {
  return inTenant(db, actor, (tx) => readNationalRequestIn(tx, request));
}

/** `readNationalRequest` in the caller's transaction (the page reads its rows in the same). */
export async function readNationalRequestIn(tx: Tx, request: Request) {
  const url = new URL(request.url);
  const trusts = await nationalTrustsIn(tx);
  const parsed = parseNationalQuery(url.searchParams.entries());
  const values = filterFormValues(url.searchParams);
  if (parsed.ok && parsed.value.trust && !trusts.some((t) => t.code === parsed.value.trust)) {
    return {
      trusts,
      values,
      parsed: { ok: false as const, errors: { foretak: 'trust' as const } },
    };
  }
  return { trusts, values, parsed };
}

/**
 * The overview page for a request: the trusts for the filter, the parsed query and, when it is
 * valid, one page of rows. One tenant transaction for both reads.
 */
export function readNationalPage(db: Db, actor: Actor, request: Request) {
  return inTenant(
    db,
    actor,
    async (tx) => {
      const read = await readNationalRequestIn(tx, request);
      const page = read.parsed.ok
        ? await nationalPageIn(tx, read.parsed.value, read.parsed.cursor)
        : null;
      return { ...read, page };
    },
    // The page's statement is named (`nationalPageIn`); its best plan depends on the filters.
    { customPlans: true },
  );
}

/** The refused filters as a 400 answer with one Norwegian line (the exports). */
export function badRequest(errors: Partial<Record<string, FilterError>>): Response {
  const text = msg.national.badRequest(
    Object.entries(errors)
      .flatMap(([key, code]) => (code ? [`${key}: ${msg.national.errors[code]}`] : []))
      .join(' '),
  );
  return new Response(text, {
    status: 400,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
