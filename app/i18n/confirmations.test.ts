import { describe, expect, it } from 'vitest';
import { EVENTS } from '../features/cases/domain/workflow';
import { msg } from '.';

describe('the confirmation after each workflow event', () => {
  const sentences = EVENTS.map((event) => msg.confirmations[event]);

  it.each(EVENTS)('%s: a sentence of its own, not the button text', (event) => {
    const sentence = msg.confirmations[event];
    expect(sentence).toMatch(/^[A-ZÆØÅ].*\.$/);
    expect(sentence).not.toContain(msg.events[event]);
    expect(sentence).not.toMatch(/^Utført/);
  });

  it('says something different for every event', () => {
    expect(new Set(sentences).size).toBe(EVENTS.length);
  });

  it.each([
    ['submit', 'leder'],
    ['endorse', 'fagdirektøren'],
    ['returnToApplicant', 'søker'],
    ['decide', 'oppfølging'],
  ] as const)('%s names who acts next (%s)', (event, next) => {
    expect(msg.confirmations[event]).toContain(next);
  });
});
