/**
 * Makes a person the first administrator of a trust that has none:
 * `npm run admin:first -- --trust HBE --name "Kari Nordmann" --email kari@helse-bergen.no --hpr 1234567 [--title "Seksjonsleder"]`,
 * or `--fnr <identity number>` instead of `--hpr` for someone without an HPR number (its hash is
 * keyed by OIDC_PID_SECRET, which must be the app's).
 * The one way into a new installation (HelseID lets in only people the database knows); every
 * other person is added by that administrator in the app. Refused once the trust has one.
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPglite, openPostgres } from '../app/db/database.server';
import { seedTrusts } from '../app/db/seed.server';
import { parseIdentity } from '../app/features/admin/domain/people';
import { addFirstAdmin } from '../app/features/admin/first-admin.server';
import { msg } from '../app/i18n';
import { pidSecretFromEnv } from '../server/config';

const USAGE =
  'Usage: npm run admin:first -- --trust <code> --name <name> --email <e-mail> (--hpr <HPR number> | --fnr <identity number>) [--title <title>]';

let values: Partial<Record<'trust' | 'name' | 'email' | 'hpr' | 'fnr' | 'title', string>>;
try {
  ({ values } = parseArgs({
    options: {
      trust: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      hpr: { type: 'string' },
      fnr: { type: 'string' },
      title: { type: 'string' },
    },
  }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
if (!values.trust || (values.hpr !== undefined && values.fnr !== undefined)) {
  console.error(USAGE);
  process.exit(2);
}
const idOption = values.fnr === undefined ? '--hpr' : '--fnr';
const idNumber = values.fnr ?? values.hpr ?? '';
// The field tells the two apart by length; the option must say the same.
const identity = parseIdentity(idNumber);
if (identity.ok && (identity.value.kind === 'pid') !== (idOption === '--fnr')) {
  console.error(
    identity.value.kind === 'pid'
      ? '--hpr: 11 digits is an identity number; give it as --fnr.'
      : '--fnr: 4 to 9 digits is an HPR number; give it as --hpr.',
  );
  process.exit(2);
}

const OPTION = { name: '--name', title: '--title', email: '--email', idNumber: idOption } as const;

const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  await seedTrusts(database.db);
  const result = await addFirstAdmin(
    database.db,
    {
      trustCode: values.trust,
      name: values.name ?? '',
      title: values.title ?? '',
      email: values.email ?? '',
      idNumber,
    },
    pidSecretFromEnv(process.env, process.env.NODE_ENV === 'production'),
  );
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
    for (const field of ['name', 'title', 'email', 'idNumber'] as const) {
      const code = result.errors[field];
      if (code) console.error(`${OPTION[field]}: ${msg.trustAdmin.errors[code]}`);
    }
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
