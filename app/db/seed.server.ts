import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../features/auth/domain/roles';
import { importFest } from '../features/fest/fest-import.server';
import type { Db, Tx } from './database.server';
import {
  decisionPhrases,
  decisionPhraseVersions,
  departments,
  phraseVersionOf,
  roleAssignments,
  trusts,
  users,
} from './schema';

const trustFile = z.array(
  z.object({
    name: z.string(),
    kind: z.enum(['RHF', 'HF']),
    orgnr: z.string().regex(/^\d{9}$/),
    parent: z.string().nullable(),
    code: z.string().regex(/^[A-Z]{3}$/),
  }),
);

export function readTrustFixture() {
  const path = fileURLToPath(
    new URL('../../fixtures/organisations/health-trusts.json', import.meta.url),
  );
  return trustFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The trusts that get departments and demo users. */
export const DEMO_TRUSTS = {
  HBE: ['Kreftavdelingen', 'Barne- og ungdomsklinikken', 'Nevrologisk avdeling'],
  HST: [
    'Avdeling for blod- og kreftsykdommer',
    'Barne- og ungdomsklinikken',
    'Nevrologisk avdeling',
  ],
  OUS: ['Kreftklinikken', 'Barne- og ungdomsklinikken', 'Nevroklinikken'],
} as const;
export type DemoTrustCode = keyof typeof DEMO_TRUSTS;

/**
 * Demo users: one per role per trust, plus a few more in HBE (a second leader and committee
 * member, to delegate to and to assess with). `department` is the index of the department the
 * role is limited to (null: trust-wide); `key` names the e-mail when a role has a second person.
 */
export const DEMO_PEOPLE: Record<
  DemoTrustCode,
  { role: Role; key?: string; name: string; title: string; department: number | null }[]
> = {
  HBE: [
    { role: 'applicant', name: 'Ingrid Haugland', title: 'Overlege', department: 0 },
    { role: 'coAuthor', name: 'Lars Myklebust', title: 'Lege i spesialisering', department: 0 },
    { role: 'endorser', name: 'Kari Nordtveit', title: 'Avdelingsleder', department: 0 },
    { role: 'decisionMaker', name: 'Per Vik', title: 'Fagdirektør', department: null },
    {
      role: 'assessor',
      name: 'Solveig Aase',
      title: 'Farmasøyt, vurderingskomité',
      department: null,
    },
    {
      role: 'nationalReader',
      name: 'Tone Lie',
      title: 'Rådgiver, Helse Vest RHF',
      department: null,
    },
    { role: 'trustAdmin', name: 'Geir Berge', title: 'Systemforvalter', department: null },
    {
      role: 'endorser',
      key: 'endorser2',
      name: 'Jon Eide',
      title: 'Avdelingsleder',
      department: 1,
    },
    {
      role: 'assessor',
      key: 'assessor2',
      name: 'Randi Sæther',
      title: 'Overlege, vurderingskomité',
      department: null,
    },
  ],
  HST: [
    { role: 'applicant', name: 'Eirik Tjelta', title: 'Overlege', department: 0 },
    { role: 'coAuthor', name: 'Maria Skadberg', title: 'Lege i spesialisering', department: 0 },
    { role: 'endorser', name: 'Hilde Rege', title: 'Klinikkleder', department: 0 },
    { role: 'decisionMaker', name: 'Bjørn Sola', title: 'Fagdirektør', department: null },
    {
      role: 'assessor',
      name: 'Anne Undheim',
      title: 'Overlege, vurderingskomité',
      department: null,
    },
    { role: 'nationalReader', name: 'Olav Hetland', title: 'Rådgiver', department: null },
    { role: 'trustAdmin', name: 'Silje Bø', title: 'Systemforvalter', department: null },
  ],
  OUS: [
    { role: 'applicant', name: 'Nina Bakke', title: 'Overlege', department: 0 },
    { role: 'coAuthor', name: 'Jonas Dahl', title: 'Lege i spesialisering', department: 0 },
    { role: 'endorser', name: 'Marte Lund', title: 'Avdelingsleder', department: 0 },
    { role: 'decisionMaker', name: 'Knut Hansen', title: 'Fagdirektør', department: null },
    { role: 'assessor', name: 'Eva Strand', title: 'Økonom, vurderingskomité', department: null },
    {
      role: 'nationalReader',
      name: 'Aksel Moe',
      title: 'Rådgiver, Nye Metoder',
      department: null,
    },
    { role: 'trustAdmin', name: 'Lene Foss', title: 'Systemforvalter', department: null },
  ],
};

/**
 * Demo people with roles in more than one demo trust: after login they choose the trust they act
 * in, and may switch (ADR 0026). Their HPR numbers (91099PP) lie outside the per-trust range.
 */
export const DEMO_MULTI_TRUST_PEOPLE: {
  key: string;
  name: string;
  title: string;
  hprNumber: string;
  roles: { trust: DemoTrustCode; role: Role; department: number | null }[];
}[] = [
  {
    key: 'sigrid.vangen',
    name: 'Sigrid Vangen',
    title: 'Overlege',
    hprNumber: '9109900',
    roles: [
      { trust: 'HST', role: 'applicant', department: 0 },
      { trust: 'OUS', role: 'assessor', department: null },
    ],
  },
];

/** Standard decision texts every demo trust starts with (its administrator can change them). */
export const DEMO_PHRASES: Pick<
  typeof decisionPhrases.$inferInsert,
  'kind' | 'title' | 'text' | 'sortOrder'
>[] = [
  {
    kind: 'prescriptionNote',
    title: 'Sykehusfinansiert, med løpenummer',
    text: 'Behandlingen dekkes av helseforetaket, jf. vedtak {løpenummer}. Resepten merkes med løpenummer.',
    sortOrder: 10,
  },
  {
    kind: 'invoicing',
    title: 'Via sykehusapoteket',
    text: 'Legemiddelet faktureres avdelingen via sykehusapoteket. Oppgi løpenummeret på rekvisisjonen.',
    sortOrder: 10,
  },
  {
    kind: 'invoicing',
    title: 'Apotek utenfor sykehuset',
    text: 'Apoteket fakturerer helseforetaket direkte med vedtakets løpenummer som referanse. Pasienten betaler ingen egenandel.',
    sortOrder: 20,
  },
  {
    kind: 'condition',
    title: 'Evaluering etter 3 måneder',
    text: 'Effekten evalueres ved kontroll etter 3 måneder',
    sortOrder: 10,
  },
  {
    kind: 'condition',
    title: 'Avslutning ved manglende effekt',
    text: 'Behandlingen avsluttes ved manglende effekt eller uakseptable bivirkninger',
    sortOrder: 20,
  },
  {
    kind: 'condition',
    title: 'Rapportering av utfall',
    text: 'Søker registrerer utfallet av behandlingen i Søknadsportal innen evalueringsdatoen',
    sortOrder: 30,
  },
  {
    kind: 'reason',
    title: 'Prioriteringskriteriene er oppfylt',
    text: 'Tilstanden er alvorlig, forventet nytte er godt dokumentert, og ressursbruken står i rimelig forhold til nytten (prioriteringsforskriften § 2).',
    sortOrder: 10,
  },
  {
    kind: 'reason',
    title: 'Utilstrekkelig dokumentasjon',
    text: 'Dokumentasjonen av effekt for denne indikasjonen er ikke tilstrekkelig til at behandlingen kan prioriteres.',
    sortOrder: 20,
  },
];

export const demoEmail = (code: DemoTrustCode, key: string) =>
  `${key.toLowerCase()}.${code.toLowerCase()}@demo.soknadsportal.no`;

/** The e-mail address of a demo person with roles in several trusts (DEMO_MULTI_TRUST_PEOPLE). */
export const multiTrustDemoEmail = (key: string) => `${key}@demo.soknadsportal.no`;

/**
 * The demo person's HPR number, for logging in through the local HelseID test provider
 * (`npm run oidc:dev`): 91TPP, T the trust's place in DEMO_TRUSTS, PP the person's in DEMO_PEOPLE.
 */
export function demoHprNumber(code: DemoTrustCode, index: number): string {
  const trust = Object.keys(DEMO_TRUSTS).indexOf(code);
  return String(9_100_000 + trust * 100 + index);
}

/**
 * The reference data every installation needs, in production too: all health trusts and regional
 * health authorities (fixtures/organisations). Idempotent: a trust already there is left as it
 * is. Runs at every start and before `npm run admin:first`, as the database owner.
 */
export async function seedTrusts(db: Db | Tx): Promise<void> {
  await db
    .insert(trusts)
    .values(
      readTrustFixture().map((t) => ({
        code: t.code,
        name: t.name,
        orgnr: t.orgnr,
        kind: t.kind,
        parentOrgnr: t.parent,
      })),
    )
    // Any conflict, on orgnr or on code: two instances may start at once on a new database.
    .onConflictDoNothing();
}

/**
 * Reference data (`seedTrusts`) and demo data (departments and users of three trusts).
 * Idempotent: running it again changes nothing. Runs as the database owner, not as the
 * application role.
 */
export async function seed(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedTrusts(tx);

    const codes = Object.keys(DEMO_TRUSTS) as DemoTrustCode[];
    const trustRows = await tx.select().from(trusts).where(inArray(trusts.code, codes));
    for (const trust of trustRows) {
      const code = trust.code as DemoTrustCode;
      await tx
        .insert(departments)
        .values(DEMO_TRUSTS[code].map((name) => ({ trustId: trust.id, name })))
        .onConflictDoNothing();
      const departmentRows = await tx
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(eq(departments.trustId, trust.id));
      const departmentId = (index: number | null) => {
        if (index === null) return null;
        const found = departmentRows.find((d) => d.name === DEMO_TRUSTS[code][index]);
        if (!found) throw new Error(`Seed: department ${index} missing for ${code}`);
        return found.id;
      };

      const people = [
        ...DEMO_PEOPLE[code].map((person, index) => ({
          ...person,
          email: demoEmail(code, person.key ?? person.role),
          hprNumber: demoHprNumber(code, index),
        })),
        ...DEMO_MULTI_TRUST_PEOPLE.flatMap((person) =>
          person.roles
            .filter((r) => r.trust === code)
            .map((r) => ({ ...person, ...r, email: multiTrustDemoEmail(person.key) })),
        ),
      ];
      for (const person of people) {
        const { email, hprNumber } = person;
        await tx
          .insert(users)
          .values({ name: person.name, title: person.title, email, hprNumber })
          .onConflictDoUpdate({
            target: users.email,
            set: { hprNumber },
            setWhere: isNull(users.hprNumber),
          });
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        if (!user) throw new Error(`Seed: user missing: ${email}`);
        await tx
          .insert(roleAssignments)
          .values({
            userId: user.id,
            trustId: trust.id,
            departmentId: departmentId(person.department),
            role: person.role,
          })
          .onConflictDoNothing();
      }

      // Phrases only for a trust that has none yet: an administrator's changes are kept.
      const [anyPhrase] = await tx
        .select({ id: decisionPhrases.id })
        .from(decisionPhrases)
        .where(eq(decisionPhrases.trustId, trust.id))
        .limit(1);
      if (!anyPhrase) {
        const phrases = await tx
          .insert(decisionPhrases)
          .values(DEMO_PHRASES.map((p) => ({ ...p, trustId: trust.id })))
          .returning();
        // Their version 1, with no author (as the migration records the phrases it finds).
        await tx
          .insert(decisionPhraseVersions)
          .values(phrases.map((p) => phraseVersionOf(p, null)));
      }
    }
  });
}

/**
 * Demo drug data: the 2017 FEST subset in fixtures/fest, imported once. Skipped when that extract,
 * or a newer one (say from FEST_URL), has been imported already, so it never rolls data back.
 */
export async function seedFest(db: Db): Promise<void> {
  const path = fileURLToPath(new URL('../../fixtures/fest/fest-mini-2017.xml.gz', import.meta.url));
  await importFest(db, path, { skipIfNotNewer: true });
}
