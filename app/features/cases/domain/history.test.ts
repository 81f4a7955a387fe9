import { describe, expect, it } from 'vitest';
import { reasonShown, returnQuestion, type HistoryEvent } from './history';

const entry = (event: string, toStatus: string, reason: string | null) => ({
  event,
  toStatus,
  reason,
});
const submit = entry('submit', 'submitted', null);
const firstReturn = entry('returnToApplicant', 'returned', 'Hvilken dose?');
const resubmit = entry('resubmit', 'submitted', null);
const secondReturn = entry('returnToApplicant', 'returned', 'Legg ved epikrisen.');

describe('returnQuestion', () => {
  it.each([
    ['a case returned once', 'returned', [submit, firstReturn], firstReturn],
    [
      'the latest of two returns',
      'returned',
      [submit, firstReturn, resubmit, secondReturn],
      secondReturn,
    ],
    ['a case resubmitted since', 'submitted', [submit, firstReturn, resubmit], null],
    ['a draft', 'draft', [entry('create', 'draft', null)], null],
    [
      'a return without a question',
      'returned',
      [submit, entry('returnToApplicant', 'returned', ' ')],
      null,
    ],
  ])('%s', (_name, status, history, expected) => {
    expect(returnQuestion(status, history)).toBe(expected);
  });
});

describe('reasonShown', () => {
  it.each<[HistoryEvent, boolean, boolean]>([
    // The committee's recommendation, the director's note back, a consultation's question and
    // answer: caseworkers only.
    ['recommend', true, true],
    ['recommend', false, false],
    ['reopenAssessment', false, false],
    ['requestConsultation', false, false],
    ['answerConsultation', false, false],
    ['cancelConsultation', false, false],
    ['answerConsultation', true, true],
    // Questions to the applicant, a leader's and a director's justifications: everyone on the case.
    ['returnToApplicant', false, true],
    ['requestInformation', false, true],
    ['notEndorse', false, true],
    ['decide', false, true],
    ['withdraw', false, true],
    ['assignCommitteeMember', false, true],
  ])('%s, reads internal notes: %s → %s', (event, readsInternal, expected) => {
    expect(reasonShown(event, readsInternal)).toBe(expected);
  });
});
