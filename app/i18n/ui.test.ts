import { describe, expect, it } from 'vitest';
import { msg } from '.';

describe('msg.ui.labelled', () => {
  it.each([
    ['Dose', 'Ikke besvart', 'Dose: Ikke besvart'],
    [
      'Hvor er legemiddelet godkjent?',
      'Ikke besvart',
      'Hvor er legemiddelet godkjent? Ikke besvart',
    ],
    ['Hvorfor haster saken?', 'Skriv hvorfor.', 'Hvorfor haster saken? Skriv hvorfor.'],
    ['Frist:', 'Velg en dato.', 'Frist: Velg en dato.'],
  ])('«%s» with «%s» reads «%s»', (label, text, expected) => {
    expect(msg.ui.labelled(label, text)).toBe(expected);
  });
});
