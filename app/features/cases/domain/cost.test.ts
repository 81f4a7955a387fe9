import { describe, expect, it } from 'vitest';
import { estimateCost, parseAmount } from './cost';

describe('estimateCost', () => {
  it.each<[number | null, unknown, unknown, number | null]>([
    [688.8, '2', '6', 8266],
    [1000, '1,5', '12', 18000],
    [1000, ' 2 ', '3', 6000],
    [null, '2', '6', null],
    [1000, '', '6', null],
    [1000, '2', 'seks', null],
    [1000, '-1', '6', null],
    [1000, undefined, '6', null],
  ])('AUP %s × %j per month × %j months → %s', (aup, packages, months, total) => {
    expect(estimateCost(aup, packages, months)).toBe(total);
  });
});

describe('parseAmount', () => {
  it.each<[unknown, number | null]>([
    ['12', 12],
    ['12,5', 12.5],
    ['1 200', 1200],
    ['', null],
    ['abc', null],
    [['1'], null],
  ])('%j → %s', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });
});
