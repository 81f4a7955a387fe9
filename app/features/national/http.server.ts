import { inTenant, type Db, type TenantScope, type Tx } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { msg } from '../../i18n';
import { filterFormValues, parseNationalQuery, type FilterError } from './domain/overview';
import { nationalPageIn, nationalTrustsIn } from './overview.server';

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
