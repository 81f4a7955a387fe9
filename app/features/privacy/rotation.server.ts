import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  decryptPatientId,
  encryptPatientId,
  envelopeKeyId,
  keyRing,
  type KeyRing,
} from './patient-id-cipher.server';

export interface RotationResult {
  /** Patient ids re-encrypted with the current key (or encrypted for the first time). */
  rewritten: number;
  /** Already encrypted with the current key. */
  unchanged: number;
}

const stored = z.object({ id: z.string(), patient_id: z.string() });

/**
 * Re-encrypts every stored patient id with the ring's current key (`npm run keys:rotate`), as the
 * owner across trusts. Each row is a compare-and-set on the old ciphertext, so a concurrent save
 * by the app (which writes with the current key anyway) is never overwritten.
 */
export async function rotatePatientIds(db: Db, keys: KeyRing = keyRing()): Promise<RotationResult> {
  const result = await db.execute(
    sql`select id, answers->>'patientId' as patient_id from cases where jsonb_typeof(answers->'patientId') = 'string'`,
  );
  const rows = rowsOf(result, stored);
  let rewritten = 0;
  let unchanged = 0;
  for (const row of rows) {
    if (envelopeKeyId(row.patient_id) === keys.current) {
      unchanged++;
      continue;
    }
    const next = encryptPatientId(decryptPatientId(row.patient_id, keys), keys);
    await db.execute(
      sql`update cases set answers = jsonb_set(answers, '{patientId}', to_jsonb(${next}::text))
          where id = ${row.id} and answers->>'patientId' = ${row.patient_id}`,
    );
    rewritten++;
  }
  return { rewritten, unchanged };
}
