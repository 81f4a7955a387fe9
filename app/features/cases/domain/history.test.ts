import { describe, expect, it } from 'vitest';
import { returnQuestion } from './history';

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
