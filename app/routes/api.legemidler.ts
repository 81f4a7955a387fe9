import { searchDrugsIn } from '../features/fest/fest.server';
import type { Route } from './+types/api.legemidler';

/** Longer queries are cut: nobody types a 100-character drug name. */
const MAX_QUERY = 100;

/** `GET /api/legemidler?q=…&limit=…`: drug search as you type (JSON), for signed-in users. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  const query = (params.get('q') ?? '').slice(0, MAX_QUERY);
  const limit = Number(params.get('limit') ?? 10);
  // One transaction: the session, then the search (FEST is reference data, read as the app role).
  const results = await context.auth.requireActorWith(request, (tx) =>
    searchDrugsIn(tx, query, Number.isInteger(limit) ? limit : 10),
  );
  return Response.json({ query, results }, { headers: { 'Cache-Control': 'private, no-store' } });
}
