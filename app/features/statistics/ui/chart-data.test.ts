import { describe, expect, it } from 'vitest';
import { axisLabel } from './chart-data';

describe('axisLabel', () => {
  it.each([
    [
      'a trust, whole',
      'Universitetssykehuset Nord-Norge HF',
      'Universitetssykehuset Nord-Norge HF',
    ],
    [
      'an ATC group with a short name, whole',
      'L01 Antineoplastiske midler',
      'L01 Antineoplastiske midler',
    ],
    [
      'an ATC group with a long name, cut at 40 characters with «…»',
      'L01F Monoklonale antistoffer og antistoff-legemiddelkonjugater',
      'L01F Monoklonale antistoffer og antisto…',
    ],
    ['a code alone', 'M09', 'M09'],
  ])('shows %s', (_, label, shown) => {
    expect(axisLabel(label)).toBe(shown);
    expect(axisLabel(label).length).toBeLessThanOrEqual(40);
  });
});
