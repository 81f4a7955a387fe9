import { describe, expect, it } from 'vitest';
import { QUESTIONS, type Question, type QuestionId } from '../domain/questionnaire';
import { answerDisplay, questionErrorText } from './QuestionnaireView';

const question = (id: QuestionId): Question => {
  const found = QUESTIONS.get(id);
  if (!found) throw new Error(id);
  return found;
};
/** Norwegian number formats group digits with a no-break space. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('answerDisplay', () => {
  it.each<[QuestionId, string, string]>([
    ['costEstimate', '154008', '154 008'],
    ['costEstimate', '45 000,5', '45 000,50'],
    ['packagesPerMonth', '2,5', '2,5'],
    ['expectedPatients', '1200', '1 200'],
    ['costEstimate', '12.03.2025', '12.03.2025'],
    ['dose', '1000 mg', '1000 mg'],
  ])('%s = %j → %j', (id, value, expected) => {
    expect(plain(answerDisplay(question(id), value))).toBe(expected);
  });

  it.each<[QuestionId, string, string]>([
    ['scheme', 'noMarketingAuthorisation', 'Uten norsk markedsføringstillatelse'],
    ['patientScope', 'group', 'Pasientgruppe'],
    ['exemptionApplication', 'sent', 'Søknaden er sendt'],
    ['exemptionApplication', 'notNeeded', 'Godkjenningsfritak trengs ikke'],
    ['exemptionApplication', 'toString', 'toString'],
  ])('shows the choice %s = %j by its label: %j', (id, value, expected) => {
    expect(answerDisplay(question(id), value)).toBe(expected);
  });

  it('names a diagnosis with its text and code system', () => {
    const diagnoses = {
      'ICD10:C56': { system: 'ICD10', code: 'C56', text: 'Ondartet svulst i eggstokk' },
    } as const;
    expect(answerDisplay(question('diagnoses'), ['ICD10:C56'], diagnoses)).toBe(
      'C56 Ondartet svulst i eggstokk (ICD-10)',
    );
  });
});

describe('questionErrorText', () => {
  it.each<[QuestionId, string]>([
    ['alternativesTried', 'Teksten kan ha høyst 10 000 tegn.'],
    ['dose', 'Teksten kan ha høyst 200 tegn.'],
  ])('states the limit of %s', (id, expected) => {
    expect(plain(questionErrorText(question(id), 'tooLong'))).toBe(expected);
  });

  it('says how a Nye Metoder id is written', () => {
    expect(questionErrorText(question('nyeMetoderId'), 'nyeMetoderIdFormat')).toMatch(/ID2023_045/);
  });

  it('keeps the other messages as they are', () => {
    expect(questionErrorText(question('patientId'), 'patientIdFormat')).toBe(
      'Fødselsnummeret må være 11 siffer.',
    );
  });
});
