import type { UnsavedField } from '../domain/merge';
import { normaliseAnswer, QUESTIONS, type Answers, type QuestionId } from '../domain/questionnaire';

/**
 * Where a tab keeps a user's unsaved fields of a case (sessionStorage), as
 * `{ [question id]: UnsavedField }`. The user is part of the key: on a shared workstation the next
 * person to sign in in the same tab never gets the last one's text restored (and saved in their
 * name).
 */
export const backupKey = (userId: string, caseId: string) =>
  `soknadsportal:unsaved:${userId}:${caseId}`;

export type UnsavedFields = Partial<Record<QuestionId, UnsavedField>>;

const isUnsavedField = (entry: unknown): entry is Record<keyof UnsavedField, unknown> =>
  typeof entry === 'object' &&
  entry !== null &&
  'value' in entry &&
  'base' in entry &&
  'conflict' in entry;

/**
 * The unsaved fields a tab's backup holds (`raw`, as stored), each normalised as its question
 * stores it; anything else in it is left out. A backup written before the fields carried their base
 * (each field's value alone, by a page loaded before an upgrade) starts from what is stored now
 * (`stored`), as it did then: a change to save.
 */
export function readBackup(raw: string | null, stored: Answers): UnsavedFields {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(raw ?? 'null');
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const fields: UnsavedFields = {};
  for (const [id, entry] of Object.entries(parsed)) {
    const question = QUESTIONS.get(id as QuestionId);
    if (!question) continue;
    fields[question.id] = isUnsavedField(entry)
      ? {
          value: normaliseAnswer(question, entry.value),
          base: normaliseAnswer(question, entry.base),
          conflict: entry.conflict === true,
        }
      : {
          value: normaliseAnswer(question, entry),
          base: stored[question.id] ?? null,
          conflict: false,
        };
  }
  return fields;
}
