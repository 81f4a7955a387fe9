import { describe, expect, it } from 'vitest';
import type { DecisionInput } from '../../cases/domain/application';
import {
  composeDecision,
  conditionLines,
  norwegianDate,
  norwegianDateOf,
  type DecisionTextLabels,
} from './compose';

const LABELS: DecisionTextLabels = {
  outcomes: {
    approved: 'Innvilget',
    approvedWithConditions: 'Innvilget med vilkår',
    rejected: 'Avslått',
  },
  decision: 'Vedtak',
  interregionalCommittee: 'Beslutningen er tatt av det interregionale fagdirektørmøtet.',
  reason: 'Begrunnelse',
  conditions: 'Vilkår',
  evaluationDate: 'Evalueringsdato',
  prescriptionNote: 'Reseptmerknad',
  invoicing: 'Fakturering',
};

const input = (change: Partial<DecisionInput>): DecisionInput => ({
  outcome: 'approved',
  reason: 'Alvorlig tilstand, dokumentert nytte.',
  conditions: '',
  evaluationDate: '',
  prescriptionNote: '',
  invoicing: '',
  ...change,
});

describe('composeDecision', () => {
  it('builds the whole text from every part, with the løpenummer in the reseptmerknad', () => {
    const composed = composeDecision(
      input({
        outcome: 'approvedWithConditions',
        conditions: 'Effekten evalueres etter 3 måneder\n\n  Avsluttes ved bivirkninger  ',
        evaluationDate: '2027-03-01',
        prescriptionNote: 'Dekkes av helseforetaket, jf. vedtak {løpenummer}. Merk {løpenummer}.',
        invoicing: 'Faktureres via sykehusapoteket.',
      }),
      'HBE-2026-00042',
      LABELS,
    );
    expect(composed.text).toBe(
      [
        'Vedtak: Innvilget med vilkår',
        'Begrunnelse:\nAlvorlig tilstand, dokumentert nytte.',
        'Vilkår:\n– Effekten evalueres etter 3 måneder\n– Avsluttes ved bivirkninger',
        'Evalueringsdato: 01.03.2027',
        'Reseptmerknad:\nDekkes av helseforetaket, jf. vedtak HBE-2026-00042. Merk HBE-2026-00042.',
        'Fakturering:\nFaktureres via sykehusapoteket.',
      ].join('\n\n'),
    );
    expect(composed).toMatchObject({
      outcome: 'approvedWithConditions',
      conditions: 'Effekten evalueres etter 3 måneder\nAvsluttes ved bivirkninger',
      evaluationDate: '2027-03-01',
      prescriptionNote: 'Dekkes av helseforetaket, jf. vedtak HBE-2026-00042. Merk HBE-2026-00042.',
      invoicing: 'Faktureres via sykehusapoteket.',
    });
  });

  it('leaves out the parts not given, storing them as null', () => {
    const composed = composeDecision(input({ outcome: 'rejected' }), 'HBE-2026-00001', LABELS);
    expect(composed.text).toBe(
      'Vedtak: Avslått\n\nBegrunnelse:\nAlvorlig tilstand, dokumentert nytte.',
    );
    expect(composed).toMatchObject({
      conditions: null,
      evaluationDate: null,
      prescriptionNote: null,
      invoicing: null,
      interregionalCommittee: false,
    });
  });

  it('says under the outcome that the interregional committee decided (Tilgangsordningen)', () => {
    const composed = composeDecision(input({}), 'HBE-2026-00001', LABELS, true);
    expect(composed.text).toBe(
      'Vedtak: Innvilget\n\nBeslutningen er tatt av det interregionale fagdirektørmøtet.\n\nBegrunnelse:\nAlvorlig tilstand, dokumentert nytte.',
    );
    expect(composed.interregionalCommittee).toBe(true);
  });
});

describe('dates', () => {
  it('writes dates the Norwegian way', () => {
    expect(norwegianDate('2027-03-01')).toBe('01.03.2027');
  });

  it.each([
    ['winter time, before midnight in Norway', '2026-03-01T22:59:59Z', '01.03.2026'],
    ['winter time, after midnight in Norway', '2026-03-01T23:00:00Z', '02.03.2026'],
    ['summer time, after midnight in Norway', '2026-06-30T22:00:00Z', '01.07.2026'],
    ['summer time, before midnight in Norway', '2026-06-30T21:59:59Z', '30.06.2026'],
    ['the turn of the year', '2025-12-31T23:30:00Z', '01.01.2026'],
    ['a timestamp as PostgreSQL sends it', '2015-01-05 10:00:00+00', '05.01.2015'],
  ])('a moment as its day in Norway: %s', (_label, at, expected) => {
    expect(norwegianDateOf(at)).toBe(expected);
    expect(norwegianDateOf(new Date(at))).toBe(expected);
  });
});

describe('conditionLines', () => {
  it.each([
    [null, []],
    ['', []],
    ['A\n\n B \n', ['A', 'B']],
  ] as [string | null, string[]][])('%j → %j', (value, expected) => {
    expect(conditionLines(value)).toEqual(expected);
  });
});
