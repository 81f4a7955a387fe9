import { describe, expect, it } from 'vitest';
import {
  decryptPatientId,
  DEVELOPMENT_KEYS,
  encryptPatientId,
  envelopeKeyId,
  keyRingFromEnv,
  openAnswers,
  parseKeyRing,
  sealAnswers,
} from './patient-id-cipher.server';

const K1 = Buffer.alloc(32, 1).toString('base64');
const K2 = Buffer.alloc(32, 2).toString('base64');
const ID = '15838510075';

describe('patient id encryption', () => {
  it('round-trips, with a fresh IV each time and the key id in the envelope', () => {
    const ring = parseKeyRing(`k1:${K1}`);
    const a = encryptPatientId(ID, ring);
    const b = encryptPatientId(ID, ring);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(a).toMatch(/^enc:v1:k1:/);
    expect(envelopeKeyId(a)).toBe('k1');
    expect(decryptPatientId(a, ring)).toBe(ID);
  });

  it('encrypts with the first key and decrypts with any key of the ring', () => {
    const old = encryptPatientId(ID, parseKeyRing(`k1:${K1}`));
    const ring = parseKeyRing(`k2:${K2},k1:${K1}`);
    expect(envelopeKeyId(encryptPatientId(ID, ring))).toBe('k2');
    expect(decryptPatientId(old, ring)).toBe(ID);
    expect(() => decryptPatientId(old, parseKeyRing(`k2:${K2}`))).toThrow(/key "k1"/);
  });

  it('refuses a tampered ciphertext (GCM authentication)', () => {
    const ring = parseKeyRing(`k1:${K1}`);
    const sealed = encryptPatientId(ID, ring);
    const body = sealed.split(':')[4] ?? '';
    const flipped = Buffer.from(body, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const forged = sealed.replace(body, flipped.toString('base64'));
    expect(() => decryptPatientId(forged, ring)).toThrow();
  });

  it.each([
    ['', /no key/],
    ['k1', /invalid key id/],
    [`k1:${Buffer.alloc(16).toString('base64')}`, /not 32 bytes/],
    [`k1:${K1},k1:${K2}`, /twice/],
    [`bad id:${K1}`, /invalid key id/],
  ])('refuses the key ring %j', (text, error) => {
    expect(() => parseKeyRing(text)).toThrow(error);
  });

  it('requires PATIENT_ID_KEYS in production and uses the development key otherwise', () => {
    expect(() => keyRingFromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(keyRingFromEnv({}).current).toBe(DEVELOPMENT_KEYS.split(':')[0]);
    expect(keyRingFromEnv({ PATIENT_ID_KEYS: `k2:${K2}` }).current).toBe('k2');
  });

  it('seals and opens only the patient id of the answers', () => {
    const answers = { patientId: ID, indication: 'x' };
    const sealed = sealAnswers(answers);
    expect(sealed.indication).toBe('x');
    expect(sealed.patientId).not.toBe(ID);
    expect(openAnswers(sealed)).toEqual(answers);
    expect(sealAnswers(sealed)).toBe(sealed);
    expect(openAnswers({ indication: 'x' })).toEqual({ indication: 'x' });
  });
});
