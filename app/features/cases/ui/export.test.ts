import { describe, expect, it } from 'vitest';
import { completeAnswers, completeAnswersFor } from '../../../test/actors';
import { takeSnapshot, type ShownDrugFacts } from '../../fest/domain/snapshot';
import { exportApplication, exportDrug } from './export';

describe('exportApplication', () => {
  it('exports every applicable section and question, with labels, text and stored value', () => {
    const sections = exportApplication(completeAnswers);
    expect(sections.map((s) => s.sectionId)).toEqual([
      'basis',
      'indication',
      'drug',
      'offLabel',
      'alternatives',
      'benefit',
      'cost',
      'evidence',
    ]);
    const basis = sections[0]?.answers ?? [];
    expect(basis[0]).toEqual({
      questionId: 'scheme',
      question: 'Ordning',
      value: 'Utenfor godkjent indikasjon (off-label)',
      raw: 'offLabel',
    });
    const drug = sections[2]?.answers.find((a) => a.questionId === 'drug');
    expect(drug).toMatchObject({ value: 'Rituximab 500 mg infusjonsvæske', raw: { id: null } });
    const offLabel = sections[3]?.answers.map((a) => [a.questionId, a.question]);
    expect(offLabel).toEqual([
      ['approvedIndication', 'Godkjent indikasjon'],
      ['deviationFromApproval', 'Hvordan avviker bruken fra godkjenningen?'],
    ]);
    const references = sections[7]?.answers.find((a) => a.questionId === 'references');
    expect(references).toEqual({
      questionId: 'references',
      question: 'Referanser',
      value: null,
      raw: null,
    });
  });

  it('exports the choice about godkjenningsfritak by its label, and its follow-up', () => {
    const sections = exportApplication({
      ...completeAnswersFor('noMarketingAuthorisation'),
      exemptionApplication: 'notNeeded',
      exemptionNotNeededReason: 'NAF-preparat',
    });
    expect(sections.find((s) => s.sectionId === 'noMarketingAuthorisation')).toMatchObject({
      title: 'Uten norsk markedsføringstillatelse',
      answers: [
        {
          questionId: 'exemptionApplication',
          value: 'Godkjenningsfritak trengs ikke',
          raw: 'notNeeded',
        },
        { questionId: 'exemptionNotNeededReason', value: 'NAF-preparat' },
        { questionId: 'approvedAbroad', value: 'USA (FDA), 2019' },
        { questionId: 'norwegianAlternativesUnsuitable' },
      ],
    });
    expect(sections.map((s) => s.sectionId)).not.toContain('offLabel');
  });
});

describe('exportDrug', () => {
  const today: ShownDrugFacts = {
    id: 'ID_CERTICAN',
    name: 'Certican Disperg tab 0,1 mg',
    atc: { code: 'L04AA18', name: 'Everolimus' },
    form: { name: 'Dispergerbar tablett', description: null },
    substances: [{ name: 'Everolimus', strength: '0,1 mg' }],
    strength: '0,1 mg',
    preparattype: { code: '7', name: 'Legemiddel' },
    requiresExemption: false,
    reseptgruppe: 'C',
    marketingStatus: 'notMarketed',
    withdrawnAt: null,
    packages: [],
    cheapestAup: null,
    spcUrl: null,
    felleskatalogenUrl: 'https://www.felleskatalogen.no/medisin/sok?sokord=Certican',
    refund: { bluePrescription: true, hPrescription: false },
  };
  const sent = takeSnapshot(
    { ...today, marketingStatus: 'marketed' },
    { id: 4, hentetAt: null },
    new Date('2026-11-02T09:00:00Z'),
  );

  it('exports the drug as sent, with what has changed', () => {
    const changes = [{ kind: 'marketingStatus', from: 'marketed', to: 'notMarketed' } as const];
    expect(exportDrug({ festSnapshot: sent, festChanges: [...changes], drugFacts: today })).toEqual(
      {
        asSent: true,
        takenAt: '2026-11-02T09:00:00.000Z',
        festImport: { id: 4, hentetAt: null },
        facts: sent.facts,
        changes,
      },
    );
  });

  it('exports today’s facts, marked so, without a snapshot; nothing without a FEST drug', () => {
    expect(exportDrug({ festSnapshot: null, festChanges: [], drugFacts: today })).toEqual({
      asSent: false,
      takenAt: null,
      festImport: null,
      facts: today,
      changes: [],
    });
    expect(exportDrug({ festSnapshot: null, festChanges: [], drugFacts: null })).toBeNull();
  });
});
