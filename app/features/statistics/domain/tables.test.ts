import { describe, expect, it } from 'vitest';
import { formatValue, tableToCsv, type StatTable } from './tables';

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
    { key: 'HST', label: 'Helse "Stavanger"', values: [null, null, null, null] },
  ],
};

describe('statistics tables', () => {
  it.each([
    [null, 'count', '<5'],
    [1234, 'count', '1\u00a0234'],
    [0.5714, 'percent', '57,1\u00a0%'],
    [12.25, 'days', '12,3'],
  ] as const)('%s as %s is «%s»', (value, format, text) => {
    expect(formatValue(value, format).replace(/\u202f/g, '\u00a0')).toBe(text);
  });

  it('CSV: byte-order mark, semicolons, decimal commas, quoted fields, «<5»', () => {
    expect(tableToCsv(table)).toBe(
      '\uFEFFHelseforetak;Innvilget;Avslått;Andel innvilget (%);"Median; dager"\r\n' +
        'Helse Bergen HF;1200;12;99;12,3\r\n' +
        '"Helse ""Stavanger""";<5;<5;<5;<5\r\n',
    );
  });
});
