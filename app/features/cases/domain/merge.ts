import { setAnswer, type Answers, type AnswerValue, type QuestionId } from './questionnaire';

/** One field as an editor changed it: what they started from, and what they want now. */
export interface FieldChange {
  base: AnswerValue | null;
  value: AnswerValue | null;
}
export type FieldChanges = Partial<Record<QuestionId, FieldChange>>;

export interface MergeResult {
  merged: Answers;
  /** Fields whose stored value changed. */
  applied: QuestionId[];
  /** Fields someone else changed meanwhile, with their value; the editor must choose. */
  conflicts: Partial<Record<QuestionId, AnswerValue | null>>;
}

export function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i])
    );
  }
  return a.id === b.id && a.label === b.label;
}

/**
 * Per-field three-way merge: a change applies when the stored value is still the one the editor
 * started from; if the stored value already equals what they want, nothing happens; otherwise
 * somebody else changed the field meanwhile and it is a conflict, never a silent overwrite.
 */
export function mergeAnswers(current: Answers, changes: FieldChanges): MergeResult {
  let merged: Answers = { ...current };
  const applied: QuestionId[] = [];
  const conflicts: MergeResult['conflicts'] = {};
  for (const [id, change] of Object.entries(changes) as [QuestionId, FieldChange][]) {
    const stored = current[id] ?? null;
    if (sameAnswer(stored, change.value)) continue;
    if (!sameAnswer(stored, change.base)) {
      conflicts[id] = stored;
      continue;
    }
    merged = setAnswer(merged, id, change.value);
    applied.push(id);
  }
  return { merged, applied, conflicts };
}

/**
 * What an editor's form shows after a save that did not go through cleanly (a refused field, a
 * conflict): the stored answers, with the editor's own value in each field they changed
 * (applied, refused or in conflict). A field they did not change shows what is stored, so saving
 * the form again never reverts a co-author's change with the value the editor's page started from.
 */
export function answersAfterSave(stored: Answers, changes: FieldChanges): Answers {
  let shown: Answers = { ...stored };
  for (const [id, change] of Object.entries(changes) as [QuestionId, FieldChange][]) {
    shown = setAnswer(shown, id, change.value);
  }
  return shown;
}

/**
 * A field an editor has not saved yet, kept over a reload (the tab's backup): their value, the
 * stored value they started from, and whether it waits for their choice between the two (a
 * conflict: «Behold min» or «Bruk lagret»).
 */
export interface UnsavedField {
  value: AnswerValue | null;
  base: AnswerValue | null;
  conflict: boolean;
}

/**
 * What an unsaved field becomes against the stored answers read again after a reload: nothing
 * (`stored`) when the stored value already is the editor's; a `conflict` to resolve when it was
 * one, or when someone else changed the field since the editor started from it; else a `change`
 * to save. Never a silent overwrite, and never the editor's value dropped.
 */
export function restoreUnsaved(
  stored: AnswerValue | null,
  field: UnsavedField,
): 'stored' | 'conflict' | 'change' {
  if (sameAnswer(stored, field.value)) return 'stored';
  if (field.conflict || !sameAnswer(stored, field.base)) return 'conflict';
  return 'change';
}
