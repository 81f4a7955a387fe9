import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../app/db/database.server';
import { festPackages, festProducts } from '../app/db/schema';
import { importFest } from '../app/features/fest/fest-import.server';
import { openTestDatabase, TEST_DATABASES } from '../app/test/databases';
import { ATC_CODE_COUNT, validateFestFile, writeFestFile } from './fest-file';

// Small, but past the 75 real products so that generated variants (v ≥ 1) are in it too.
const SMALL = { products: 120, packages: 150 };

const scratch = mkdtempSync(join(tmpdir(), 'fest-file-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = join(scratch, 'small.xml');

/** The texts of every element with this local name (any namespace prefix). */
const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('the generated FEST file', () => {
  beforeAll(async () => {
    await writeFestFile(file, { ...SMALL, seed: 7 });
  });

  it('is the same for the same seed, and differs for another', async () => {
    const again = join(scratch, 'again.xml');
    const other = join(scratch, 'other.xml');
    await writeFestFile(again, { ...SMALL, seed: 7 });
    await writeFestFile(other, { ...SMALL, seed: 8 });
    expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
    expect(readFileSync(other).equals(readFileSync(file))).toBe(false);
  });

  it('is valid against the M30 XSD', async () => {
    await expect(validateFestFile(file)).resolves.toBeUndefined();
  });

  it('has the requested entries, unique ids and references that resolve', () => {
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<LegemiddelMerkevare /g)).toHaveLength(SMALL.products);
    expect(xml.match(/<Legemiddelpakning /g)).toHaveLength(SMALL.packages);
    const ids = texts(xml, 'Id');
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    for (const ref of ['RefLegemiddelMerkevare', 'RefVirkestoffMedStyrke', 'ParentId']) {
      const refs = texts(xml, ref);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((id) => !known.has(id ?? ''))).toEqual([]);
    }
    // Variants are varied, not copies: more distinct names, package numbers and EANs than real ones.
    expect(new Set(texts(xml, 'NavnFormStyrke')).size).toBeGreaterThan(100);
    const varenr = texts(xml, 'Varenr');
    expect(new Set(varenr).size).toBe(varenr.length);
  });

  describe.each(TEST_DATABASES)('imported on %s', (kind) => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(kind, false);
    });
    afterAll(() => database.close());

    it('with the real importer: every product and package, and the ATC codes', async () => {
      const result = await importFest(database.db, file);
      expect(result.status).toBe('succeeded');
      expect(result.counts.product.added).toBe(SMALL.products);
      expect(result.counts.package.added).toBe(SMALL.packages);
      expect(result.counts.atcCode.added).toBe(ATC_CODE_COUNT);
      const [products] = await database.db.select({ n: count() }).from(festProducts);
      const [packages] = await database.db.select({ n: count() }).from(festPackages);
      expect([products?.n, packages?.n]).toEqual([SMALL.products, SMALL.packages]);
    });
  });
});
