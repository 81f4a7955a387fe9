import { z } from 'zod';

/** The HelseID claim names we read (https://utviklerportal.nhn.no, HelseID claims). */
export const HELSEID_CLAIMS = {
  pid: 'helseid://claims/identity/pid',
  hprNumber: 'helseid://claims/hpr/hpr_number',
  securityLevel: 'helseid://claims/identity/security_level',
} as const;

/** The scopes that make HelseID put those claims in the ID token. */
export const HELSEID_SCOPES = [
  'openid',
  'profile',
  'helseid://scopes/identity/pid',
  'helseid://scopes/identity/security_level',
  'helseid://scopes/hpr/hpr_number',
] as const;

/** Only a login on security level 4 (high: BankID, Buypass, Commfides) gives access. */
export const REQUIRED_SECURITY_LEVEL = '4';

const digits = (min: number, max: number) =>
  z
    .union([z.string(), z.number().int()])
    .transform(String)
    .pipe(z.string().regex(new RegExp(`^\\d{${min},${max}}$`)));

/** The claims of a HelseID ID token, as much as we use of them. */
export const helseIdClaims = z.object({
  sub: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  [HELSEID_CLAIMS.pid]: digits(11, 11),
  [HELSEID_CLAIMS.securityLevel]: z.union([z.string(), z.number().int()]).transform(String),
  /** Absent for people who are not authorised health personnel. */
  [HELSEID_CLAIMS.hprNumber]: digits(1, 9).optional(),
});

/** Who HelseID says logged in. `pid` is a national identity number: never store or log it. */
export interface HelseIdPerson {
  name: string;
  pid: string;
  hprNumber: string | null;
}

export type HelseIdRefusal = 'invalidClaims' | 'securityLevel';

/** Why a HelseID login did not end in a session (each has a Norwegian text in msg.signIn). */
export type LoginRefusal =
  | HelseIdRefusal
  | 'cancelled'
  | 'expired'
  | 'providerError'
  | 'unknownUser'
  /** Known as two users (added by HPR number and by identity number) who have both logged in. */
  | 'duplicatePerson';

/**
 * Maps ID token claims to the person, or says why the login is refused (with the HPR number when
 * the claims were readable). Level 4 is required; everything else (which user, which roles) is
 * decided by our own tables.
 */
export function personFromClaims(
  claims: unknown,
):
  | { ok: true; person: HelseIdPerson }
  | { ok: false; refusal: HelseIdRefusal; hprNumber: string | null } {
  const parsed = helseIdClaims.safeParse(claims);
  if (!parsed.success) return { ok: false, refusal: 'invalidClaims', hprNumber: null };
  const c = parsed.data;
  if (c[HELSEID_CLAIMS.securityLevel] !== REQUIRED_SECURITY_LEVEL) {
    // The HPR number (a public register number) names who was refused, in auth_events.
    return { ok: false, refusal: 'securityLevel', hprNumber: c[HELSEID_CLAIMS.hprNumber] ?? null };
  }
  return {
    ok: true,
    person: {
      name: c.name,
      pid: c[HELSEID_CLAIMS.pid],
      hprNumber: c[HELSEID_CLAIMS.hprNumber] ?? null,
    },
  };
}
