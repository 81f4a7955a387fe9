import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../../../test/actors';
import { exportApplication } from './export';

describe('exportApplication', () => {
  it('exports every applicable section and question, with labels, text and stored value', () => {
    const sections = exportApplication(completeAnswers);
    expect(sections.map((s) => s.sectionId)).toEqual([
      'basis',
      'indication',
      'drug',
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
    const references = sections[6]?.answers.find((a) => a.questionId === 'references');
    expect(references).toEqual({
      questionId: 'references',
      question: 'Referanser',
      value: null,
      raw: null,
    });
  });
});
