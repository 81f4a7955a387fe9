import { searchDiagnoses } from '../features/diagnoses/diagnoses.server';
import type { Route } from './+types/api-diagnoses';

/** `GET /api/diagnoser?q=…`: ICD-10 and ICPC-2 diagnoses matching a code or words, best first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  await context.auth.requireActor(request);
  const query = new URL(request.url).searchParams.get('q') ?? '';
  return Response.json(
    { diagnoses: searchDiagnoses(query) },
    { headers: { 'Cache-Control': 'private, max-age=3600' } },
  );
}
