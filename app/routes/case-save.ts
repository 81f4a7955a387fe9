import { z } from 'zod';
import { saveAnswers } from '../features/cases/cases.server';
import { CaseError } from '../features/cases/domain/errors';
import type { FieldChanges } from '../features/cases/domain/merge';
import {
  normaliseAnswer,
  QUESTIONS,
  type QuestionId,
} from '../features/cases/domain/questionnaire';
import { CASE_ERROR_STATUS } from '../lib/case-errors.server';
import type { Route } from './+types/case-save';

const body = z.object({
  changes: z.record(z.string(), z.object({ base: z.unknown(), value: z.unknown() })),
});

/**
 * Autosave: JSON in (changed fields with the value each started from), merge result out. Without
 * a session (or a chosen trust) it answers 401 rather than a redirect to the login page, which the
 * page's fetch would follow to a 200: the page keeps the changes and says the user is logged out.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = await context.auth.getActor(request);
  if (!actor) return Response.json({ error: 'loggedOut' }, { status: 401 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'invalid' }, { status: 400 });
  const changes: FieldChanges = {};
  for (const [id, change] of Object.entries(parsed.data.changes)) {
    const question = QUESTIONS.get(id as QuestionId);
    if (!question) return Response.json({ error: 'invalid' }, { status: 400 });
    changes[question.id] = {
      base: normaliseAnswer(question, change.base),
      value: normaliseAnswer(question, change.value),
    };
  }
  try {
    // The stored answers (personal data) come back: never kept in a cache.
    return Response.json(await saveAnswers(context.db, actor, params.caseId, changes), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return Response.json({ error: error.code }, { status: CASE_ERROR_STATUS[error.code] });
  }
}
