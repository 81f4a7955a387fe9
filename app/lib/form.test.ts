import { describe, expect, it } from 'vitest';
import type { ShouldRevalidateFunctionArgs } from 'react-router';
import {
  actionToSummary,
  formText,
  formTexts,
  formVersion,
  pageTitle,
  postFailed,
  revalidateAfterConflict,
} from './form';

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
    ['a field error in a list (the dialog)', { problem: null, errors: ['messageRequired'] }, true],
    ['no field error in a list', { problem: null, errors: [] }, false],
    ['a conflict (409)', { errors: {}, conflict: { version: 3 } }, true],
    ['no conflict', { errors: {}, conflict: null }, false],
    ['a conflict at a field (409)', { errors: {}, conflicts: { 'submitted.normalDays': 9 } }, true],
    ['no conflict at any field', { errors: {}, conflicts: {} }, false],
  ])('%s: %j is failed: %j', (_label, outcome, failed) => {
    expect(postFailed(outcome)).toBe(failed);
  });

  it('points a form at its error summary', () => {
    expect(actionToSummary('/saker/x/vurdering', 'recommend-errors')).toBe(
      '/saker/x/vurdering#recommend-errors',
    );
  });
});

describe('revalidateAfterConflict', () => {
  const page = new URL('http://localhost/saker/x/vurdering');
  /** The arguments React Router passes after a post to the page, answered with `status`. */
  const afterPost = (status: number | undefined, defaultShouldRevalidate: boolean) =>
    ({
      currentUrl: page,
      currentParams: {},
      nextUrl: page,
      nextParams: {},
      formMethod: 'POST',
      actionStatus: status,
      defaultShouldRevalidate,
    }) satisfies ShouldRevalidateFunctionArgs;

  it.each([
    ['a conflict (409)', 409, false, true],
    ['a refused input (400)', 400, false, false],
    ['a refusal for want of a right (403)', 403, false, false],
    ['a success, which React Router reads again anyway', 200, true, true],
    ['a plain navigation', undefined, true, true],
    ['a navigation React Router would not read again', undefined, false, false],
  ])('%s: %j (default %j) reads again: %j', (_label, status, byDefault, again) => {
    expect(revalidateAfterConflict(afterPost(status, byDefault))).toBe(again);
  });
});
