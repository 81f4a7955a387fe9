import { ICD10, ICPC2 } from '@navikt/diagnosekoder';
import {
  parseDiagnosis,
  parseDiagnosisList,
  toCompact,
  type Diagnosis,
  type DiagnosisError,
} from './domain/diagnosis';
import { buildDiagnosisIndex, type DiagnosisIndex } from './domain/search';

/** At most this many search results are sent to the browser. */
export const SEARCH_LIMIT = 20;
/** Longer queries are cut; no diagnosis text is longer than 70 characters. */
export const QUERY_MAX_LENGTH = 100;

let index: DiagnosisIndex | undefined;

/** The ICD-10 and ICPC-2 index, built on first use and kept for the life of the process. */
export function diagnosisIndex(): DiagnosisIndex {
  index ??= buildDiagnosisIndex({ ICD10, ICPC2 });
  return index;
}

/**
 * The main (first) diagnosis of an application as lists show it, from its stored compact form
 * (`ICD10:N04.2`): the code and its Norwegian name (null when the code is not in the index).
 */
export function mainDiagnosis(compact: string | null): {
  code: string | null;
  name: string | null;
} {
  const [system, code] = (compact ?? '').split(':');
  const found =
    system && code && (system === 'ICD10' || system === 'ICPC2')
      ? diagnosisIndex().find(system, code)
      : undefined;
  return { code: code ?? null, name: found?.text ?? null };
}

/**
 * A diagnosis code as a user types it in a filter (`C50.9`, `c509`, `ICPC-2 T90`) in its compact
 * form (`ICD10:C50.9`); null when no code in the index matches.
 */
export function compactDiagnosis(typed: string): string | null {
  const found = parseDiagnosis(typed.slice(0, QUERY_MAX_LENGTH), diagnosisIndex().find);
  return found ? toCompact(found) : null;
}

/** The best matches for what the user typed (a code or Norwegian words), best first. */
export function searchDiagnoses(query: string): Diagnosis[] {
  return diagnosisIndex().search(query.slice(0, QUERY_MAX_LENGTH), SEARCH_LIMIT);
}

export type DiagnosisFieldResult =
  | { ok: true; value: Diagnosis[] }
  | {
      ok: false;
      error: DiagnosisError;
      /** The known diagnoses among those posted, to show again with the error. */
      value: Diagnosis[];
      /** What was posted that is no diagnosis, as typed. */
      unknown: string[];
    };

/**
 * Reads the diagnoses posted by a `DiagnosisPicker` named `name`: one compact value
 * (`ICD10:C50.9`) per chosen diagnosis, or, without JavaScript, one text with codes separated by
 * commas. Texts come from the code list. Any unknown code fails the field; the result then also
 * carries the known diagnoses and the unknown entries, so the form can be shown again without
 * losing what was typed.
 */
export function parseDiagnosisField(form: FormData, name: string): DiagnosisFieldResult {
  const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
  const { diagnoses, unknown } = parseDiagnosisList(values, diagnosisIndex().find);
  return unknown.length === 0
    ? { ok: true, value: diagnoses }
    : { ok: false, error: 'diagnosisUnknown', value: diagnoses, unknown };
}
