import { describe, expect, it } from 'vitest';
import {
  answersAfterSave,
  mergeAnswers,
  restoreUnsaved,
  sameAnswer,
  type FieldChanges,
  type UnsavedField,
} from './merge';
import type { Answers, AnswerValue } from './questionnaire';

const stored: Answers = {
  indication: 'Membranøs nefropati',
  dose: '1000 mg',
  diagnoses: ['ICD10:N04.2'],
  drug: { id: 'ID_1', label: 'Rituximab' },
};

describe('mergeAnswers', () => {
  it.each<[string, FieldChanges, Answers, string[], Record<string, AnswerValue | null>]>([
    [
      'applies a change made from the stored value',
      { dose: { base: '1000 mg', value: '500 mg' } },
      { ...stored, dose: '500 mg' },
      ['dose'],
      {},
    ],
    [
      'reports a conflict when someone else changed the field meanwhile',
      { dose: { base: '750 mg', value: '500 mg' } },
      stored,
      [],
      { dose: '1000 mg' },
    ],
    [
      'accepts the same change twice (a retried save) without conflict',
      { dose: { base: '750 mg', value: '1000 mg' } },
      stored,
      [],
      {},
    ],
    [
      'merges changes to different fields by different people',
      { severity: { base: null, value: 'Alvorlig' }, dose: { base: '1000 mg', value: '2 g' } },
      { ...stored, severity: 'Alvorlig', dose: '2 g' },
      ['severity', 'dose'],
      {},
    ],
    [
      'clears a field',
      { indication: { base: 'Membranøs nefropati', value: null } },
      { dose: '1000 mg', diagnoses: ['ICD10:N04.2'], drug: { id: 'ID_1', label: 'Rituximab' } },
      ['indication'],
      {},
    ],
    [
      'compares lists by content and order',
      { diagnoses: { base: ['ICD10:N04.2'], value: ['ICD10:N04.2', 'ICD10:N18.3'] } },
      { ...stored, diagnoses: ['ICD10:N04.2', 'ICD10:N18.3'] },
      ['diagnoses'],
      {},
    ],
    [
      'compares drugs by id and label',
      { drug: { base: { id: 'ID_2', label: 'Rituximab' }, value: { id: 'ID_3', label: 'X' } } },
      stored,
      [],
      { drug: { id: 'ID_1', label: 'Rituximab' } },
    ],
  ])('%s', (_name, changes, merged, applied, conflicts) => {
    const result = mergeAnswers(stored, changes);
    expect(result.merged).toEqual(merged);
    expect(result.applied).toEqual(applied);
    expect(result.conflicts).toEqual(conflicts);
  });
});

describe('sameAnswer', () => {
  it.each<[AnswerValue | null, AnswerValue | null, boolean]>([
    [null, null, true],
    ['a', null, false],
    ['a', 'a', true],
    [['x'], ['x'], true],
    [['x'], ['x', 'y'], false],
    [['x'], 'x', false],
    [{ id: null, label: 'A' }, { id: null, label: 'A' }, true],
    [{ id: null, label: 'A' }, 'A', false],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameAnswer(a, b)).toBe(same);
  });
});

describe('answersAfterSave', () => {
  it("keeps the editor's own values and shows the stored value everywhere else", () => {
    // A co-author changed the dose after this editor's page loaded; the editor changed the
    // indication (a conflict) and the route; the page still shows the old dose, but it is not a
    // change of theirs, so it must not come back as one.
    const now: Answers = { ...stored, dose: '750 mg', indication: 'Hennes versjon' };
    const shown = answersAfterSave(now, {
      indication: { base: 'Membranøs nefropati', value: 'Min versjon' },
      route: { base: null, value: 'Intravenøst' },
      diagnoses: { base: ['ICD10:N04.2'], value: ['ICD10:N04.2', 'D45'] },
      drug: { base: stored.drug ?? null, value: null },
    });
    expect(shown).toEqual({
      indication: 'Min versjon',
      dose: '750 mg',
      route: 'Intravenøst',
      diagnoses: ['ICD10:N04.2', 'D45'],
    });
  });
});

describe('restoreUnsaved', () => {
  it.each<[string, AnswerValue | null, UnsavedField, ReturnType<typeof restoreUnsaved>]>([
    [
      'a change still made from the stored value is saved',
      '1000 mg',
      { value: '500 mg', base: '1000 mg', conflict: false },
      'change',
    ],
    [
      'a change to a field someone else changed since is a conflict, not an overwrite',
      '750 mg',
      { value: '500 mg', base: '1000 mg', conflict: false },
      'conflict',
    ],
    [
      'a field waiting for the choice stays a conflict against the same stored value',
      'Hennes versjon',
      { value: 'Min versjon', base: 'Hennes versjon', conflict: true },
      'conflict',
    ],
    [
      'a field waiting for the choice stays a conflict against a newer stored value',
      'Tredje versjon',
      { value: 'Min versjon', base: 'Hennes versjon', conflict: true },
      'conflict',
    ],
    [
      'nothing is left to do when the stored value is the editor’s',
      'Min versjon',
      { value: 'Min versjon', base: 'Hennes versjon', conflict: true },
      'stored',
    ],
    [
      'a cleared field is a change like any other',
      '1000 mg',
      { value: null, base: '1000 mg', conflict: false },
      'change',
    ],
    [
      'compares lists by content',
      ['ICD10:N04.2'],
      { value: ['ICD10:N04.2', 'D45'], base: ['ICD10:N04.2'], conflict: false },
      'change',
    ],
  ])('%s', (_name, storedNow, field, expected) => {
    expect(restoreUnsaved(storedNow, field)).toBe(expected);
  });
});
