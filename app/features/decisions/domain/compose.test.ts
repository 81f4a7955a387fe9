import { describe, expect, it } from 'vitest';
import type { DecisionInput } from '../../cases/domain/application';
import {
  composeDecision,
  conditionLines,
  type DecisionContext,
  type DecisionTextLabels,
} from './compose';
import type { Treatment } from './treatment';

const LABELS: DecisionTextLabels = {
  outcomes: {
    approved: 'Innvilget',
    approvedWithConditions: 'Innvilget med vilkår',
    rejected: 'Avslått',
  },
  decision: 'Vedtak',
  interregionalCommittee: 'Beslutningen er tatt av det interregionale fagdirektørmøtet.',
  treatmentApproved: 'Innvilget behandling',
  treatmentApplied: 'Behandlingen det er søkt om',
  treatment: {
    drug: 'Legemiddel',
    dose: 'Dose',
    route: 'Administrasjonsvei',
    duration: 'Behandlingsvarighet',
  },
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

const NO_TREATMENT: Treatment = { drug: null, dose: null, route: null, duration: null };
const TREATMENT: Treatment = {
  drug: 'Rituximab 500 mg',
  dose: '375 mg/m² ukentlig',
  route: 'Intravenøst',
  duration: '4 uker',
};
const context = (change: Partial<DecisionContext>): DecisionContext => ({
  caseNumber: 'HBE-2026-00001',
  treatment: NO_TREATMENT,
  interregionalCommittee: false,
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
      LABELS,
      context({ caseNumber: 'HBE-2026-00042', treatment: TREATMENT }),
    );
    expect(composed.text).toBe(
      [
        'Vedtak: Innvilget med vilkår',
        'Innvilget behandling:\nLegemiddel: Rituximab 500 mg\nDose: 375 mg/m² ukentlig\nAdministrasjonsvei: Intravenøst\nBehandlingsvarighet: 4 uker',
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
    const composed = composeDecision(input({ outcome: 'rejected' }), LABELS, context({}));
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
    const composed = composeDecision(input({}), LABELS, context({ interregionalCommittee: true }));
    expect(composed.text).toBe(
      'Vedtak: Innvilget\n\nBeslutningen er tatt av det interregionale fagdirektørmøtet.\n\nBegrunnelse:\nAlvorlig tilstand, dokumentert nytte.',
    );
    expect(composed.interregionalCommittee).toBe(true);
  });

  it.each([
    [
      'approved',
      TREATMENT,
      'Innvilget behandling:\nLegemiddel: Rituximab 500 mg\nDose: 375 mg/m² ukentlig\nAdministrasjonsvei: Intravenøst\nBehandlingsvarighet: 4 uker',
    ],
    [
      'rejected',
      TREATMENT,
      'Behandlingen det er søkt om:\nLegemiddel: Rituximab 500 mg\nDose: 375 mg/m² ukentlig\nAdministrasjonsvei: Intravenøst\nBehandlingsvarighet: 4 uker',
    ],
    [
      'approved',
      { ...NO_TREATMENT, drug: 'Rituximab 500 mg', duration: '4 uker' },
      'Innvilget behandling:\nLegemiddel: Rituximab 500 mg\nBehandlingsvarighet: 4 uker',
    ],
    ['approved', NO_TREATMENT, null],
  ] as [DecisionInput['outcome'], Treatment, string | null][])(
    'states the treatment of an outcome %s: %j',
    (outcome, treatment, expected) => {
      const parts = composeDecision(input({ outcome }), LABELS, context({ treatment })).text.split(
        '\n\n',
      );
      // Right under the outcome, before the justification.
      expect(parts[1]).toBe(expected ?? 'Begrunnelse:\nAlvorlig tilstand, dokumentert nytte.');
    },
  );
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
