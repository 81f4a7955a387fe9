import { describe, expect, it } from 'vitest';
import { msg } from '../../../i18n';
import { formatValue, STAGES, tableToCsv, type StatTable } from './tables';

const WITHHELD = msg.statistics.withheld;

const table: StatTable = {
  id: 'decisions',
  title: 'Vedtak',
  labelHeader: 'Helseforetak',
  columns: [
    { key: 'approved', label: 'Innvilget', format: 'count' },
    { key: 'rejected', label: 'Avslått', format: 'count' },
    { key: 'rate', label: 'Andel innvilget (%)', format: 'percent' },
    { key: 'median', label: 'Median; dager', format: 'days' },
  ],
  rows: [
    { key: 'HBE', label: 'Helse Bergen HF', values: [1200, 12, 1200 / 1212, 12.25] },
    { key: 'HST', label: 'Helse "Stavanger"', values: ['small', 'hidden', 'hidden', 'none'] },
  ],
};

describe('statistics tables', () => {
  it.each([
    ['small', 'count', '<5'],
    ['hidden', 'percent', 'skjult'],
    ['none', 'days', '–'],
    [1234, 'count', '1\u00a0234'],
    [0.5714, 'percent', '57,1\u00a0%'],
    [12.25, 'days', '12,3'],
  ] as const)('%s as %s is «%s»', (value, format, text) => {
    expect(formatValue(value, format, WITHHELD).replace(/\u202f/g, '\u00a0')).toBe(text);
  });

  it('CSV: byte-order mark, semicolons, decimal commas, quoted fields, withheld values', () => {
    expect(tableToCsv(table, WITHHELD)).toBe(
      '\uFEFFHelseforetak;Innvilget;Avslått;Andel innvilget (%);"Median; dager"\r\n' +
        'Helse Bergen HF;1200;12;99;12,3\r\n' +
        '"Helse ""Stavanger""";<5;skjult;skjult;–\r\n',
    );
  });
});

describe('published stages (BRIEF §5: leader, committee and director apart)', () => {
  it('publishes the committee and the medical director after its recommendation as stages of their own', () => {
    expect(STAGES.indexOf('underAssessment')).toBeLessThan(STAGES.indexOf('recommended'));
    expect(STAGES.at(-1)).toBe('total');
  });

  it('labels every stage differently, naming the committee and the director', () => {
    const labels = STAGES.map((stage) => msg.statistics.stages[stage]);
    expect(new Set(labels).size).toBe(STAGES.length);
    expect(msg.statistics.stages.underAssessment).toMatch(/komite/i);
    expect(msg.statistics.stages.recommended).toMatch(/fagdirektør/i);
  });
});
