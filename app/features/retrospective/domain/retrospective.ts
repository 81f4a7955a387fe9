import { z } from 'zod';
import {
  parseCalendarDate,
  scopeAllowed,
  type DecisionOutcome,
  type PatientScope,
  type Scheme,
} from '../../cases/domain/application';
import type { DrugAnswer } from '../../cases/domain/questionnaire';
import { parseDiagnosis, toCompact, type DiagnosisLookup } from '../../diagnoses/domain/diagnosis';

/**
 * One retrospective case (etterregistrering): a decision made before the portal existed, as typed
 * in the form or as one spreadsheet row. Every value arrives as text; the schema reads Norwegian
 * words, Norwegian and ISO dates, and gives one error code per column. No patient identity.
 */

/** The columns, in template order. The form uses the same names. */
export const RETRO_COLUMNS = [
  'reference',
  'department',
  'scheme',
  'patientScope',
  'drugId',
  'drugName',
  'atc',
  'substance',
  'mainDiagnosis',
  'otherDiagnoses',
  'submittedDate',
  'decidedDate',
  'outcome',
  'conditions',
  'reason',
  'followUp',
] as const;
export type RetroColumn = (typeof RETRO_COLUMNS)[number];
export type RetroValues = Record<RetroColumn, string>;

export const RETRO_ERRORS = [
  'required',
  'tooLong',
  'departmentUnknown',
  'schemeUnknown',
  'scopeUnknown',
  'scopeSinglePatient',
  'drugRequired',
  'drugUnknown',
  'atcFormat',
  'substanceRequired',
  'diagnosisUnknown',
  'dateFormat',
  'dateInFuture',
  'decidedBeforeSubmitted',
  'outcomeUnknown',
  'conditionsRequired',
  'conditionsNotAllowed',
  'followUpUnknown',
  'followUpNotAllowed',
  'referenceDuplicateInFile',
  'referenceExists',
] as const;
export type RetroError = (typeof RETRO_ERRORS)[number];
export type RetroErrors = Partial<Record<RetroColumn, RetroError>>;

export const FOLLOW_UPS = ['continued', 'stopped'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** A validated retrospective case. Dates are YYYY-MM-DD; diagnoses compact (`ICD10:C50.9`). */
export interface RetroCase {
  reference: string | null;
  department: string;
  scheme: Scheme;
  patientScope: PatientScope;
  drug: DrugAnswer;
  diagnoses: string[];
  submittedDate: string;
  decidedDate: string;
  outcome: DecisionOutcome;
  conditions: string | null;
  reason: string;
  followUp: FollowUp | null;
}

export const RETRO_LIMITS = { short: 200, long: 10_000 } as const;

/**
 * Largest spreadsheet accepted (bytes) and most rows per file; for an XLSX (a ZIP archive) also the
 * most it may unpack to (ten times the file's limit: a file of the template's columns, long
 * justifications included, unpacks to about eight times its size) and its most entries (parts).
 */
export const SHEET_LIMITS = {
  bytes: 2 * 1024 * 1024,
  rows: 2000,
  unpackedBytes: 20 * 1024 * 1024,
  zipEntries: 500,
} as const;

/** Lower case, without accents' variants (å → a, ø → o, æ → ae), dashes and extra spaces. */
export function normaliseWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/å/g, 'a')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[-_]/g, ' ')
    .replace(/\s+/g, ' ');
}

const wordTable = <T extends string>(entries: Record<T, readonly string[]>) => {
  const table = new Map<string, T>();
  for (const [code, words] of Object.entries(entries) as [T, readonly string[]][]) {
    table.set(normaliseWord(code), code);
    for (const word of words) table.set(normaliseWord(word), code);
  }
  return (value: string): T | null => table.get(normaliseWord(value)) ?? null;
};

/** «innvilget», «innvilget med vilkår», «avslått» (also without å/ø, or the internal codes). */
export const parseOutcome = wordTable<DecisionOutcome>({
  approved: ['innvilget', 'innvilga', 'godkjent'],
  approvedWithConditions: ['innvilget med vilkår', 'innvilga med vilkår', 'med vilkår'],
  rejected: ['avslått', 'avslag', 'avslatt'],
});

export const parseScheme = wordTable<Scheme>({
  offLabel: ['off label', 'utenfor godkjent indikasjon', 'utenfor godkjent indikasjon (off-label)'],
  noMarketingAuthorisation: [
    'uten markedsføringstillatelse',
    'uten norsk markedsføringstillatelse',
    'uten mt',
  ],
  unntaksordningen: ['unntaksordningen', 'unntaksordningen (nye metoder)', 'unntak'],
  tilgangsordningen: ['tilgangsordningen', 'tilgang'],
});

export const parseScope = wordTable<PatientScope>({
  single: ['enkeltpasient', 'enkelt', 'pasient', 'individuell'],
  group: ['pasientgruppe', 'gruppe'],
});

export const parseFollowUp = wordTable<FollowUp>({
  continued: ['fortsatt', 'fortsetter', 'videreført', 'ja'],
  stopped: ['avsluttet', 'stoppet', 'seponert', 'nei'],
});

/** The words written in the template and shown in help texts (first of each list). */
export const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  approved: 'innvilget',
  approvedWithConditions: 'innvilget med vilkår',
  rejected: 'avslått',
};
export const SCOPE_WORDS: Record<PatientScope, string> = {
  single: 'enkeltpasient',
  group: 'pasientgruppe',
};
export const FOLLOW_UP_WORDS: Record<FollowUp, string> = {
  continued: 'fortsatt',
  stopped: 'avsluttet',
};
export const SCHEME_WORDS: Record<Scheme, string> = {
  offLabel: 'off-label',
  noMarketingAuthorisation: 'uten markedsføringstillatelse',
  unntaksordningen: 'unntaksordningen',
  tilgangsordningen: 'tilgangsordningen',
};

/**
 * A sheet's date: dd.mm.yyyy (also d.m.yyyy) or YYYY-MM-DD (`parseCalendarDate`), as YYYY-MM-DD;
 * else null. An ISO date may carry a time (a spreadsheet's date cell written as text): only the
 * date counts.
 */
export function parseDate(value: string): string | null {
  const text = value.trim();
  return parseCalendarDate(/^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? text.slice(0, 10) : text);
}

/** The columns that hold dates (date fields in the form). */
export const RETRO_DATE_COLUMNS = [
  'submittedDate',
  'decidedDate',
] as const satisfies readonly RetroColumn[];
export type RetroDateColumn = (typeof RETRO_DATE_COLUMNS)[number];
/** The columns the form asks for with a list. */
export type RetroSelectColumn = Extract<
  RetroColumn,
  'department' | 'scheme' | 'patientScope' | 'outcome' | 'followUp'
>;

/**
 * The form's values to show again after an error: a readable date as YYYY-MM-DD, the value a date
 * field takes (typed dd.mm.åååå without a date picker, it is read as `parseDate` reads it); any
 * other text as it was typed, so nothing is lost.
 */
export function retroFormValues(values: RetroValues): RetroValues {
  const shown = { ...values };
  for (const column of RETRO_DATE_COLUMNS) {
    shown[column] = parseDate(values[column]) ?? values[column];
  }
  return shown;
}

/** A full ATC code on substance level, e.g. L01FA01. */
export const ATC_PATTERN = /^[A-Z]\d{2}[A-Z]{2}\d{2}$/;

export interface RetroContext {
  /** Today in Norway (YYYY-MM-DD): decisions cannot be in the future. */
  today: string;
  /** The trust's department names. */
  departments: readonly string[];
  lookup: DiagnosisLookup;
}

const SPLIT = /[,;\n]/;

/**
 * The schema of one case. The result is a `RetroCase`; failures carry a `RetroError` code as the
 * message and the column as the path. References to registers outside this schema (that a FEST id
 * exists, that a reference is new) are checked by the use case.
 */
export function retroSchema(context: RetroContext) {
  const departments = new Map(context.departments.map((d) => [normaliseWord(d), d]));
  const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
  return z
    .object(
      Object.fromEntries(
        RETRO_COLUMNS.map((c) => [
          c,
          text(c === 'conditions' || c === 'reason' ? RETRO_LIMITS.long : RETRO_LIMITS.short),
        ]),
      ) as Record<RetroColumn, z.ZodString>,
    )
    .transform((v, ctx): RetroCase => {
      const issue = (path: RetroColumn, message: RetroError) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      const need = (path: RetroColumn) => {
        if (v[path] === '') issue(path, 'required');
        return v[path] !== '';
      };
      const department = need('department') ? departments.get(normaliseWord(v.department)) : null;
      if (department === undefined) issue('department', 'departmentUnknown');
      const scheme = need('scheme') ? parseScheme(v.scheme) : null;
      if (v.scheme !== '' && !scheme) issue('scheme', 'schemeUnknown');
      const patientScope = need('patientScope') ? parseScope(v.patientScope) : null;
      if (v.patientScope !== '' && !patientScope) issue('patientScope', 'scopeUnknown');
      if (scheme && patientScope && !scopeAllowed(scheme, patientScope)) {
        issue('patientScope', 'scopeSinglePatient');
      }

      const atc = v.atc.toUpperCase().replace(/\s/g, '');
      if (atc !== '' && !ATC_PATTERN.test(atc)) issue('atc', 'atcFormat');
      if (v.drugId === '' && atc === '') issue('drugName', 'drugRequired');
      if (v.drugId === '' && atc !== '' && v.substance === '')
        issue('substance', 'substanceRequired');
      const drug: DrugAnswer = {
        id: v.drugId === '' ? null : v.drugId,
        // With a FEST id and no name, the use case takes the product's name from FEST.
        label: v.drugName !== '' ? v.drugName : v.substance,
        ...(atc !== '' ? { atc } : {}),
        ...(v.substance !== '' ? { substance: v.substance } : {}),
      };

      const diagnoses: string[] = [];
      if (need('mainDiagnosis')) {
        const main = parseDiagnosis(v.mainDiagnosis, context.lookup);
        if (!main || main.system !== 'ICD10') issue('mainDiagnosis', 'diagnosisUnknown');
        else diagnoses.push(toCompact(main));
      }
      for (const token of v.otherDiagnoses.split(SPLIT).map((t) => t.trim())) {
        if (token === '') continue;
        const other = parseDiagnosis(token, context.lookup);
        if (!other || other.system !== 'ICD10') issue('otherDiagnoses', 'diagnosisUnknown');
        else if (!diagnoses.includes(toCompact(other))) diagnoses.push(toCompact(other));
      }

      const date = (path: 'submittedDate' | 'decidedDate') => {
        if (!need(path)) return null;
        const parsed = parseDate(v[path]);
        if (!parsed) issue(path, 'dateFormat');
        else if (parsed > context.today) issue(path, 'dateInFuture');
        return parsed;
      };
      const submittedDate = date('submittedDate');
      const decidedDate = date('decidedDate');
      if (submittedDate && decidedDate && decidedDate < submittedDate) {
        issue('decidedDate', 'decidedBeforeSubmitted');
      }

      const outcome = need('outcome') ? parseOutcome(v.outcome) : null;
      if (v.outcome !== '' && !outcome) issue('outcome', 'outcomeUnknown');
      if (outcome === 'approvedWithConditions' && v.conditions === '') {
        issue('conditions', 'conditionsRequired');
      }
      if (outcome && outcome !== 'approvedWithConditions' && v.conditions !== '') {
        issue('conditions', 'conditionsNotAllowed');
      }
      need('reason');
      const followUp = v.followUp === '' ? null : parseFollowUp(v.followUp);
      if (v.followUp !== '' && !followUp) issue('followUp', 'followUpUnknown');
      if (followUp && outcome === 'rejected') issue('followUp', 'followUpNotAllowed');

      if (
        !department ||
        !scheme ||
        !patientScope ||
        !submittedDate ||
        !decidedDate ||
        !outcome ||
        diagnoses.length === 0
      ) {
        return z.NEVER;
      }
      return {
        reference: v.reference === '' ? null : v.reference,
        department,
        scheme,
        patientScope,
        drug,
        diagnoses,
        submittedDate,
        decidedDate,
        outcome,
        conditions: v.conditions === '' ? null : v.conditions,
        reason: v.reason,
        followUp,
      };
    });
}

export type RetroResult = { ok: true; value: RetroCase } | { ok: false; errors: RetroErrors };

/** Validates one case; one error code per column (the first). */
export function validateRetro(values: RetroValues, context: RetroContext): RetroResult {
  const parsed = retroSchema(context).safeParse(values);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: RetroErrors = {};
  for (const issue of parsed.error.issues) {
    const column = issue.path[0];
    if (typeof column === 'string' && (RETRO_COLUMNS as readonly string[]).includes(column)) {
      const key = column as RetroColumn;
      errors[key] ??= (RETRO_ERRORS as readonly string[]).includes(issue.message)
        ? (issue.message as RetroError)
        : 'required';
    }
  }
  return { ok: false, errors };
}

/** The empty form. */
export const emptyRetroValues = (): RetroValues =>
  Object.fromEntries(RETRO_COLUMNS.map((c) => [c, ''])) as RetroValues;

/** A spreadsheet row: its number as the spreadsheet shows it, and its values by column. */
export interface SheetRow {
  row: number;
  values: RetroValues;
}

export interface RowReport {
  row: number;
  values: RetroValues;
  errors: RetroErrors;
}

/**
 * Validates every row of a file; a reference used twice in the file is an error on each later
 * row, one already registered (`existing`, compared case-insensitively) on every row using it.
 */
export function validateSheet(
  rows: readonly SheetRow[],
  context: RetroContext,
  existing: ReadonlySet<string>,
): { reports: RowReport[]; cases: RetroCase[] } {
  const seen = new Set<string>();
  const reports: RowReport[] = [];
  const cases: RetroCase[] = [];
  for (const { row, values } of rows) {
    const result = validateRetro(values, context);
    const errors: RetroErrors = result.ok ? {} : { ...result.errors };
    const key = referenceKey(values.reference);
    if (key !== '' && !errors.reference) {
      if (existing.has(key)) errors.reference = 'referenceExists';
      else if (seen.has(key)) errors.reference = 'referenceDuplicateInFile';
      seen.add(key);
    }
    reports.push({ row, values, errors });
    if (result.ok && Object.keys(errors).length === 0) cases.push(result.value);
  }
  return { reports, cases };
}

/** How references are compared: trimmed, case-insensitive. */
export const referenceKey = (reference: string) => reference.trim().toLowerCase();
