import { describe, expect, it } from 'vitest';
import { actionToSummary, formText, formTexts, formVersion, pageTitle, postFailed } from './form';

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

describe('pageTitle and postFailed', () => {
  it('prefixes «Feil: » while the page shows a refused post', () => {
    expect(pageTitle('Sak HBE-2026-00001', 'Søknadsportal')).toBe(
      'Sak HBE-2026-00001 – Søknadsportal',
    );
    expect(pageTitle('Sak HBE-2026-00001', 'Søknadsportal', true)).toBe(
      'Feil: Sak HBE-2026-00001 – Søknadsportal',
    );
  });

  it.each([
    ['nothing posted', undefined, false],
    ['a problem', { problem: 'conflict', fieldErrors: {} }, true],
    ['a field error', { problem: null, fieldErrors: { reason: 'required' } }, true],
    ['a field error under `errors`', { problem: null, errors: { effect: 'x' } }, true],
    ['no problem and no field error', { problem: null, fieldErrors: {} }, false],
  ])('%s: %j is failed: %j', (_label, outcome, failed) => {
    expect(postFailed(outcome)).toBe(failed);
  });

  it('points a form at its error summary', () => {
    expect(actionToSummary('/saker/x/vurdering', 'recommend-errors')).toBe(
      '/saker/x/vurdering#recommend-errors',
    );
  });
});
