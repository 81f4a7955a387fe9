import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Patient identifiers at rest: AES-256-GCM with a key ring from the environment (ADR 0012).
 * `PATIENT_ID_KEYS="k2:<base64 32 bytes>,k1:<base64 32 bytes>"`: the first key encrypts, every key
 * decrypts. A stored value is an envelope `enc:v1:<key id>:<iv>:<ciphertext+tag>` (base64).
 */
export interface KeyRing {
  /** Id of the key that encrypts (the first one). */
  current: string;
  keys: ReadonlyMap<string, Buffer>;
}

const PREFIX = 'enc:v1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The development key: NOT SECRET (it is in the source). Used only outside production when
 * PATIENT_ID_KEYS is unset, so `npm start` works without set-up.
 */
export const DEVELOPMENT_KEYS = 'dev-not-secret:ZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQtMDAwMDA=';

/** Parses PATIENT_ID_KEYS; throws a clear error for a malformed ring. */
export function parseKeyRing(text: string): KeyRing {
  const keys = new Map<string, Buffer>();
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (colon < 1 || !KEY_ID.test(id))
      throw new Error(`PATIENT_ID_KEYS: invalid key id in "${id}"`);
    if (key.length !== 32) throw new Error(`PATIENT_ID_KEYS: key ${id} is not 32 bytes (base64)`);
    if (keys.has(id)) throw new Error(`PATIENT_ID_KEYS: key ${id} given twice`);
    keys.set(id, key);
  }
  const [current] = keys.keys();
  if (!current) throw new Error('PATIENT_ID_KEYS: no key');
  return { current, keys };
}

/** The ring from the environment: required in production, the development key otherwise. */
export function keyRingFromEnv(env: NodeJS.ProcessEnv): KeyRing {
  const text = env.PATIENT_ID_KEYS?.trim();
  if (text) return parseKeyRing(text);
  if (env.NODE_ENV === 'production') {
    throw new Error('PATIENT_ID_KEYS is required in production (see docs/adr/0012)');
  }
  return parseKeyRing(DEVELOPMENT_KEYS);
}

let ring: KeyRing | undefined;

/** The process's key ring (from the environment on first use). */
export function keyRing(): KeyRing {
  ring ??= keyRingFromEnv(process.env);
  return ring;
}

/** Replaces the process's key ring (the rotation command and its tests). */
export function useKeyRing(next: KeyRing) {
  ring = next;
}

export const isEnvelope = (value: string) => value.startsWith(PREFIX);

/** The key id an envelope was written with, or null for a plaintext value. */
export function envelopeKeyId(value: string): string | null {
  return isEnvelope(value) ? (value.slice(PREFIX.length).split(':')[0] ?? null) : null;
}

export function encryptPatientId(plaintext: string, keys = keyRing()): string {
  const key = keys.keys.get(keys.current);
  if (!key) throw new Error('Key ring without its current key');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${PREFIX}${keys.current}:${iv.toString('base64')}:${body.toString('base64')}`;
}

/** Decrypts an envelope; a value that is not one (written before encryption) is returned as is. */
export function decryptPatientId(stored: string, keys = keyRing()): string {
  if (!isEnvelope(stored)) return stored;
  const [id = '', iv = '', body = ''] = stored.slice(PREFIX.length).split(':');
  const key = keys.keys.get(id);
  if (!key)
    throw new Error(`Patient id encrypted with key "${id}", which is not in PATIENT_ID_KEYS`);
  const bytes = Buffer.from(body, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([
    decipher.update(bytes.subarray(0, bytes.length - 16)),
    decipher.final(),
  ]).toString('utf8');
}

/** The answers object as stored: the patient id (if any) as an envelope. */
export function sealAnswers<T extends Record<string, unknown>>(answers: T): T {
  const id = answers.patientId;
  if (typeof id !== 'string' || isEnvelope(id)) return answers;
  return { ...answers, patientId: encryptPatientId(id) };
}

/** The answers object as the app sees it: the patient id in plaintext. */
export function openAnswers<T extends Record<string, unknown>>(answers: T): T {
  const id = answers.patientId;
  if (typeof id !== 'string' || !isEnvelope(id)) return answers;
  return { ...answers, patientId: decryptPatientId(id) };
}
