import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { completeAnswers, demoActors, TEST_PATIENT_IDS } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { createDraft, getCase, saveAnswers, transition } from '../cases/cases.server';
import { envelopeKeyId, keyRing, parseKeyRing, useKeyRing } from './patient-id-cipher.server';
import { rotatePatientIds } from './rotation.server';

const K1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
const K2 = `k2:${Buffer.alloc(32, 22).toString('base64')}`;

describe.each(TEST_DATABASES)('patient ids at rest on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  const testRing = keyRing();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
  });
  afterAll(() => database.close());
  afterEach(() => useKeyRing(testRing));

  const db = () => database.db;

  /** Every table whose rows, as text, contain the value (as the owner, no row-level security). */
  async function tablesContaining(value: string): Promise<string[]> {
    const tables = rowsOf(
      await db().execute(
        sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
      ),
      z.object({ tablename: z.string() }),
    );
    const found: string[] = [];
    for (const { tablename } of tables) {
      const hit = await db().execute(
        sql`select 1 from ${sql.identifier(tablename)} t where strpos(t::text, ${value}) > 0 limit 1`,
      );
      if (rowsOf(hit, z.unknown()).length > 0) found.push(tablename);
    }
    return found;
  }

  const storedPatientIds = async () =>
    rowsOf(
      await db().execute(
        sql`select answers->>'patientId' as p from cases where answers ? 'patientId'`,
      ),
      z.object({ p: z.string() }),
    ).map((r) => r.p);

  it('stores only ciphertext, and the app still sees the plaintext', async () => {
    const draft = await createDraft(db(), hbe.applicant, {
      ...completeAnswers,
      patientId: TEST_PATIENT_IDS[2],
    });
    const saved = await saveAnswers(db(), hbe.applicant, draft.id, {
      patientId: { base: TEST_PATIENT_IDS[2], value: TEST_PATIENT_IDS[3] },
    });
    expect(saved.applied).toEqual(['patientId']);
    expect(saved.answers.patientId).toBe(TEST_PATIENT_IDS[3]);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: saved.version,
      event: 'submit',
    });
    expect((await getCase(db(), hbe.endorser, draft.id)).answers.patientId).toBe(
      TEST_PATIENT_IDS[3],
    );
    expect(await tablesContaining(TEST_PATIENT_IDS[2])).toEqual([]);
    expect(await tablesContaining(TEST_PATIENT_IDS[3])).toEqual([]);
    expect((await storedPatientIds()).every((p) => p.startsWith('enc:v1:test:'))).toBe(true);
  });

  it('rotates: written with k1, re-encrypted with k2, k1 removed, everything still reads', async () => {
    useKeyRing(parseKeyRing(K1));
    const first = await createDraft(db(), hbe.applicant, completeAnswers);
    const second = await createDraft(db(), hbe.applicant, {
      ...completeAnswers,
      patientId: TEST_PATIENT_IDS[1],
    });
    const before = await storedPatientIds();
    expect(before.some((p) => envelopeKeyId(p) === 'k1')).toBe(true);

    const ring = parseKeyRing(`${K2},${K1},${testRingText()}`);
    useKeyRing(ring);
    const result = await rotatePatientIds(db(), ring);
    expect(result.rewritten).toBe(before.length);
    expect((await rotatePatientIds(db(), ring)).rewritten).toBe(0);

    useKeyRing(parseKeyRing(K2));
    expect((await storedPatientIds()).map(envelopeKeyId).every((id) => id === 'k2')).toBe(true);
    expect((await getCase(db(), hbe.applicant, first.id)).answers.patientId).toBe(
      completeAnswers.patientId,
    );
    expect((await getCase(db(), hbe.applicant, second.id)).answers.patientId).toBe(
      TEST_PATIENT_IDS[1],
    );
  });

  /** The tests' own key, so that the rotation also covers rows the first test wrote. */
  function testRingText() {
    return `test:${testRing.keys.get('test')?.toString('base64') ?? ''}`;
  }
});
