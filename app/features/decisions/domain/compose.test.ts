import { describe, expect, it } from 'vitest';
import type { DecisionInput } from '../../cases/domain/application';
import { composeDecision, conditionLines, type DecisionTextLabels } from './compose';

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

describe('conditionLines', () => {
  it.each([
    [null, []],
    ['', []],
    ['A\n\n B \n', ['A', 'B']],
  ] as [string | null, string[]][])('%j → %j', (value, expected) => {
    expect(conditionLines(value)).toEqual(expected);
  });
});
