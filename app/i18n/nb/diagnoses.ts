import type { DiagnosisError, DiagnosisSystem } from '../../features/diagnoses/domain/diagnosis';

export const diagnoses = {
  systems: {
    ICD10: 'ICD-10',
    ICPC2: 'ICPC-2',
  } satisfies Record<DiagnosisSystem, string>,
  /** A search result or a chosen diagnosis: «C50.9 Ondartet svulst i bryst (ICD-10)». */
  item: (code: string, text: string, system: string) => `${code} ${text} (${system})`,
  searchHelp:
    'Søk på kode eller ord, for eksempel C50.9 eller brystkreft, og velg med piltastene og Enter. Du kan velge flere.',
  typeHelp:
    'Skriv diagnosekodene skilt med komma, for eksempel C50.9, E11.9. Skriv ICPC2: foran ICPC-2-koder, for eksempel ICPC2:X76.',
  typeMore: 'Skriv minst to tegn for å søke.',
  searching: 'Søker …',
  noMatches: 'Ingen diagnoser passer med søket.',
  searchFailed: 'Søket virket ikke. Prøv igjen, eller last siden på nytt.',
  errors: {
    diagnosisUnknown:
      'Ukjent diagnosekode. Velg diagnosene fra listen, eller skriv gyldige ICD-10- eller ICPC-2-koder skilt med komma.',
  } satisfies Record<DiagnosisError, string>,
  /** The same error for typed codes, naming those not found («XYZ99», «C50.7, D99.9»). */
  unknownCodes: (codes: readonly string[]) =>
    `Finner ikke ${codes.length === 1 ? 'diagnosekoden' : 'diagnosekodene'} ${codes.join(', ')} i ICD-10 eller ICPC-2. Skriv gyldige koder skilt med komma, for eksempel C50.9, E11.9, og ICPC2: foran ICPC-2-koder.`,
  /** A list of more diagnoses than a draft may hold. */
  tooMany: (max: number) => `Du kan oppgi høyst ${max} diagnoser.`,
};
