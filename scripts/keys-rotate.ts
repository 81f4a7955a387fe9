/**
 * Re-encrypts every stored patient id with the first key of PATIENT_ID_KEYS: `npm run keys:rotate`.
 * Put the new key first (keeping the old ones), run this, then remove the old keys (ADR 0012).
 * Uses DATABASE_URL, or the PGlite database in DATA_DIR (stop the server first).
 */
import { join } from 'node:path';
import { openPglite, openPostgres } from '../app/db/database.server';
import { keyRing } from '../app/features/privacy/patient-id-cipher.server';
import { rotatePatientIds } from '../app/features/privacy/rotation.server';

const database = process.env.DATABASE_URL
  ? openPostgres(process.env.DATABASE_URL, 2)
  : await openPglite(join(process.env.DATA_DIR ?? 'data', 'pglite'));
try {
  await database.migrate();
  const keys = keyRing();
  const result = await rotatePatientIds(database.db, keys);
  console.log(
    `Patient ids now under key "${keys.current}": ${result.rewritten} re-encrypted, ${result.unchanged} already current.`,
  );
} finally {
  await database.close();
}
