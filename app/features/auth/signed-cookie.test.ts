import { createCookie } from 'react-router';
import { describe, expect, it } from 'vitest';
import { signedCookie } from './signed-cookie.server';

const OLD = 'old-secret';
const NEW = 'new-secret';
const TOKEN = 'k3Vq-random_token';

/** `name=value` of a Set-Cookie header: what the browser sends back. */
const sent = (setCookie: string) => setCookie.split(';')[0] ?? '';

/** The header with the cookie's signature (after the last dot) changed. */
function tampered(header: string, change: (signature: string) => string) {
  const decoded = decodeURIComponent(header.slice(header.indexOf('=') + 1));
  const dot = decoded.lastIndexOf('.');
  const value = `${decoded.slice(0, dot)}.${change(decoded.slice(dot + 1))}`;
  return `sp_session=${encodeURIComponent(value)}`;
}

describe('signedCookie', () => {
  const cookie = signedCookie('sp_session', { secrets: [OLD], httpOnly: true, path: '/' });
  const valid = sent(cookie.serialize(TOKEN));

  it.each<[string, string | null, unknown]>([
    ['its own cookie', valid, TOKEN],
    ['among other cookies', `a=1; ${valid}; b=2`, TOKEN],
    ['no header', null, null],
    ['no such cookie', 'other=1', null],
    ['an empty value', 'sp_session=', null],
    ['no signature', `sp_session=${encodeURIComponent(btoa(JSON.stringify(TOKEN)))}`, null],
    ['a changed signature', tampered(valid, (s) => `${s.slice(0, -3)}abc`), null],
    ['a truncated signature', tampered(valid, (s) => s.slice(0, -1)), null],
    ['a padded signature', tampered(valid, (s) => `${s}=`), null],
    ['an empty signature', tampered(valid, () => ''), null],
    [
      'a changed value under the old signature',
      (() => {
        const decoded = decodeURIComponent(valid.slice(valid.indexOf('=') + 1));
        const signature = decoded.slice(decoded.lastIndexOf('.'));
        return `sp_session=${encodeURIComponent(btoa(JSON.stringify('other-token')) + signature)}`;
      })(),
      null,
    ],
  ])('reads %s', (_label, header, expected) => {
    expect(cookie.parse(header)).toEqual(expected);
  });

  it('verifies with every secret and signs with the first (rotation)', () => {
    const rotated = signedCookie('sp_session', { secrets: [NEW, OLD] });
    expect(rotated.parse(valid)).toBe(TOKEN);
    const fresh = sent(rotated.serialize(TOKEN));
    expect(fresh).not.toBe(valid);
    expect(rotated.parse(fresh)).toBe(TOKEN);
    // A cookie signed with the new secret is not valid for the old secret alone, nor a foreign one.
    expect(cookie.parse(fresh)).toBeNull();
    expect(signedCookie('sp_session', { secrets: ['foreign'] }).parse(valid)).toBeNull();
  });

  it('keeps React Router\u2019s createCookie format in both directions', async () => {
    const theirs = createCookie('sp_session', { secrets: [NEW, OLD] });
    const ours = signedCookie('sp_session', { secrets: [NEW, OLD] });
    expect(ours.parse(sent(await theirs.serialize(TOKEN)))).toBe(TOKEN);
    expect(await theirs.parse(sent(ours.serialize(TOKEN)))).toBe(TOKEN);
    // Byte for byte the same cookie for the same value and secret.
    expect(sent(ours.serialize({ state: 'æøå', n: 1 }))).toBe(
      sent(await theirs.serialize({ state: 'æøå', n: 1 })),
    );
    // Signed by React Router with a secret since dropped: refused.
    const retired = createCookie('sp_session', { secrets: ['retired'] });
    expect(ours.parse(sent(await retired.serialize(TOKEN)))).toBeNull();
  });

  it('writes the attributes and clears with Max-Age=0', () => {
    const set = signedCookie('sp_session', {
      secrets: [OLD],
      httpOnly: true,
      secure: true,
      maxAge: 60,
    }).serialize(TOKEN);
    expect(set).toMatch(/; Max-Age=60; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie.serialize('', { maxAge: 0 })).toBe(
      'sp_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    );
  });

  it('refuses to work without a secret', () => {
    expect(() => signedCookie('sp_session', { secrets: [] })).toThrow(/secret/);
  });
});
