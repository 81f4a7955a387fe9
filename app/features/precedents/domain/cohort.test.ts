import { describe, expect, it } from 'vitest';
import {
  COHORT_DEFAULTS,
  COHORT_LINKS,
  cohortOf,
  cohortPage,
  COHORTS_PER_PAGE,
  formCohorts,
  parseCohortPage,
  parseCohortSettings,
  type CohortRow,
  type CohortGroup,
} from './cohort';

const group = (count: number, over: Partial<CohortGroup> = {}): CohortGroup => ({
  atcCode: 'L01FA01',
  substance: 'Rituksimab',
  primaryDiagnosis: 'ICD10:N04.2',
  count,
  hasCase: false,
  ...over,
});
const sizes = (groups: CohortGroup[], threshold = 3) =>
  formCohorts(groups, threshold).map((c) => c.count);

describe('cohort signal', () => {
  it('defaults to 3 applications within 90 days', () => {
    expect(COHORT_DEFAULTS).toEqual({ threshold: 3, windowDays: 90 });
  });

  it.each([
    ['three of one drug and indication', [group(3)], [3]],
    ['under the threshold', [group(2)], []],
    [
      'different indications are not grouped',
      [group(2), group(1, { primaryDiagnosis: 'ICD10:N04.9' })],
      [],
    ],
    ['different drugs are not grouped', [group(2), group(1, { atcCode: 'L01FA05' })], []],
    ['the ATC code in any case is one drug', [group(2), group(1, { atcCode: 'l01fa01' })], [3]],
    [
      'without ATC, by substance in any case and spacing',
      [
        group(2, { atcCode: null }),
        group(1, { atcCode: null, substance: 'rituksimab ' }),
        group(1, { atcCode: '', substance: 'RITUKSIMAB' }),
      ],
      [4],
    ],
    ['an ATC code is not matched with a substance', [group(2), group(1, { atcCode: null })], []],
    ['without drug', [group(5, { atcCode: null, substance: null })], []],
    [
      'without indication',
      [group(5, { primaryDiagnosis: null }), group(5, { primaryDiagnosis: '' })],
      [],
    ],
    ['two cohorts, largest first', [group(3), group(4, { primaryDiagnosis: 'ICD10:G35' })], [4, 3]],
  ])('%s', (_, groups, expected) => {
    expect(sizes(groups)).toEqual(expected);
  });

  it('uses the configured threshold', () => {
    expect(sizes([group(2)], 2)).toEqual([2]);
    expect(sizes([group(3)], 4)).toEqual([]);
  });

  it('keeps the stored spellings of the drug, to read the applications with', () => {
    const [atc] = formCohorts([group(2), group(1, { atcCode: 'l01fa01' }), group(1)], 3);
    expect(atc?.drug).toEqual({ by: 'atc', values: ['L01FA01', 'l01fa01'] });
    const [substance] = formCohorts(
      [group(2, { atcCode: null }), group(1, { atcCode: null, substance: 'rituksimab' })],
      3,
    );
    expect(substance?.drug).toEqual({ by: 'substance', values: ['Rituksimab', 'rituksimab'] });
  });

  it('tells whether the case of the page is in a cohort', () => {
    const [cohort] = formCohorts([group(2), group(1, { atcCode: 'l01fa01', hasCase: true })], 3);
    expect(cohort?.hasCase).toBe(true);
    expect(formCohorts([group(3)], 3)[0]?.hasCase).toBe(false);
  });

  it('orders cohorts of one size by drug and indication, whatever order the groups come in', () => {
    const groups = [
      group(2, { primaryDiagnosis: 'ICD10:N04.9' }),
      group(2, { primaryDiagnosis: 'ICD10:N04.2' }),
      group(3, { primaryDiagnosis: 'ICD10:N04.0' }),
      group(2, { primaryDiagnosis: 'ICD10:N04.0', atcCode: 'L01FA05' }),
    ];
    const order = (list: CohortGroup[]) => formCohorts(list, 2).map((c) => c.key);
    const expected = [
      'atc:L01FA01|ICD10:N04.0',
      'atc:L01FA01|ICD10:N04.2',
      'atc:L01FA01|ICD10:N04.9',
      'atc:L01FA05|ICD10:N04.0',
    ];
    expect(order(groups)).toEqual(expected);
    expect(order([...groups].reverse())).toEqual(expected);
  });

  it.each([
    [null, 0],
    ['1', 0],
    ['2', 1],
    ['17', 16],
    ['0', 0],
    ['-2', 0],
    ['2.5', 0],
    ['to', 0],
    ['99999', 0],
  ])('reads the cohort page %s as index %s', (value, index) => {
    expect(parseCohortPage(value)).toBe(index);
  });

  it.each([
    ['none', 0, 0, { shown: 0, first: 0, more: false }],
    ['one page', COHORTS_PER_PAGE, 0, { shown: COHORTS_PER_PAGE, first: 0, more: false }],
    [
      'the first of two',
      COHORTS_PER_PAGE + 1,
      0,
      { shown: COHORTS_PER_PAGE, first: 0, more: true },
    ],
    [
      'the last of two',
      COHORTS_PER_PAGE + 1,
      1,
      { shown: 1, first: COHORTS_PER_PAGE, more: false },
    ],
    ['past the end', 3, 4, { shown: 0, first: 4 * COHORTS_PER_PAGE, more: false }],
  ])('pages cohorts: %s', (_, count, page, expected) => {
    const all = Array.from({ length: count }, (_, i) => i);
    const result = cohortPage(all, page);
    expect({ shown: result.cohorts.length, first: result.first, more: result.more }).toEqual(
      expected,
    );
    expect(result.total).toBe(count);
    expect(result.cohorts[0] ?? null).toBe(all[expected.first] ?? null);
  });

  const application = (n: number, over: Partial<CohortRow> = {}): CohortRow => ({
    caseId: `c${n}`,
    caseNumber: `HBE-2026-${String(n).padStart(5, '0')}`,
    scheme: 'offLabel',
    drugLabel: 'MabThera',
    festProductId: null,
    atcCode: 'L01FA01',
    substance: 'Rituksimab',
    ...over,
  });

  it.each([
    ['fewer than the links', 3, [3, 1]],
    ['as many as the links', COHORT_LINKS, [COHORT_LINKS, 1]],
    ['more than the links: the newest, oldest first', 25, [25, 25 - COHORT_LINKS + 1]],
  ])('shows a cohort of %s with its size', (_, size, [newest, oldest]) => {
    const [candidate] = formCohorts([group(size)], 3);
    if (!candidate) throw new Error('no cohort');
    const newestFirst = Array.from({ length: Math.min(size, COHORT_LINKS + 1) }, (_, i) =>
      application(size - i),
    );
    const cohort = cohortOf(candidate, newestFirst);
    expect(cohort.count).toBe(size);
    expect(cohort.applications).toHaveLength(Math.min(size, COHORT_LINKS));
    expect(cohort.applications.map((a) => a.caseId)).toEqual(
      expect.arrayContaining([`c${newest}`, `c${oldest}`]),
    );
    expect(cohort.applications[0]?.caseId).toBe(`c${oldest}`);
    expect(cohort.applications.at(-1)?.caseId).toBe(`c${newest}`);
  });

  it('names the drug and scheme as on the newest application', () => {
    const [candidate] = formCohorts([group(3)], 3);
    if (!candidate) throw new Error('no cohort');
    const cohort = cohortOf(candidate, [
      application(3, { drugLabel: 'Truxima', scheme: 'exemption', festProductId: 'ID_1' }),
      application(2),
      application(1),
    ]);
    expect(cohort).toMatchObject({
      key: 'atc:L01FA01|ICD10:N04.2',
      drugLabel: 'Truxima',
      scheme: 'exemption',
      festProductId: 'ID_1',
      atcCode: 'L01FA01',
      diagnosis: 'ICD10:N04.2',
    });
  });

  it.each([
    [
      { threshold: '4', windowDays: '60' },
      { ok: true, settings: { threshold: 4, windowDays: 60 } },
    ],
    [
      { threshold: '1', windowDays: '60' },
      { ok: false, errors: { threshold: 'thresholdRange' } },
    ],
    [
      { threshold: 'tre', windowDays: '0' },
      { ok: false, errors: { threshold: 'thresholdRange', windowDays: 'windowRange' } },
    ],
    [
      { threshold: '3', windowDays: '731' },
      { ok: false, errors: { windowDays: 'windowRange' } },
    ],
  ])('parses the settings form %j', (values, expected) => {
    expect(parseCohortSettings(values)).toEqual(expected);
  });
});
