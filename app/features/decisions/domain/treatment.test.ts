import { describe, expect, it } from 'vitest';
import type { Answers } from '../../cases/domain/questionnaire';
import { takeSnapshot, type FestSnapshot, type ShownDrugFacts } from '../../fest/domain/snapshot';
import { treatmentLines, treatmentOf, type Treatment } from './treatment';

const ANSWERS: Answers = {
  drug: { id: 'ID_RITUXIMAB', label: 'Rituximab 500 mg infusjonsvæske' },
  dose: ' 375 mg/m² ukentlig ',
  route: 'Intravenøst',
  duration: '4 uker',
};

/** A snapshot of the product `id`, named `name` in FEST when the application was sent. */
const snapshot = (id: string, name: string): FestSnapshot => {
  const facts: ShownDrugFacts = {
    id,
    name,
    atc: { code: 'L01FA01', name: 'Rituksimab' },
    form: { name: 'Konsentrat til infusjonsvæske', description: null },
    substances: [{ name: 'Rituksimab', strength: '500 mg' }],
    strength: '500 mg',
    preparattype: { code: '7', name: 'Legemiddel' },
    requiresExemption: false,
    reseptgruppe: 'C',
    marketingStatus: 'marketed',
    withdrawnAt: null,
    packages: [],
    cheapestAup: null,
    spcUrl: null,
    felleskatalogenUrl: 'https://www.felleskatalogen.no/medisin/sok?sokord=MabThera',
    refund: { bluePrescription: false, hPrescription: true },
  };
  return takeSnapshot(facts, null, new Date('2026-11-02T09:00:00Z'));
};

describe('treatmentOf', () => {
  it.each([
    [
      'the answers, the drug by its FEST name when sent',
      ANSWERS,
      snapshot('ID_RITUXIMAB', 'MabThera 500 mg'),
      {
        drug: 'MabThera 500 mg',
        dose: '375 mg/m² ukentlig',
        route: 'Intravenøst',
        duration: '4 uker',
      },
    ],
    [
      'the answer’s name when no snapshot was taken',
      ANSWERS,
      null,
      {
        drug: 'Rituximab 500 mg infusjonsvæske',
        dose: '375 mg/m² ukentlig',
        route: 'Intravenøst',
        duration: '4 uker',
      },
    ],
    [
      'the answer’s name when the snapshot is of another product',
      { drug: { id: 'ID_OTHER', label: 'Annet legemiddel' } },
      snapshot('ID_RITUXIMAB', 'MabThera 500 mg'),
      { drug: 'Annet legemiddel', dose: null, route: null, duration: null },
    ],
    [
      'a drug typed by name (no FEST id), and blank or odd answers as none',
      { drug: { id: null, label: 'Magistrelt preparat' }, dose: '  ', route: ['iv'] },
      snapshot('ID_RITUXIMAB', 'MabThera 500 mg'),
      { drug: 'Magistrelt preparat', dose: null, route: null, duration: null },
    ],
    ['nothing', {}, null, { drug: null, dose: null, route: null, duration: null }],
  ] as [string, Answers, FestSnapshot | null, Treatment][])('%s', (_, answers, sent, expected) => {
    expect(treatmentOf(answers, sent)).toEqual(expected);
  });
});

describe('treatmentLines', () => {
  const LABELS = { drug: 'L', dose: 'D', route: 'A', duration: 'V' };
  it.each([
    [
      { drug: 'X', dose: '1', route: 'iv', duration: '2' },
      [
        { label: 'L', value: 'X' },
        { label: 'D', value: '1' },
        { label: 'A', value: 'iv' },
        { label: 'V', value: '2' },
      ],
    ],
    [
      { drug: null, dose: '1', route: null, duration: '2' },
      [
        { label: 'D', value: '1' },
        { label: 'V', value: '2' },
      ],
    ],
    [{ drug: null, dose: null, route: null, duration: null }, []],
  ] as [Treatment, { label: string; value: string }[]][])('%j', (treatment, expected) => {
    expect(treatmentLines(treatment, LABELS)).toEqual(expected);
  });
});
