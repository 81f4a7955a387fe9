import { describe, expect, it } from 'vitest';
import { ANSWER_INTENTS, answerStep, sameFiles, shownFiles, type AnswerStep } from './answer-form';

describe('answerStep', () => {
  const id = '6f1c2f4e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';
  it.each([
    [ANSWER_INTENTS.upload, '', { kind: 'upload' }],
    [ANSWER_INTENTS.send, '', { kind: 'send' }],
    // A remove button carries no intent; its attachment id decides.
    ['', id, { kind: 'remove', attachmentId: id }],
    [ANSWER_INTENTS.send, id, { kind: 'remove', attachmentId: id }],
    // Anything else is none of the form's buttons (say, another form of the page sent as multipart).
    ['', '', null],
    ['endorsement', '', null],
  ] as [string, string, AnswerStep | null][])('%j, %j → %j', (intent, removeId, step) => {
    expect(answerStep(intent, removeId)).toEqual(step);
  });
});

describe('shownFiles', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['a', ['a']],
    ['a b', ['a', 'b']],
    // Spaces around and between, as a form may send them.
    [' a  b\n', ['a', 'b']],
  ] as [string, string[]][])('%j → %j', (value, ids) => {
    expect(shownFiles(value)).toEqual(ids);
  });
});

describe('sameFiles', () => {
  it.each([
    [[], [], true],
    [['a', 'b'], ['a', 'b'], true],
    // The order does not matter, nor an id sent twice.
    [['b', 'a'], ['a', 'b'], true],
    [['a', 'a'], ['a'], true],
    // A file added meanwhile, one removed, one replaced by another.
    [['a'], ['a', 'b'], false],
    [['a', 'b'], ['a'], false],
    [['a'], ['b'], false],
    [['a', 'a'], ['a', 'b'], false],
    [[], ['a'], false],
    [['a'], [], false],
  ] as [string[], string[], boolean][])('%j against %j → %j', (shown, stored, same) => {
    expect(sameFiles(shown, stored)).toBe(same);
  });
});
