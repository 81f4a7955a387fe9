import { describe, expect, it } from 'vitest';
import { openQuestion, outsidePortal, reasonShown, type HistoryEvent } from './history';

const entry = (event: string, toStatus: string, reason: string | null) => ({
  event,
  toStatus,
  reason,
});
const submit = entry('submit', 'submitted', null);
const firstReturn = entry('returnToApplicant', 'returned', 'Hvilken dose?');
const resubmit = entry('resubmit', 'submitted', null);
const secondReturn = entry('returnToApplicant', 'returned', 'Legg ved epikrisen.');
const request = entry('requestInformation', 'awaitingInformation', 'Hvor mange sykluser?');

describe('openQuestion', () => {
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
      'a request for information, while the case awaits it',
      'awaitingInformation',
      [submit, entry('startAssessment', 'underAssessment', null), request],
      request,
    ],
    [
      'no longer once the information is sent',
      'underAssessment',
      [submit, request, entry('provideInformation', 'underAssessment', 'Fire sykluser.')],
      null,
    ],
    [
      'not an earlier return while awaiting information',
      'awaitingInformation',
      [submit, firstReturn, resubmit, entry('requestInformation', 'awaitingInformation', ' ')],
      null,
    ],
    [
      'a return without a question',
      'returned',
      [submit, entry('returnToApplicant', 'returned', ' ')],
      null,
    ],
  ])('%s', (_name, status, history, expected) => {
    const found = openQuestion(status, history);
    expect(found?.question ?? null).toBe(expected);
    // The status it returns is the case's, narrowed to the two that ask a question.
    expect(found?.status ?? null).toBe(expected && status);
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

describe('outsidePortal', () => {
  it.each<[string, string[], boolean[]]>([
    ['an application', ['create', 'submit', 'endorse', 'decide'], [false, false, false, false]],
    [
      'a case registered after the fact',
      ['create', 'submit', 'decide', 'registerRetrospective'],
      [true, true, true, false],
    ],
    [
      'one registered closed, its steps outside',
      ['create', 'submit', 'decide', 'beginFollowUp', 'recordOutcome', 'registerRetrospective'],
      [true, true, true, true, true, false],
    ],
    [
      'one registered, then followed up in the portal',
      ['create', 'submit', 'decide', 'registerRetrospective', 'beginFollowUp', 'recordOutcome'],
      [true, true, true, false, false, false],
    ],
    ['no history', [], []],
  ])('%s', (_, events, expected) => {
    expect(outsidePortal(events.map((event) => ({ event })))).toEqual(expected);
  });
});
