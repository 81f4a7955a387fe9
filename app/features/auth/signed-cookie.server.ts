import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { parse, serialize, type SerializeOptions } from 'cookie';

export interface SignedCookieOptions extends Omit<SerializeOptions, 'encode' | 'expires'> {
  /** The first secret signs; every secret verifies (rotation: put the new one first). */
  secrets: readonly string[];
}

/**
 * A signed cookie in React Router's `createCookie` format, so cookies issued by either stay
 * valid: base64 of the value's JSON, a dot, and the unpadded base64 HMAC-SHA256 of that text under
 * a secret. Signed and verified synchronously with node:crypto (React Router imports a WebCrypto
 * key and awaits a verify per secret on every parse); the signature is compared in constant time.
 */
export function signedCookie(name: string, options: SignedCookieOptions) {
  const { secrets, ...attributes } = options;
  const keys: KeyObject[] = secrets.map((secret) => createSecretKey(Buffer.from(secret, 'utf8')));
  const [signer] = keys;
  if (!signer) throw new Error(`cookie ${name}: at least one secret is required`);
  const defaults: SerializeOptions = { path: '/', sameSite: 'lax', ...attributes };
  const mac = (key: KeyObject, text: string) =>
    createHmac('sha256', key).update(text, 'utf8').digest('base64').replace(/=+$/, '');

  /** The signed text's payload if some secret's signature matches (constant time per secret). */
  function verified(signed: string): string | null {
    const dot = signed.lastIndexOf('.');
    if (dot < 0) return null;
    const text = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'utf8');
    for (const key of keys) {
      const expected = Buffer.from(mac(key, text), 'utf8');
      if (given.length === expected.length && timingSafeEqual(given, expected)) return text;
    }
    return null;
  }

  return {
    name,
    /**
     * The cookie's value from a `Cookie` header, or null when it is absent, empty, not signed by
     * any of the secrets or not JSON.
     */
    parse(header: string | null): unknown {
      if (!header) return null;
      const raw = parse(header)[name];
      if (!raw) return null;
      const text = verified(raw);
      if (text === null) return null;
      try {
        return JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown;
      } catch {
        return null;
      }
    },
    /** The `Set-Cookie` header value for `value` (any JSON), signed with the first secret. */
    serialize(value: unknown, overrides: Omit<SerializeOptions, 'encode'> = {}): string {
      const text = Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
      const signed = value === '' ? '' : `${text}.${mac(signer, text)}`;
      return serialize(name, signed, { ...defaults, ...overrides });
    },
  };
}

export type SignedCookie = ReturnType<typeof signedCookie>;
