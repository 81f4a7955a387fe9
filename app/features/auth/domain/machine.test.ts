import { describe, expect, it } from 'vitest';
import {
  bearerChallenge,
  bearerToken,
  checkMachineClaims,
  nationalScope,
  scopesOf,
} from './machine';

const SCOPE = nationalScope('soknadsportal:api');

/** A HelseID client-credentials token's claims (iss, aud, exp are verified before, by jose). */
const machine = {
  iss: 'https://helseid-sts.nhn.no',
  aud: ['soknadsportal:api'],
  client_id: 'register-42',
  'helseid://claims/client/claims/orgnr_parent': '983658725',
  scope: SCOPE,
  jti: 'x',
};

describe('nationalScope', () => {
  it('is the audience with /nasjonalt', () => {
    expect(SCOPE).toBe('soknadsportal:api/nasjonalt');
  });
});

describe('scopesOf', () => {
  it.each([
    ['a space-separated string', 'openid  a b', ['openid', 'a', 'b']],
    ['an array', ['a', 'b'], ['a', 'b']],
    ['an array with a non-string', ['a', 1, null], ['a']],
    ['an empty string', '', []],
    ['absent', undefined, []],
    ['a number', 42, []],
    ['an object', { a: 'b' }, []],
  ])('reads %s', (_, claim, scopes) => {
    expect(scopesOf(claim)).toEqual(scopes);
  });
});

describe('checkMachineClaims', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof checkMachineClaims>]>([
    ["a client's token with the scope", machine, { ok: true, clientId: 'register-42' }],
    [
      'the scope among others, as a string',
      { ...machine, scope: `other ${SCOPE} more` },
      { ok: true, clientId: 'register-42' },
    ],
    [
      'the scope in an array',
      { ...machine, scope: ['other', SCOPE] },
      { ok: true, clientId: 'register-42' },
    ],
    [
      'sub = client_id (RFC 9068 client credentials, oidc-provider)',
      { ...machine, sub: 'register-42' },
      { ok: true, clientId: 'register-42' },
    ],
    ['no scope claim', { ...machine, scope: undefined }, { ok: false, refusal: 'scope' }],
    [
      'another scope only',
      { ...machine, scope: 'soknadsportal:api/other' },
      { ok: false, refusal: 'scope' },
    ],
    [
      'a scope that only starts like it',
      { ...machine, scope: `${SCOPE}x` },
      { ok: false, refusal: 'scope' },
    ],
    [
      'the scope in the wrong case',
      { ...machine, scope: SCOPE.toUpperCase() },
      { ok: false, refusal: 'scope' },
    ],
    ['no client_id', { ...machine, client_id: undefined }, { ok: false, refusal: 'noClient' }],
    ['an empty client_id', { ...machine, client_id: ' ' }, { ok: false, refusal: 'noClient' }],
    [
      'a client_id that is not a string',
      { ...machine, client_id: 42 },
      { ok: false, refusal: 'noClient' },
    ],
    [
      "a person's token (sub of a person)",
      { ...machine, sub: 'X8oLkO6+person' },
      { ok: false, refusal: 'person' },
    ],
    [
      "a person's token (the identity number), even without sub",
      { ...machine, 'helseid://claims/identity/pid': '15038510271' },
      { ok: false, refusal: 'person' },
    ],
    [
      "a person's token (security level)",
      { ...machine, sub: 'register-42', 'helseid://claims/identity/security_level': '4' },
      { ok: false, refusal: 'person' },
    ],
    [
      'a person without the scope: refused as a person',
      { ...machine, sub: 'someone', scope: 'openid' },
      { ok: false, refusal: 'person' },
    ],
  ])('%s', (_, claims, result) => {
    expect(checkMachineClaims(claims, SCOPE)).toEqual(result);
  });
});

describe('bearerToken', () => {
  it.each<[string | null, string | false | null]>([
    [null, null],
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def-_~+/=', 'abc.def-_~+/='],
    ['Bearer  abc ', 'abc'],
    ['Bearer', false],
    ['Bearer ', false],
    ['Bearer a b', false],
    ['Bearer ab"c', false],
    ['Basic dXNlcjpwYXNz', false],
    ['', false],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('bearerChallenge', () => {
  it('names the error (RFC 6750 §3), and the scope for insufficient_scope', () => {
    expect(bearerChallenge('invalid_token', SCOPE)).toBe('Bearer error="invalid_token"');
    expect(bearerChallenge('insufficient_scope', SCOPE)).toBe(
      'Bearer error="insufficient_scope", scope="soknadsportal:api/nasjonalt"',
    );
  });
});
