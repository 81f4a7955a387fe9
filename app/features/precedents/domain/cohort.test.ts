import { describe, expect, it } from 'vitest';
import {
  COHORT_DEFAULTS,
  COHORT_LINKS,
  cohortPage,
  COHORTS_PER_PAGE,
  detectCohorts,
  parseCohortPage,
  parseCohortSettings,
  shownCohort,
  type CohortApplication,
} from './cohort';

const NOW = new Date('2026-06-30T12:00:00Z');
const DAY_MS = 86400000;
let n = 0;
const app = (daysAgo: number, over: Partial<CohortApplication> = {}): CohortApplication => {
  n += 1;
  return {
    caseId: `c${n}`,
    caseNumber: `HBE-2026-${String(n).padStart(5, '0')}`,
    patientScope: 'single',
    scheme: 'offLabel',
    drugLabel: 'MabThera',
    festProductId: null,
    atcCode: 'L01FA01',
    substance: 'Rituksimab',
    primaryDiagnosis: 'ICD10:N04.2',
    submittedAt: new Date(NOW.getTime() - daysAgo * DAY_MS),
    ...over,
  };
};
const detect = (apps: CohortApplication[], threshold = 3, windowDays = 90) =>
  detectCohorts(apps, { threshold, windowDays }, NOW).map((c) => c.applications.length);

describe('cohort signal', () => {
  it('defaults to 3 applications within 90 days', () => {
    expect(COHORT_DEFAULTS).toEqual({ threshold: 3, windowDays: 90 });
  });

  it.each([
    ['three within the window', [app(1), app(30), app(89)], [3]],
    ['the window edge is inclusive', [app(1), app(2), app(90)], [3]],
    ['one day outside the window', [app(1), app(2), app(91)], []],
    ['under the threshold', [app(1), app(2)], []],
    [
      'different indications are not grouped',
      [app(1), app(2), app(3, { primaryDiagnosis: 'ICD10:N04.9' })],
      [],
    ],
    ['different drugs are not grouped', [app(1), app(2), app(3, { atcCode: 'L01FA05' })], []],
    ['group applications do not count', [app(1), app(2), app(3, { patientScope: 'group' })], []],
    [
      'without ATC, by substance',
      [
        app(1, { atcCode: null }),
        app(2, { atcCode: null }),
        app(3, { atcCode: null, substance: 'rituksimab ' }),
      ],
      [3],
    ],
    [
      'two cohorts, largest first',
      [
        app(1),
        app(2),
        app(3),
        app(4, { primaryDiagnosis: 'ICD10:G35' }),
        app(5, { primaryDiagnosis: 'ICD10:G35' }),
        app(6, { primaryDiagnosis: 'ICD10:G35' }),
        app(7, { primaryDiagnosis: 'ICD10:G35' }),
      ],
      [4, 3],
    ],
    ['after now is ignored', [app(1), app(2), app(-1)], []],
  ])('%s', (_, apps, expected) => {
    expect(detect(apps)).toEqual(expected);
  });

  it('uses the configured threshold and window', () => {
    expect(detect([app(1), app(2)], 2)).toEqual([2]);
    expect(detect([app(1), app(2), app(20)], 3, 14)).toEqual([]);
  });

  it('lists the applications oldest first with the shared drug and indication', () => {
    const [cohort] = detectCohorts([app(1), app(50), app(20)], COHORT_DEFAULTS, NOW);
    expect(cohort?.applications.map((a) => a.submittedAt.getTime())).toEqual(
      [50, 20, 1].map((d) => NOW.getTime() - d * DAY_MS),
    );
    expect(cohort).toMatchObject({ atcCode: 'L01FA01', diagnosis: 'ICD10:N04.2' });
  });

  it('orders cohorts of one size by drug and indication, whatever order the rows come in', () => {
    const rows = [
      app(1, { primaryDiagnosis: 'ICD10:N04.9' }),
      app(2, { primaryDiagnosis: 'ICD10:N04.2' }),
      app(3, { primaryDiagnosis: 'ICD10:N04.9' }),
      app(4, { primaryDiagnosis: 'ICD10:N04.2' }),
      app(5, { primaryDiagnosis: 'ICD10:N04.0' }),
      app(6, { primaryDiagnosis: 'ICD10:N04.0' }),
      app(7, { primaryDiagnosis: 'ICD10:N04.0' }),
    ];
    const order = (list: CohortApplication[]) =>
      detectCohorts(list, { threshold: 2, windowDays: 90 }, NOW).map((c) => c.diagnosis);
    const expected = ['ICD10:N04.0', 'ICD10:N04.2', 'ICD10:N04.9'];
    expect(order(rows)).toEqual(expected);
    expect(order([...rows].reverse())).toEqual(expected);
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

  it.each([
    ['fewer than the links', 3, 3, [9, 3]],
    ['as many as the links', COHORT_LINKS, COHORT_LINKS, [30, 3]],
    ['more than the links: the newest, oldest first', 25, COHORT_LINKS, [30, 3]],
  ])('shows a cohort of %s with its size', (_, size, shown, firstAndLast) => {
    const days = Array.from({ length: size }, (_, i) => (size - i) * 3);
    const [cohort] = detectCohorts(
      days.map((d) => app(d)),
      { threshold: 3, windowDays: 90 },
      NOW,
    );
    if (!cohort) throw new Error('no cohort');
    const view = shownCohort(cohort);
    expect(view.count).toBe(size);
    expect(view.applications).toHaveLength(shown);
    expect(
      [view.applications[0], view.applications.at(-1)].map(
        (a) => (NOW.getTime() - (a?.submittedAt.getTime() ?? 0)) / DAY_MS,
      ),
    ).toEqual(firstAndLast);
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
