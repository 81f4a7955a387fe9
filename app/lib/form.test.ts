import { describe, expect, it } from 'vitest';
import { formText, formTexts, formVersion } from './form';

describe('formText and formTexts', () => {
  it('reads text fields, and a missing field or a file as the empty string', () => {
    const form = new FormData();
    form.set('name', 'Per Vik');
    form.set('file', new File(['x'], 'x.txt'));
    expect(formText(form, 'name')).toBe('Per Vik');
    expect(formText(form, 'missing')).toBe('');
    expect(formText(form, 'file')).toBe('');
    expect(formTexts(form, ['name', 'missing'])).toEqual({ name: 'Per Vik', missing: '' });
  });
});

describe('formVersion', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['12', 12],
    [' 12 ', 12],
    ['007', 7],
    ['999999999', 999_999_999],
    ['1000000000', null], // ten digits: more than an integer column's version can be
    ['', null],
    [' ', null],
    ['-1', null],
    ['+1', null],
    ['1.5', null],
    ['1e3', null],
    ['0x10', null],
    ['１', null], // a full-width digit
    ['x', null],
  ])('reads %j as %j', (raw, version) => {
    expect(formVersion(raw)).toBe(version);
  });
});
