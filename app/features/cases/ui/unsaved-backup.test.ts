import { describe, expect, it } from 'vitest';
import type { Answers } from '../domain/questionnaire';
import { readBackup, type UnsavedFields } from './unsaved-backup';

const stored: Answers = { dose: '1000 mg', indication: 'Hennes versjon' };

describe('readBackup', () => {
  it.each<[string, string | null, UnsavedFields]>([
    ['no backup', null, {}],
    ['not JSON', '{"dose":', {}],
    ['not an object', '["dose"]', {}],
    [
      'each field with its base, a conflict marked',
      JSON.stringify({
        dose: { value: '500 mg', base: '1000 mg', conflict: false },
        indication: { value: 'Min versjon', base: 'Hennes versjon', conflict: true },
      }),
      {
        dose: { value: '500 mg', base: '1000 mg', conflict: false },
        indication: { value: 'Min versjon', base: 'Hennes versjon', conflict: true },
      },
    ],
    [
      'values normalised as stored, unknown questions left out',
      JSON.stringify({
        diagnoses: { value: 'ICD10:N04.2, D45', base: null, conflict: false },
        notAQuestion: { value: 'x', base: null, conflict: false },
      }),
      { diagnoses: { value: ['ICD10:N04.2', 'D45'], base: null, conflict: false } },
    ],
    [
      'an older backup (values alone) starts from what is stored now',
      JSON.stringify({ dose: '500 mg', drug: { id: 'ID_1', label: 'Rituximab' }, route: null }),
      {
        dose: { value: '500 mg', base: '1000 mg', conflict: false },
        drug: { value: { id: 'ID_1', label: 'Rituximab' }, base: null, conflict: false },
        route: { value: null, base: null, conflict: false },
      },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(readBackup(raw, stored)).toEqual(expected);
  });
});
