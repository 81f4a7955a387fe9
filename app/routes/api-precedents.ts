import { findPrecedents, resolvePrecedentTarget } from '../features/precedents/precedents.server';
import { precedentQuerySchema, queryParams } from '../features/precedents/domain/query';
import type { Route } from './+types/api-precedents';

/**
 * `GET /api/presedenser?atc=&substans=&legemiddel=&diagnose=`: earlier decisions across all
 * trusts on the same drug (ATC code, substance or FEST product id) and main indication. No
 * personal data (national summaries only). A bad query is 400 with a Norwegian message.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await context.auth.requireActor(request);
  const parsed = precedentQuerySchema.safeParse(queryParams(new URL(request.url)));
  if (!parsed.success) {
    return Response.json(
      {
        problem:
          'Ugyldig søk: oppgi legemiddel (ATC-kode, virkestoff eller produkt) og diagnosekode.',
      },
      { status: 400 },
    );
  }
  const q = parsed.data;
  const target = await resolvePrecedentTarget(context.db, {
    atc: q.atc ?? null,
    substance: q.substans ?? null,
    productId: q.legemiddel ?? null,
    diagnosis: q.diagnose,
  });
  return Response.json(
    { result: target ? await findPrecedents(context.db, actor, target) : null },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
