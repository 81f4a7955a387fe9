import type { Db } from '../../db/database.server';
import type { Actor } from '../auth/domain/roles';
import { msg } from '../../i18n';
import { parseNationalQuery, type FilterError } from './domain/overview';
import { nationalTrusts } from './overview.server';

/**
 * Reads the overview's query string (the page's and the exports'): the parsed filter, or every
 * refused key with its Norwegian message. A trust code must name a trust.
 */
export async function readNationalRequest(db: Db, actor: Actor, request: Request) {
  const url = new URL(request.url);
  const trusts = await nationalTrusts(db, actor);
  const parsed = parseNationalQuery(url.searchParams.entries());
  if (parsed.ok && parsed.value.trust && !trusts.some((t) => t.code === parsed.value.trust)) {
    return {
      trusts,
      values: Object.fromEntries(url.searchParams),
      parsed: { ok: false as const, errors: { foretak: 'trust' as const } },
    };
  }
  return { trusts, values: Object.fromEntries(url.searchParams), parsed };
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
