import { ICD10, ICPC2 } from '@navikt/diagnosekoder';
import { describe, expect, it } from 'vitest';
import { buildDiagnosisIndex } from '../../diagnoses/domain/search';
import {
  emptyRetroValues,
  parseDate,
  parseFollowUp,
  parseOutcome,
  parseScheme,
  parseScope,
  retroFormValues,
  validateRetro,
  validateSheet,
  type RetroContext,
  type RetroValues,
} from './retrospective';

const context: RetroContext = {
  today: '2026-06-01',
  departments: ['Nyremedisinsk avdeling', 'Kreftavdelingen'],
  lookup: buildDiagnosisIndex({ ICD10, ICPC2 }).find,
};

const good: RetroValues = {
  ...emptyRetroValues(),
  reference: 'ePhorte 2024/1',
  department: 'nyremedisinsk avdeling',
  scheme: 'off-label',
  patientScope: 'enkeltpasient',
  drugName: 'Rituximab',
  atc: 'l01fa01',
  substance: 'rituksimab',
  mainDiagnosis: 'n042',
  otherDiagnoses: 'C50.9, ICD10:N18.5',
  submittedDate: '12.03.2024',
  decidedDate: '2024-04-02',
  outcome: 'Innvilget med vilkår',
  conditions: 'Evaluering etter seks måneder.',
  reason: 'Oppfyller kriteriene.',
  followUp: 'fortsatt',
};

describe('parseDate', () => {
  it.each([
    ['12.03.2024', '2024-03-12'],
    ['1.3.2024', '2024-03-01'],
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T00:00:00.000Z', '2024-03-12'],
    [' 29.02.2024 ', '2024-02-29'],
    ['29.02.2023', null],
    ['31.04.2024', null],
    ['2024/03/12', null],
    ['12-03-2024', null],
    ['mars 2024', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('retroFormValues', () => {
  it.each([
    // A date field sends YYYY-MM-DD; typed without a picker, dd.mm.åååå is shown as the field's value.
    ['2024-03-12', '2024-03-12'],
    ['12.03.2024', '2024-03-12'],
    ['1.3.2024', '2024-03-01'],
    [' 12.03.2024 ', '2024-03-12'],
    ['2024-03-12T00:00:00.000Z', '2024-03-12'],
    // Anything else is kept as typed: a date that does not exist, another format, a word, nothing.
    ['31.02.2024', '31.02.2024'],
    ['2024.03.12', '2024.03.12'],
    ['i fjor', 'i fjor'],
    ['', ''],
  ])('date %j is shown as %j', (typed, shown) => {
    const values = { ...good, submittedDate: typed, decidedDate: typed };
    expect(retroFormValues(values)).toEqual({ ...good, submittedDate: shown, decidedDate: shown });
  });

  it('keeps every other column as typed', () => {
    const values = { ...good, atc: ' l01fa01 ', otherDiagnoses: 'C50.9,, x', drugId: '12.03.2024' };
    expect(retroFormValues(values)).toEqual({
      ...values,
      submittedDate: '2024-03-12',
      decidedDate: '2024-04-02',
    });
  });
});

describe('Norwegian words', () => {
  it.each([
    ['innvilget', 'approved'],
    ['Innvilget', 'approved'],
    ['INNVILGET MED VILKÅR', 'approvedWithConditions'],
    ['innvilget med vilkar', 'approvedWithConditions'],
    ['avslått', 'rejected'],
    ['Avslatt', 'rejected'],
    ['avslag', 'rejected'],
    ['approvedWithConditions', 'approvedWithConditions'],
    ['kanskje', null],
  ])('outcome %s → %s', (word, expected) => {
    expect(parseOutcome(word)).toBe(expected);
  });

  it.each([
    ['Off-label', 'offLabel'],
    ['uten markedsføringstillatelse', 'noMarketingAuthorisation'],
    ['Unntaksordningen', 'unntaksordningen'],
    ['tilgangsordningen', 'tilgangsordningen'],
    ['offLabel', 'offLabel'],
    ['blå resept', null],
  ])('scheme %s → %s', (word, expected) => {
    expect(parseScheme(word)).toBe(expected);
  });

  it.each([
    ['Enkeltpasient', 'single'],
    ['pasientgruppe', 'group'],
    ['gruppe', 'group'],
    ['familie', null],
  ])('scope %s → %s', (word, expected) => {
    expect(parseScope(word)).toBe(expected);
  });

  it.each([
    ['fortsatt', 'continued'],
    ['Avsluttet', 'stopped'],
    ['tja', null],
  ])('follow-up %s → %s', (word, expected) => {
    expect(parseFollowUp(word)).toBe(expected);
  });
});

describe('validateRetro', () => {
  it('reads a complete row', () => {
    const result = validateRetro(good, context);
    expect(result).toEqual({
      ok: true,
      value: {
        reference: 'ePhorte 2024/1',
        department: 'Nyremedisinsk avdeling',
        scheme: 'offLabel',
        patientScope: 'single',
        drug: { id: null, label: 'Rituximab', atc: 'L01FA01', substance: 'rituksimab' },
        diagnoses: ['ICD10:N04.2', 'ICD10:C50.9', 'ICD10:N18.5'],
        submittedDate: '2024-03-12',
        decidedDate: '2024-04-02',
        outcome: 'approvedWithConditions',
        conditions: 'Evaluering etter seks måneder.',
        reason: 'Oppfyller kriteriene.',
        followUp: 'continued',
      },
    });
  });

  it('accepts a FEST id without ATC code, and a decision before the portal existed', () => {
    const result = validateRetro(
      {
        ...good,
        drugId: 'ID_1',
        atc: '',
        substance: '',
        outcome: 'innvilget',
        conditions: '',
        submittedDate: '02.01.2015',
        decidedDate: '02.01.2015',
      },
      context,
    );
    expect(result.ok).toBe(true);
  });

  it('takes a decision made today, the same day it was submitted, as the date fields send it', () => {
    const result = validateRetro(
      { ...good, submittedDate: '2026-06-01', decidedDate: '2026-06-01' },
      context,
    );
    expect(result.ok && [result.value.submittedDate, result.value.decidedDate]).toEqual([
      '2026-06-01',
      '2026-06-01',
    ]);
  });

  it.each<[string, Partial<RetroValues>, Record<string, string>]>([
    [
      'empty row',
      emptyRetroValues(),
      {
        department: 'required',
        scheme: 'required',
        patientScope: 'required',
        drugName: 'drugRequired',
        mainDiagnosis: 'required',
        submittedDate: 'required',
        decidedDate: 'required',
        outcome: 'required',
        reason: 'required',
      },
    ],
    ['unknown department', { department: 'Hjerteavdelingen' }, { department: 'departmentUnknown' }],
    ['unknown scheme', { scheme: 'H-resept' }, { scheme: 'schemeUnknown' }],
    ['unknown scope', { patientScope: 'alle' }, { patientScope: 'scopeUnknown' }],
    [
      'a group under Unntaksordningen',
      { scheme: 'unntaksordningen', patientScope: 'pasientgruppe' },
      { patientScope: 'scopeSinglePatient' },
    ],
    [
      'a group under Tilgangsordningen',
      { scheme: 'Tilgangsordningen', patientScope: 'gruppe' },
      { patientScope: 'scopeSinglePatient' },
    ],
    ['bad ATC', { atc: 'L01F' }, { atc: 'atcFormat' }],
    ['ATC without substance', { substance: '' }, { substance: 'substanceRequired' }],
    ['no drug at all', { atc: '', substance: '', drugName: '' }, { drugName: 'drugRequired' }],
    ['unknown diagnosis', { mainDiagnosis: 'Q99.99' }, { mainDiagnosis: 'diagnosisUnknown' }],
    ['ICPC-2 is not ICD-10', { mainDiagnosis: 'ICPC2:X76' }, { mainDiagnosis: 'diagnosisUnknown' }],
    [
      'unknown other diagnosis',
      { otherDiagnoses: 'C50.9, XYZ' },
      { otherDiagnoses: 'diagnosisUnknown' },
    ],
    ['bad date', { submittedDate: '2024.03.12' }, { submittedDate: 'dateFormat' }],
    ['date that does not exist', { decidedDate: '31.02.2024' }, { decidedDate: 'dateFormat' }],
    [
      'ISO date that does not exist',
      { submittedDate: '2024-02-30' },
      { submittedDate: 'dateFormat' },
    ],
    ['future decision', { decidedDate: '02.06.2026' }, { decidedDate: 'dateInFuture' }],
    [
      'future decision (date field)',
      { decidedDate: '2026-06-02' },
      { decidedDate: 'dateInFuture' },
    ],
    [
      'future submission',
      { submittedDate: '2026-06-02', decidedDate: '2026-06-03' },
      { submittedDate: 'dateInFuture', decidedDate: 'dateInFuture' },
    ],
    [
      'decided before submitted',
      { decidedDate: '11.03.2024' },
      { decidedDate: 'decidedBeforeSubmitted' },
    ],
    ['unknown outcome', { outcome: 'ja' }, { outcome: 'outcomeUnknown' }],
    ['conditions missing', { conditions: '' }, { conditions: 'conditionsRequired' }],
    [
      'conditions on a rejection',
      { outcome: 'avslått', followUp: '' },
      { conditions: 'conditionsNotAllowed' },
    ],
    [
      'follow-up on a rejection',
      { outcome: 'avslått', conditions: '' },
      { followUp: 'followUpNotAllowed' },
    ],
    ['unknown follow-up', { followUp: 'vet ikke' }, { followUp: 'followUpUnknown' }],
    ['too long', { reference: 'x'.repeat(201) }, { reference: 'tooLong' }],
  ])('%s', (_name, change, errors) => {
    expect(validateRetro({ ...good, ...change }, context)).toEqual({ ok: false, errors });
  });
});

describe('validateSheet', () => {
  it('reports duplicates within the file and against registered references', () => {
    const rows = [
      { row: 2, values: good },
      { row: 3, values: { ...good, reference: 'EPHORTE 2024/1 ' } },
      { row: 4, values: { ...good, reference: 'gammel' } },
      { row: 5, values: { ...good, reference: '' } },
      { row: 6, values: { ...good, reference: '', decidedDate: '01.01.2020' } },
    ];
    const { reports, cases } = validateSheet(rows, context, new Set(['gammel']));
    expect(reports.map((r) => [r.row, r.errors])).toEqual([
      [2, {}],
      [3, { reference: 'referenceDuplicateInFile' }],
      [4, { reference: 'referenceExists' }],
      [5, {}],
      [6, { decidedDate: 'decidedBeforeSubmitted' }],
    ]);
    expect(cases).toHaveLength(2);
  });
});
