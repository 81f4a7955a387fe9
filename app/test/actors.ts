import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.server';
import { trusts, users } from '../db/schema';
import { demoEmail, multiTrustDemoEmail, type DemoTrustCode } from '../db/seed.server';
import { createAuth } from '../features/auth/auth.server';
import type { Actor, Role } from '../features/auth/domain/roles';
import type { Scheme } from '../features/cases/domain/application';
import type { Answers } from '../features/cases/domain/questionnaire';

export const TEST_SECRETS = ['test-secret'];

/** A request to the app carrying a cookie pair (`sp_session=…`), or no cookie. */
export const requestWithCookie = (cookie: string | null) =>
  new Request('http://test/', { headers: cookie ? { Cookie: cookie } : {} });

/** The cookie pair (`sp_session=…`) of a Set-Cookie header value. */
export const cookiePair = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';

/**
 * Signs a demo user in through the real session code and returns the actor and cookie. `key` is
 * the role, or the key of a second person in a role (see DEMO_PEOPLE, e.g. `endorser2`).
 */
export async function signIn(db: Db, trust: DemoTrustCode, key: Role | 'endorser2' | 'assessor2') {
  const auth = createAuth(db, { secrets: TEST_SECRETS, secure: false });
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, demoEmail(trust, key)));
  if (!user) throw new Error(`No demo user ${trust}/${key}`);
  const setCookie = await auth.login(user.id);
  if (!setCookie) throw new Error('Login failed');
  const cookie = setCookie.split(';')[0] ?? '';
  const actor = await auth.getActor(new Request('http://test/', { headers: { Cookie: cookie } }));
  if (!actor) throw new Error('No actor for a fresh session');
  return { actor, cookie, auth };
}

/**
 * Signs in a demo person with roles in several trusts (DEMO_MULTI_TRUST_PEOPLE, by key) through
 * the real session code and chooses `trust` (ADR 0026); returns the actor and cookie.
 */
export async function signInToTrust(db: Db, key: string, trust: DemoTrustCode) {
  const auth = createAuth(db, { secrets: TEST_SECRETS, secure: false });
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, multiTrustDemoEmail(key)));
  const [chosen] = await db.select().from(trusts).where(eq(trusts.code, trust));
  if (!user || !chosen) throw new Error(`No demo person ${key} in ${trust}`);
  const pending = (await auth.login(user.id))?.split(';')[0] ?? '';
  const result = await auth.chooseTrust(
    new Request('http://test/', { headers: { Cookie: pending } }),
    chosen.id,
  );
  if (!result.ok) throw new Error(`Choosing ${trust} failed: ${result.refusal}`);
  const cookie = result.setCookie.split(';')[0] ?? '';
  const actor = await auth.getActor(new Request('http://test/', { headers: { Cookie: cookie } }));
  if (!actor) throw new Error('No actor after choosing a trust');
  return { actor, cookie, auth };
}

/** The demo actors of one trust, by role. */
export async function demoActors(db: Db, trust: DemoTrustCode) {
  const get = async (role: Role): Promise<Actor> => (await signIn(db, trust, role)).actor;
  return {
    applicant: await get('applicant'),
    coAuthor: await get('coAuthor'),
    endorser: await get('endorser'),
    decisionMaker: await get('decisionMaker'),
    assessor: await get('assessor'),
    nationalReader: await get('nationalReader'),
    trustAdmin: await get('trustAdmin'),
  };
}

/** Synthetic Test-Norge numbers (month + 80): valid check digits, never a real person. */
export const TEST_PATIENT_IDS = [
  '15838510075',
  '02877510029',
  '31929910020',
  '01816010027',
] as const;

/** The answers each scheme asks for beyond the common ones (its own sections). */
export const SCHEME_ANSWERS = {
  offLabel: {
    approvedIndication: 'Non-Hodgkin lymfom, KLL, revmatoid artritt, granulomatose med polyangiitt',
    deviationFromApproval: 'Annen indikasjon: membranøs nefropati, som ikke står i preparatomtalen',
  },
  noMarketingAuthorisation: {
    exemptionApplication: 'sent',
    approvedAbroad: 'USA (FDA), 2019',
    norwegianAlternativesUnsuitable: 'Ingen legemidler med norsk MT for denne indikasjonen',
  },
  unntaksordningen: {
    nyeMetoderId: 'ID2023_045',
    differenceFromAssessedGroup: 'Yngre enn studiepopulasjonen, uten komorbiditet',
  },
  tilgangsordningen: {
    nyeMetoderId: 'ID2021_112',
    beslutningsforumDecision: '24.03.2025: Ikke innført; nytten står ikke i forhold til kostnaden',
    clinicalExceptionality:
      'Ung pasient uten andre behandlingsalternativer; ikke representert i studiene.',
  },
} as const satisfies Record<Scheme, Answers>;

/** The answers every complete single-patient application has, whatever its scheme. */
export const COMMON_ANSWERS: Answers = {
  patientScope: 'single',
  patientId: TEST_PATIENT_IDS[0],
  consent: 'yes',
  diagnoses: ['ICD10:N04.2'],
  indication: 'Membranøs nefropati, terapiresistent',
  severity: 'Høy risiko for nyresvikt uten behandling',
  drug: { id: null, label: 'Rituximab 500 mg infusjonsvæske' },
  dose: '1000 mg dag 1 og 15',
  route: 'Intravenøst',
  duration: '6 måneder',
  alternativesTried: 'Ciklosporin i 6 måneder',
  alternativesInsufficient: 'Ingen remisjon, stigende proteinuri',
  expectedBenefit: 'Remisjon hos om lag 60 prosent',
  evaluationPlan: 'Proteinuri og eGFR etter 6 måneder',
  costEstimate: '45000',
  evidence: 'Randomisert studie (MENTOR, NEJM 2019)',
};

/** A complete single-patient application under `scheme` (answers to the questionnaire). */
export const completeAnswersFor = (scheme: Scheme): Answers => ({
  scheme,
  ...COMMON_ANSWERS,
  ...SCHEME_ANSWERS[scheme],
});

/** A complete single-patient off-label application (answers to the questionnaire). */
export const completeAnswers: Answers = completeAnswersFor('offLabel');
