/**
 * Makes a person the first administrator of a trust that has none:
 * `npm run admin:first -- --trust HBE --name "Kari Nordmann" --email kari@helse-bergen.no --hpr 1234567 [--title "Seksjonsleder"]`.
 * The one way into a new installation (HelseID lets in only people the database knows); every
 * other person is added by that administrator in the app. Refused once the trust has one.
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres } from '../app/db/database.server';
import { seedTrusts } from '../app/db/seed.server';
import { addFirstAdmin } from '../app/features/admin/first-admin.server';
import { msg } from '../app/i18n';

const USAGE =
  'Usage: npm run admin:first -- --trust <code> --name <name> --email <e-mail> --hpr <HPR number> [--title <title>]';

let values: Partial<Record<'trust' | 'name' | 'email' | 'hpr' | 'title', string>>;
try {
  ({ values } = parseArgs({
    options: {
      trust: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      hpr: { type: 'string' },
      title: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
if (!values.trust) {
  console.error(USAGE);
  process.exit(2);
}

const OPTION = { name: '--name', title: '--title', email: '--email', hprNumber: '--hpr' } as const;

const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  await seedTrusts(database.db);
  const result = await addFirstAdmin(database.db, {
    trustCode: values.trust,
    name: values.name ?? '',
    title: values.title ?? '',
    email: values.email ?? '',
    hprNumber: values.hpr ?? '',
  });
  if (result.ok) {
    console.log(
      `${result.existing ? 'Known person' : 'New person'} ${result.userId} is now the administrator of ${result.trustName}; they log in with HelseID.`,
    );
  } else if ('refusal' in result) {
    console.error(
      {
        trustUnknown: `No trust has the code "${values.trust}".`,
        hasAdmin:
          'The trust already has an administrator: they add people and roles in the app («Administrasjon» → «Brukere og roller»).',
        emailTaken: 'Another person already has that e-mail address.',
      }[result.refusal],
    );
    process.exitCode = 1;
  } else {
    for (const field of ['name', 'title', 'email', 'hprNumber'] as const) {
      const code = result.errors[field];
      if (code) console.error(`${OPTION[field]}: ${msg.trustAdmin.errors[code]}`);
    }
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
