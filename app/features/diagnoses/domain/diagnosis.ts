import { z } from 'zod';

/** The classifications a diagnosis can come from: ICD-10 (specialist care) and ICPC-2 (primary care). */
export const DIAGNOSIS_SYSTEMS = ['ICD10', 'ICPC2'] as const;
export type DiagnosisSystem = (typeof DIAGNOSIS_SYSTEMS)[number];

/**
 * A chosen diagnosis. `code` is written as the classification writes it: ICD-10 with the dot after
 * the category (`C50.9`), ICPC-2 without (`X76`). `text` is the Norwegian name.
 */
export interface Diagnosis {
  system: DiagnosisSystem;
  code: string;
  text: string;
}

/** Finds a diagnosis by system and code (any letter case, with or without the dot). */
export type DiagnosisLookup = (system: DiagnosisSystem, code: string) => Diagnosis | undefined;

export const DIAGNOSIS_ERRORS = ['diagnosisUnknown'] as const;
export type DiagnosisError = (typeof DIAGNOSIS_ERRORS)[number];

/** The key codes are compared by: upper case, without dots and spaces (`c50.9` → `C509`). */
export function codeKey(code: string): string {
  return code.replace(/[.\s]/g, '').toUpperCase();
}

/** How a code is written: ICD-10 gets a dot after the three-character category. */
export function displayCode(system: DiagnosisSystem, code: string): string {
  const bare = code.replace(/[.\s]/g, '');
  return system === 'ICD10' && bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

/** The compact string form of a diagnosis, as posted by forms: `ICD10:C50.9`. */
export function toCompact(diagnosis: Pick<Diagnosis, 'system' | 'code'>): string {
  return `${diagnosis.system}:${diagnosis.code}`;
}

const SYSTEM_PREFIX = /^(ICD-?10|ICPC-?2)\s*:?\s*/i;

/**
 * Reads one diagnosis as posted (`ICD10:C50.9`) or typed (`c509`, `ICPC2:X76`, `ICPC-2 X76`).
 * A code without a system is looked up in ICD-10 first, the classification of the specialist
 * health service, and then in ICPC-2. Unknown codes give undefined.
 */
export function parseDiagnosis(value: string, lookup: DiagnosisLookup): Diagnosis | undefined {
  const token = value.trim();
  const prefix = SYSTEM_PREFIX.exec(token);
  if (prefix) {
    const system: DiagnosisSystem = prefix[0].toUpperCase().startsWith('ICD') ? 'ICD10' : 'ICPC2';
    return lookup(system, token.slice(prefix[0].length));
  }
  return lookup('ICD10', token) ?? lookup('ICPC2', token);
}

/** One diagnosis in compact or typed form; unknown codes fail with `diagnosisUnknown`. */
export function diagnosisSchema(lookup: DiagnosisLookup) {
  return z.string().transform((value, ctx): Diagnosis => {
    const diagnosis = parseDiagnosis(value, lookup);
    if (!diagnosis) {
      ctx.addIssue({ code: 'custom', message: 'diagnosisUnknown' satisfies DiagnosisError });
      return z.NEVER;
    }
    return diagnosis;
  });
}

/**
 * Reads a diagnosis field as posted: one compact value per chosen diagnosis (the picker), or one
 * text with codes separated by commas, semicolons or line breaks (the picker without JavaScript).
 * Blank entries are ignored and duplicates removed, keeping the first position. Each entry is
 * checked with `diagnosisSchema`; what it rejects is returned as typed, in `unknown`.
 */
export function parseDiagnosisList(
  values: readonly string[],
  lookup: DiagnosisLookup,
): { diagnoses: Diagnosis[]; unknown: string[] } {
  const schema = diagnosisSchema(lookup);
  const diagnoses = new Map<string, Diagnosis>();
  const unknown: string[] = [];
  for (const token of values.flatMap((v) => v.split(/[,;\n]/)).map((t) => t.trim())) {
    if (token === '') continue;
    const parsed = schema.safeParse(token);
    if (!parsed.success) unknown.push(token);
    else if (!diagnoses.has(toCompact(parsed.data)))
      diagnoses.set(toCompact(parsed.data), parsed.data);
  }
  return { diagnoses: [...diagnoses.values()], unknown };
}
