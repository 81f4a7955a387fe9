import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../features/auth/domain/roles';
import { importFest } from '../features/fest/fest-import.server';
import type { Db } from './database.server';
import { departments, roleAssignments, trusts, users } from './schema';

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

/** One demo user per role per trust. `department: true` limits the role to the first department. */
const DEMO_PEOPLE: Record<
  DemoTrustCode,
  { role: Role; name: string; title: string; department: boolean }[]
> = {
  HBE: [
    { role: 'applicant', name: 'Ingrid Haugland', title: 'Overlege', department: true },
    { role: 'coAuthor', name: 'Lars Myklebust', title: 'Lege i spesialisering', department: true },
    { role: 'endorser', name: 'Kari Nordtveit', title: 'Avdelingsleder', department: true },
    { role: 'decisionMaker', name: 'Per Vik', title: 'Fagdirektør', department: false },
    {
      role: 'assessor',
      name: 'Solveig Aase',
      title: 'Farmasøyt, vurderingskomité',
      department: false,
    },
    {
      role: 'nationalReader',
      name: 'Tone Lie',
      title: 'Rådgiver, Helse Vest RHF',
      department: false,
    },
    { role: 'trustAdmin', name: 'Geir Berge', title: 'Systemforvalter', department: false },
  ],
  HST: [
    { role: 'applicant', name: 'Eirik Tjelta', title: 'Overlege', department: true },
    { role: 'coAuthor', name: 'Maria Skadberg', title: 'Lege i spesialisering', department: true },
    { role: 'endorser', name: 'Hilde Rege', title: 'Klinikkleder', department: true },
    { role: 'decisionMaker', name: 'Bjørn Sola', title: 'Fagdirektør', department: false },
    {
      role: 'assessor',
      name: 'Anne Undheim',
      title: 'Overlege, vurderingskomité',
      department: false,
    },
    { role: 'nationalReader', name: 'Olav Hetland', title: 'Rådgiver', department: false },
    { role: 'trustAdmin', name: 'Silje Bø', title: 'Systemforvalter', department: false },
  ],
  OUS: [
    { role: 'applicant', name: 'Nina Bakke', title: 'Overlege', department: true },
    { role: 'coAuthor', name: 'Jonas Dahl', title: 'Lege i spesialisering', department: true },
    { role: 'endorser', name: 'Marte Lund', title: 'Avdelingsleder', department: true },
    { role: 'decisionMaker', name: 'Knut Hansen', title: 'Fagdirektør', department: false },
    { role: 'assessor', name: 'Eva Strand', title: 'Økonom, vurderingskomité', department: false },
    {
      role: 'nationalReader',
      name: 'Aksel Moe',
      title: 'Rådgiver, Nye Metoder',
      department: false,
    },
    { role: 'trustAdmin', name: 'Lene Foss', title: 'Systemforvalter', department: false },
  ],
};

export const demoEmail = (code: DemoTrustCode, role: Role) =>
  `${role.toLowerCase()}.${code.toLowerCase()}@demo.soknadsportal.no`;

/**
 * Reference data (all trusts) and demo data (departments and users of three trusts). Idempotent:
 * running it again changes nothing. Runs as the database owner, not as the application role.
 */
export async function seed(db: Db): Promise<void> {
  const fixture = readTrustFixture();
  await db.transaction(async (tx) => {
    await tx
      .insert(trusts)
      .values(
        fixture.map((t) => ({
          code: t.code,
          name: t.name,
          orgnr: t.orgnr,
          kind: t.kind,
          parentOrgnr: t.parent,
        })),
      )
      .onConflictDoNothing({ target: trusts.orgnr });

    const codes = Object.keys(DEMO_TRUSTS) as DemoTrustCode[];
    const trustRows = await tx.select().from(trusts).where(inArray(trusts.code, codes));
    for (const trust of trustRows) {
      const code = trust.code as DemoTrustCode;
      await tx
        .insert(departments)
        .values(DEMO_TRUSTS[code].map((name) => ({ trustId: trust.id, name })))
        .onConflictDoNothing();
      const [firstDepartment] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(and(eq(departments.trustId, trust.id), eq(departments.name, DEMO_TRUSTS[code][0])));
      if (!firstDepartment) throw new Error(`Seed: department missing for ${code}`);

      for (const person of DEMO_PEOPLE[code]) {
        const email = demoEmail(code, person.role);
        await tx
          .insert(users)
          .values({ name: person.name, title: person.title, email })
          .onConflictDoNothing({ target: users.email });
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        if (!user) throw new Error(`Seed: user missing: ${email}`);
        await tx
          .insert(roleAssignments)
          .values({
            userId: user.id,
            trustId: trust.id,
            departmentId: person.department ? firstDepartment.id : null,
            role: person.role,
          })
          .onConflictDoNothing();
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
