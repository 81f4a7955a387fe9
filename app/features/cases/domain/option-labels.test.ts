import { describe, expect, it } from 'vitest';
import { optionLabel } from './option-labels';
import { QUESTIONS, type Question, type QuestionId } from './questionnaire';

const question = (id: QuestionId): Question => {
  const found = QUESTIONS.get(id);
  if (!found) throw new Error(id);
  return found;
};

describe('optionLabel', () => {
  it('has a label in the catalogue for every option of every choice question', () => {
    const choices = [...QUESTIONS.values()].filter((q) => q.type === 'choice');
    expect(choices.map((q) => q.id)).toEqual(['scheme', 'patientScope', 'exemptionApplication']);
    for (const q of choices) {
      for (const option of q.options ?? []) expect(optionLabel(q, option)).not.toBe(option);
    }
  });

  it.each<[QuestionId, string, string]>([
    ['scheme', 'noMarketingAuthorisation', 'Uten norsk markedsføringstillatelse'],
    ['exemptionApplication', 'notNeeded', 'Godkjenningsfritak trengs ikke'],
    ['scheme', 'ukjent', 'ukjent'],
  ])('%s = %s reads %j', (id, option, label) => {
    expect(optionLabel(question(id), option)).toBe(label);
  });
});
