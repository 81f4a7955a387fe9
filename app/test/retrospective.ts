import { emptyRetroValues, type RetroValues } from '../features/retrospective/domain/retrospective';

/** One valid retrospective registration (etterregistrering) in Helse Bergen, as form values. */
export const retrospectiveValues = (change: Partial<RetroValues> = {}): RetroValues => ({
  ...emptyRetroValues(),
  department: 'Kreftavdelingen',
  scheme: 'off-label',
  patientScope: 'enkeltpasient',
  drugName: 'Rituximab 500 mg',
  atc: 'L01FA01',
  substance: 'rituksimab',
  mainDiagnosis: 'C83.3',
  otherDiagnoses: 'C50.9',
  submittedDate: '15.11.2024',
  decidedDate: '10.01.2025',
  outcome: 'innvilget med vilkår',
  conditions: 'Evaluering etter seks måneder.',
  reason: 'Oppfyller prioriteringskriteriene.',
  ...change,
});
