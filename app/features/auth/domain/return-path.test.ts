import { describe, expect, it } from 'vitest';
import { loginPath, returnPathOf, safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each<[string, string | null, string | null]>([
    ['a case', '/saker/3f1c', '/saker/3f1c'],
    ['a page with its query', '/nasjonalt?atc=L01&side=2', '/nasjonalt?atc=L01&side=2'],
    ['a fragment', '/saker/3f1c#dialog', '/saker/3f1c#dialog'],
    ['nothing', null, null],
    ['empty', '', null],
    ['the start page (the default)', '/', null],
    ['the start page with a query', '/?side=2', null],
    ['another site, protocol-relative', '//evil.example/saker', null],
    ['another site, backslash', '/\\evil.example', null],
    ['an absolute URL', 'https://evil.example/', null],
    ['a relative path', 'saker/3f1c', null],
    ['a control character', '/saker/3f1c\r\nSet-Cookie: x', null],
    ['the login page', '/logg-inn', null],
    ['the login page with a query', '/logg-inn?tilbake=%2Fsaker', null],
    ['HelseID', '/logg-inn/helseid/retur?code=x', null],
    ['logout', '/logg-ut', null],
    ['the JSON API', '/api/diagnoser?q=c50', null],
    ['a page whose name starts like the login', '/logg-innstillinger', '/logg-innstillinger'],
    ['too long', `/${'a'.repeat(2000)}`, null],
  ])('%s', (_name, value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});

describe('loginPath', () => {
  it.each<[string | null, string]>([
    ['/saker/3f1c', '/logg-inn?tilbake=%2Fsaker%2F3f1c'],
    ['/nasjonalt?atc=L01&side=2', '/logg-inn?tilbake=%2Fnasjonalt%3Fatc%3DL01%26side%3D2'],
    ['/', '/logg-inn'],
    [null, '/logg-inn'],
    ['//evil.example', '/logg-inn'],
  ])('%s → %s', (returnTo, expected) => {
    expect(loginPath(returnTo)).toBe(expected);
  });
});

describe('returnPathOf', () => {
  const url = new URL('https://soknad.example.no/saker/3f1c/rediger?steg=2');
  it.each<[string, string, string | null, string | null]>([
    ['a GET: the page itself', 'GET', null, '/saker/3f1c/rediger?steg=2'],
    ['a HEAD: the page itself', 'HEAD', null, '/saker/3f1c/rediger?steg=2'],
    [
      'a POST: the page its form was on',
      'POST',
      'https://soknad.example.no/saker/3f1c/rediger',
      '/saker/3f1c/rediger',
    ],
    ['a POST without a Referer: the page it posted to', 'POST', null, '/saker/3f1c/rediger'],
    [
      'a POST from another site: the page it posted to',
      'POST',
      'https://evil.example/saker/3f1c',
      '/saker/3f1c/rediger',
    ],
    [
      'a POST from another port: the page it posted to',
      'POST',
      'https://soknad.example.no:8443/saker',
      '/saker/3f1c/rediger',
    ],
    [
      'a POST with a broken Referer: the page it posted to',
      'POST',
      'not a url',
      '/saker/3f1c/rediger',
    ],
    ['a POST from the login page', 'POST', 'https://soknad.example.no/logg-inn', null],
  ])('%s', (_name, method, referer, expected) => {
    expect(returnPathOf(method, url, referer)).toBe(expected);
  });

  it.each<[string, string, string, string | null]>([
    ['a data request: its page', 'GET', '/saker/3f1c.data?_routes=routes%2Fcase', '/saker/3f1c'],
    ["the start page's data request", 'GET', '/_root.data', null],
    ['an index route keeps its own query', 'GET', '/nasjonalt?index&atc=L01', '/nasjonalt?atc=L01'],
    ['a form post to its page', 'POST', '/saker/3f1c/vurdering?index', '/saker/3f1c/vurdering'],
    ['a data post to its page', 'POST', '/saker/3f1c/vedtak.data', '/saker/3f1c/vedtak'],
    ['a post to the login', 'POST', '/logg-inn', null],
  ])('%s', (_name, method, path, expected) => {
    expect(returnPathOf(method, new URL(path, 'https://soknad.example.no'), null)).toBe(expected);
  });
});
