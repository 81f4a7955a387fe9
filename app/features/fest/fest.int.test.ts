import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, type Database } from '../../db/database.server';
import {
  festAtcCodes,
  festHistory,
  festImports,
  festPackages,
  festProducts,
  festSubstances,
} from '../../db/schema';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { totalCounts } from './domain/m30';
import { hasImportedFrom, importFest } from './fest-import.server';
import { getDrugFacts, resolveDrugChoice, searchDrugs } from './fest.server';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../fixtures/fest/${name}`, import.meta.url));
const MINI_2017 = fixture('fest-mini-2017.xml.gz');
const UTDRAG_2026 = fixture('fest-utdrag-2026.xml');
const ATC_KODEVERK = fixture('fest-atc-kodeverk.xml');
const XML_2017 = gunzipSync(readFileSync(MINI_2017)).toString('utf8');

// Real values looked up in the fixtures.
const CERTICAN = 'ID_F2CEF840-A295-4A7A-9CCD-5873D846C3BD'; // Certican Disperg tab 0,1 mg
const CITALOPRAM_SANDOZ = 'ID_5D1C6B9C-1E69-4055-9997-7D27238F0B97'; // 2 of 5 packs deregistered 2017-01-18
const PACLITAXEL = 'ID_191132A7-4927-4D3E-B97A-A587C5EED614'; // its one pack unavailable since 2017-02-01
const DOXYLIN = 'ID_0CF493A8-EEA1-4A00-A8BD-53DA6A7B1C05'; // no packs
const HERCEPTIN_150 = 'ID_AFD64EE0-2847-4BCD-8D74-6C062D90FEC0'; // H-resept
const THYREOID = 'ID_949CEEE2-6307-4CE8-84BB-4C526572E0BD'; // Preparattype 11
const ABCUR_50 = 'ID_012C7C0D-77BC-4F3D-BEBE-663743B03C1F'; // Amitriptylin Abcur tab 50 mg
const ROSEMONT = 'ID_03F15B1E-64C6-4FC8-BEE5-A803D981C65D'; // Preparattype 11 mixture
const KODIMAGNYL = 'ID_000A27B8-3930-4264-80F9-CDB14C895662';

const TODAY = '2026-11-22';

const scratch = mkdtempSync(join(tmpdir(), 'fest-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a variant of the 2017 extract to a scratch file. */
function variant(name: string, change: (xml: string) => string): string {
  const path = join(scratch, name);
  writeFileSync(path, change(XML_2017));
  return path;
}

/** Keeps only the first product entry: a "newer full extract" without the other 74. */
const onlyFirstProduct = (xml: string) => {
  let seen = 0;
  return xml.replace(/<OppfLegemiddelMerkevare>[\s\S]*?<\/OppfLegemiddelMerkevare>/g, (entry) =>
    seen++ === 0 ? entry : '',
  );
};

describe.each(TEST_DATABASES)('FEST import on %s', (kind) => {
  let database: Database;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind, false);
  });
  afterAll(() => database.close());

  const countRows = async (table: typeof festProducts | typeof festPackages) => {
    const [row] = await db().select({ n: count() }).from(table);
    return row?.n;
  };
  const historyOf = (entryId: string) =>
    db()
      .select({ kind: festHistory.kind, importId: festHistory.importId, entry: festHistory.entry })
      .from(festHistory)
      .where(eq(festHistory.entryId, entryId))
      .orderBy(asc(festHistory.id));
  const withdrawnProducts = async () => {
    const rows = await db()
      .select({ id: festProducts.id, withdrawnAt: festProducts.withdrawnAt })
      .from(festProducts);
    return rows.filter((r) => r.withdrawnAt !== null).length;
  };

  it('imports the 2017 extract (gzip, mixed namespaces): every entry, and records the run', async () => {
    const progress: number[] = [];
    const result = await importFest(db(), MINI_2017, {
      onProgress: (p) => progress.push(p.bytesRead),
    });
    expect(result.status).toBe('succeeded');
    expect(result.hentetDato).toBe('2017-04-12T18:26:27.336Z');
    expect(result.counts.product.added).toBe(75);
    expect(result.counts.package.added).toBe(107);
    expect(result.counts.substance.added).toBe(71);
    expect(result.counts.strength.added).toBe(55);
    expect(result.counts.refundGroup.added).toBe(26);
    expect(progress.at(-1)).toBe(84_766);

    const [run] = await db().select().from(festImports).where(eq(festImports.id, result.importId));
    expect(run).toMatchObject({
      status: 'succeeded',
      hentetDato: '2017-04-12T18:26:27.336Z',
      bytesRead: 84_766,
      source: MINI_2017,
    });
    expect(run?.hentetAt?.toISOString()).toBe('2017-04-12T18:26:27.336Z');
    expect(run?.finishedAt).not.toBeNull();
    expect(run?.counts?.product.added).toBe(75);
  });

  it('has the real values: ATC, form, strength, AUP, SPC link, blue-prescription refund', async () => {
    const facts = await getDrugFacts(db(), CERTICAN, TODAY);
    expect(facts).toMatchObject({
      name: 'Certican Disperg tab 0,1 mg',
      brand: 'Certican',
      atc: { code: 'L04AA18', name: 'Everolimus' },
      form: { code: '5', name: 'Dispergerbar tablett' },
      substances: [{ name: 'Everolimus', strength: '0,1 mg' }],
      preparattype: { code: '7', name: 'Legemiddel' },
      requiresExemption: false,
      reseptgruppe: 'C',
      marketingStatus: 'marketed',
      withdrawnAt: null,
      packages: [{ varenr: '014884', packSize: '60 stk', marketed: true, aup: 688.8 }],
      cheapestAup: { amount: 688.8, varenr: '014884' },
      spcUrl: 'https://www.legemiddelsok.no/_layouts/15/Preparatomtaler/Spc/03-2079.pdf',
      felleskatalogenUrl: 'https://www.felleskatalogen.no/medisin/sok?sokord=Certican',
      refund: { bluePrescription: true, hPrescription: false },
    });
    expect(facts?.refund.groups[0]).toMatchObject({
      groupNumber: 'L04AA18_1',
      basisName: '§5-14 §2',
    });
  });

  it('tells H-resept, Preparattype 11, and what is on the market', async () => {
    const [herceptin, thyreoid, citalopram, paclitaxel, doxylin] = await Promise.all([
      getDrugFacts(db(), HERCEPTIN_150, TODAY),
      getDrugFacts(db(), THYREOID, TODAY),
      getDrugFacts(db(), CITALOPRAM_SANDOZ, TODAY),
      getDrugFacts(db(), PACLITAXEL, TODAY),
      getDrugFacts(db(), DOXYLIN, TODAY),
    ]);
    expect(herceptin?.refund).toMatchObject({ hPrescription: true, bluePrescription: false });
    expect(thyreoid).toMatchObject({
      name: 'Thyreoid glostrup Tab 60 mg',
      requiresExemption: true,
      preparattype: { code: '11', name: 'Krever godkj. Fritak' },
      typeSoknadSlv: { code: '2' },
    });
    expect(citalopram?.marketingStatus).toBe('marketed');
    expect(
      citalopram?.packages
        .filter((p) => !p.marketed)
        .map((p) => p.varenr)
        .sort(),
    ).toEqual(['022113', '022175']);
    expect(paclitaxel?.marketingStatus).toBe('notMarketed');
    expect(doxylin).toMatchObject({
      marketingStatus: 'notMarketed',
      packages: [],
      cheapestAup: null,
    });
    expect(await getDrugFacts(db(), 'ID_NOT_THERE')).toBeNull();
  });

  it('is idempotent: the same extract again adds and changes nothing', async () => {
    const before = await db().select().from(festProducts).where(eq(festProducts.id, CERTICAN));
    const result = await importFest(db(), MINI_2017);
    expect(totalCounts(result.counts)).toEqual({
      added: 0,
      changed: 0,
      unchanged: 75 + 107 + 71 + 55 + 26,
      withdrawn: 0,
      restored: 0,
    });
    const [after] = await db().select().from(festProducts).where(eq(festProducts.id, CERTICAN));
    expect(after?.contentHash).toBe(before[0]?.contentHash);
    expect(after?.changedAt).toEqual(before[0]?.changedAt);
    expect(after?.firstSeenAt).toEqual(before[0]?.firstSeenAt);
    expect(after?.lastSeenImportId).toBe(result.importId);
    expect(await countRows(festProducts)).toBe(75);
    expect(await countRows(festPackages)).toBe(107);
    // Nothing changed, so nothing was kept as history.
    expect(await historyOf(CERTICAN)).toEqual([]);
    expect((await db().select({ n: count() }).from(festHistory))[0]?.n).toBe(0);
  });

  it('detects a changed entry by its content, and keeps the version it replaced', async () => {
    const changed = variant('changed.xml', (xml) =>
      xml.replace('Spc/03-2079.pdf', 'Spc/03-2079-oppdatert.pdf'),
    );
    const result = await importFest(db(), changed);
    expect(result.counts.product).toMatchObject({ changed: 1, unchanged: 74, added: 0 });
    expect((await getDrugFacts(db(), CERTICAN))?.spcUrl).toMatch(/03-2079-oppdatert\.pdf$/);
    const back = await importFest(db(), MINI_2017);
    expect(back.counts.product).toMatchObject({ changed: 1, unchanged: 74 });
    // Each change kept the row as it was, under the import that replaced it.
    const history = await historyOf(CERTICAN);
    expect(history.map((h) => [h.kind, h.importId])).toEqual([
      ['product', result.importId],
      ['product', back.importId],
    ]);
    expect(history[0]?.entry.spc_url).toMatch(/03-2079\.pdf$/);
    expect(history[1]?.entry.spc_url).toMatch(/03-2079-oppdatert\.pdf$/);
    expect(history[1]?.entry.content_hash).not.toBe(history[0]?.entry.content_hash);
    expect((await db().select({ n: count() }).from(festHistory))[0]?.n).toBe(2);
  });

  it('withdraws what a newer full extract lacks (never deletes), and restores it when it returns', async () => {
    const smaller = variant('smaller.xml', onlyFirstProduct);
    const result = await importFest(db(), smaller);
    expect(result.counts.product).toMatchObject({ unchanged: 1, withdrawn: 74 });
    expect(result.counts.package.withdrawn).toBe(0);
    expect(await countRows(festProducts)).toBe(75);
    expect(await withdrawnProducts()).toBe(74);
    const thyreoid = await getDrugFacts(db(), THYREOID, TODAY);
    expect(thyreoid?.marketingStatus).toBe('withdrawn');
    expect(thyreoid?.withdrawnAt).not.toBeNull();
    expect(thyreoid?.name).toBe('Thyreoid glostrup Tab 60 mg');

    const again = await importFest(db(), MINI_2017);
    expect(again.counts.product).toMatchObject({ restored: 74, withdrawn: 0, added: 0 });
    expect(await withdrawnProducts()).toBe(0);
    // The withdrawn time is kept: the restored entries' history rows have it.
    const restored = await db()
      .select({ entry: festHistory.entry })
      .from(festHistory)
      .where(and(eq(festHistory.importId, again.importId), eq(festHistory.kind, 'product')));
    expect(restored).toHaveLength(74);
    expect(restored.every((r) => typeof r.entry.withdrawn_at === 'string')).toBe(true);
    expect(await historyOf(THYREOID)).toEqual([
      expect.objectContaining({ kind: 'product', importId: again.importId }),
    ]);
    expect((await getDrugFacts(db(), THYREOID, TODAY))?.marketingStatus).toBe('marketed');
  });

  it('a partial extract adds and updates but withdraws nothing', async () => {
    const result = await importFest(db(), variant('partial.xml', onlyFirstProduct), {
      partial: true,
    });
    expect(result.counts.product.withdrawn).toBe(0);
    expect(await withdrawnProducts()).toBe(0);
  });

  it('skips an extract that is not newer than what it has, when asked to', async () => {
    const result = await importFest(db(), MINI_2017, { skipIfNotNewer: true });
    expect(result.status).toBe('skipped');
    const [run] = await db().select().from(festImports).orderBy(desc(festImports.id)).limit(1);
    expect(run).toMatchObject({ status: 'skipped', hentetDato: '2017-04-12T18:26:27.336Z' });
  });

  it('records a failed import and changes nothing', async () => {
    const broken = variant('broken.xml', (xml) => xml.slice(0, 400_000));
    await expect(importFest(db(), broken)).rejects.toThrow();
    const empty = variant('empty.xml', (xml) =>
      xml.replace(/<OppfLegemiddelMerkevare>[\s\S]*<\/OppfLegemiddelMerkevare>/, ''),
    );
    await expect(importFest(db(), empty)).rejects.toThrow(/no products/);
    // The reader's own error is the import's, and is recorded as it was thrown.
    const other = variant('other.xml', () => '<?xml version="1.0"?><Annet><FEST/></Annet>');
    await expect(importFest(db(), other)).rejects.toThrow(
      'Not a FEST extract: the root element is Annet',
    );
    const runs = await db().select().from(festImports).orderBy(desc(festImports.id)).limit(3);
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(runs[0]?.error).toBe('Error: Not a FEST extract: the root element is Annet');
    expect(runs[2]?.error).toMatch(/Error/);
    expect(await withdrawnProducts()).toBe(0);
  });

  it('imports from an http URL, and names the source without its query', async () => {
    const server: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(readFileSync(MINI_2017));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await importFest(db(), `http://127.0.0.1:${port}/fest.xml.gz?token=secret`);
      expect(totalCounts(result.counts)).toMatchObject({ added: 0, changed: 0, withdrawn: 0 });
      const [run] = await db()
        .select()
        .from(festImports)
        .where(eq(festImports.id, result.importId));
      expect(run?.source).toBe(`http://127.0.0.1:${port}/fest.xml.gz`);
      expect(await hasImportedFrom(db(), `http://127.0.0.1:${port}/fest.xml.gz?token=other`)).toBe(
        true,
      );
      expect(await hasImportedFrom(db(), `http://127.0.0.1:${port}/annen.xml.gz`)).toBe(false);
      expect(run?.bytesRead).toBe(84_766);
    } finally {
      server.close();
    }
  });

  it('then imports the 2026 excerpt (m30 default namespace, catalogues out of order)', async () => {
    const result = await importFest(db(), UTDRAG_2026);
    expect(result.hentetDato).toBe('2026-09-08T03:09:06');
    expect(result.counts.product).toMatchObject({ added: 12, withdrawn: 75 });
    expect(result.counts.substance.added + result.counts.substance.unchanged).toBe(5);
    expect(result.counts.strength.added).toBe(9);

    const abcur = await getDrugFacts(db(), ABCUR_50, TODAY);
    expect(abcur).toMatchObject({
      name: 'Amitriptylin Abcur tab 50 mg',
      atc: { code: 'N06AA09', name: 'Amitriptylin' },
      form: { name: 'Tablett', description: 'Tablett, filmdrasjert' },
      strength: '50 mg',
      marketingStatus: 'marketed',
      cheapestAup: { amount: 225.6, varenr: '529377' },
      spcUrl: 'https://produktinformasjon.legemiddelsok.no/preparatomtaler/16-11420.pdf',
      felleskatalogenUrl: 'https://www.felleskatalogen.no/medisin/sok?sokord=Amitriptylin%20Abcur',
    });
    const kodimagnyl = await getDrugFacts(db(), KODIMAGNYL, TODAY);
    expect(kodimagnyl?.substances).toHaveLength(3);
    expect(kodimagnyl?.strength).toBe('9,6 mg + 500 mg + 150 mg');
    const rosemont = await getDrugFacts(db(), ROSEMONT, TODAY);
    expect(rosemont).toMatchObject({
      requiresExemption: true,
      strength: '50 mg/5 ml',
      cheapestAup: null,
    });
    // The 2017 products stay, withdrawn, for old cases.
    expect((await getDrugFacts(db(), CERTICAN, TODAY))?.marketingStatus).toBe('withdrawn');
  });

  it('searches by name, substance and ATC code: best matches first, withdrawn last', async () => {
    const names = async (query: string, limit = 20) =>
      (await searchDrugs(db(), query, limit, TODAY)).map((h) => h.name);

    expect(await names('sarotex')).toEqual(['Sarotex tab 10 mg', 'Sarotex tab 25 mg']);
    expect((await names('abcur 50'))[0]).toBe('Amitriptylin Abcur tab 50 mg');
    expect(await names('kodein')).toEqual([
      'Kodimagnyl Ikke-stoppende dak tab 9,6 mg/500 mg/150 mg',
    ]);
    // ATC: the 11 amitriptyline products of 2026.
    expect(await names('n06aa09')).toHaveLength(11);
    // «saro» is a name prefix of Sarotex and Saroten, before nothing else.
    expect(await names('saro')).toEqual([
      'Saroten Retard depotkaps, hard 50 mg',
      'Sarotex tab 10 mg',
      'Sarotex tab 25 mg',
    ]);
    // Withdrawn 2017 products still match, after every current one.
    const mixed = await searchDrugs(db(), 'tab', 50, TODAY);
    const firstWithdrawn = mixed.findIndex((h) => h.marketingStatus === 'withdrawn');
    expect(firstWithdrawn).toBeGreaterThan(0);
    expect(mixed.slice(firstWithdrawn).every((h) => h.marketingStatus === 'withdrawn')).toBe(true);
    expect(await names('certican')).toEqual(['Certican Disperg tab 0,1 mg']);
    // Too short, or nothing.
    expect(await names('s')).toEqual([]);
    expect(await names('zzz')).toEqual([]);
    expect(await names('100%')).toEqual([]);
  });

  it('returns what the combobox shows for each hit', async () => {
    const [hit] = await searchDrugs(db(), 'rosemont', 5, TODAY);
    expect(hit).toEqual({
      id: ROSEMONT,
      name: 'Amitriptyline Hydrochloride rosemont mikst oppl 50 mg/5 ml',
      atc: { code: 'N06AA09', name: 'Amitriptylin' },
      form: 'Mikstur, oppløsning',
      strength: '50 mg/5 ml',
      substances: ['Amitriptylin'],
      marketingStatus: 'marketed',
      requiresExemption: true,
    });
  });

  it('resolves a posted choice only while the text is still the product name', async () => {
    const label = 'Amitriptylin Abcur tab 50 mg';
    expect((await resolveDrugChoice(db(), { id: ABCUR_50, label }))?.id).toBe(ABCUR_50);
    expect(await resolveDrugChoice(db(), { id: ABCUR_50, label: 'Noe annet 10 mg' })).toBeNull();
  });

  it('resolves a name typed without a choice (without JavaScript) to the one product of that name', async () => {
    const label = 'Amitriptylin Abcur tab 50 mg';
    expect((await resolveDrugChoice(db(), { id: '', label }))?.id).toBe(ABCUR_50);
    // As FEST writes it, but in other case and spacing; and an id whose name was edited away.
    const typed = '  amitriptylin ABCUR  tab 50 mg ';
    expect((await resolveDrugChoice(db(), { id: '', label: typed }))?.id).toBe(ABCUR_50);
    expect((await resolveDrugChoice(db(), { id: ROSEMONT, label }))?.id).toBe(ABCUR_50);
    // Part of a name, no product's name, or a name two products share: free text.
    expect(await resolveDrugChoice(db(), { id: '', label: 'Amitriptylin Abcur' })).toBeNull();
    expect(await resolveDrugChoice(db(), { id: '', label: 'Rituximab' })).toBeNull();
    expect(await resolveDrugChoice(db(), { id: '', label: '' })).toBeNull();
    // A parallel import: another product of the same name.
    const [abcur] = await db().select().from(festProducts).where(eq(festProducts.id, ABCUR_50));
    if (!abcur) throw new Error('The fixture lacks Amitriptylin Abcur tab 50 mg');
    const twin = `${ABCUR_50}-PARALLEL`;
    await db()
      .insert(festProducts)
      .values({ ...abcur, id: twin });
    try {
      expect(await resolveDrugChoice(db(), { id: '', label })).toBeNull();
      // Picked from the list, it is still the one picked.
      expect((await resolveDrugChoice(db(), { id: twin, label }))?.id).toBe(twin);
    } finally {
      await db().delete(festProducts).where(eq(festProducts.id, twin));
    }
  });

  it('lets the application role read FEST but not write it', async () => {
    const rows = await inApp(db(), (tx) =>
      tx
        .select({ id: festSubstances.id })
        .from(festSubstances)
        .where(isNull(festSubstances.withdrawnAt)),
    );
    expect(rows).toHaveLength(5);
    await expect(
      inApp(db(), (tx) =>
        tx.update(festProducts).set({ name: 'x' }).where(eq(festProducts.id, ABCUR_50)),
      ),
    ).rejects.toThrow();
  });

  it('derives the products again when a substance comes after they were written', async () => {
    // An empty substance catalogue before the products, so that they are written as they come
    // (in batches of 10), and the real one, with a renamed substance, after them.
    const late = variant('late-substances.xml', (xml) =>
      xml
        .replace(
          '<m30:KatLegemiddelMerkevare>',
          '<m30:KatVirkestoff></m30:KatVirkestoff><m30:KatLegemiddelMerkevare>',
        )
        .replace('<Navn>Everolimus</Navn>', '<Navn>Everolimus X</Navn>'),
    );
    const result = await importFest(db(), late, { batchSize: 10 });
    expect(result.counts.product.added + result.counts.product.restored).toBe(75);
    expect((await getDrugFacts(db(), CERTICAN, TODAY))?.substances).toEqual([
      { name: 'Everolimus X', strength: '0,1 mg' },
    ]);
    const hits = await searchDrugs(db(), 'everolimus x', 5, TODAY);
    expect(hits.map((h) => h.id)).toContain(CERTICAN);
  });

  it('imports the ATC codes of KatKodeverk (every level, no other code system), withdraws and restores them', async () => {
    const atcCodes = () =>
      db()
        .select({
          code: festAtcCodes.id,
          name: festAtcCodes.name,
          withdrawn: festAtcCodes.withdrawnAt,
        })
        .from(festAtcCodes)
        .orderBy(festAtcCodes.id);
    const first = await importFest(db(), ATC_KODEVERK);
    expect(first.counts.atcCode).toMatchObject({ added: 7, withdrawn: 0 });
    expect(await atcCodes()).toEqual([
      { code: 'L', name: 'Antineoplastiske og immunmodulerende midler', withdrawn: null },
      { code: 'L01', name: 'Antineoplastiske midler', withdrawn: null },
      { code: 'L01E', name: 'Proteinkinasehemmere', withdrawn: null },
      {
        code: 'L01F',
        name: 'Monoklonale antistoffer og antistoff-legemiddelkonjugater',
        withdrawn: null,
      },
      { code: 'L01FA', name: 'CD20-hemmere', withdrawn: null },
      { code: 'L01FA01', name: 'Rituksimab', withdrawn: null },
      { code: 'L04', name: 'Immunsuppressiver', withdrawn: null },
    ]);
    // The application role reads the codes and cannot write them.
    const read = await inApp(db(), (tx) =>
      tx.select({ name: festAtcCodes.name }).from(festAtcCodes).where(eq(festAtcCodes.id, 'L01')),
    );
    expect(read).toEqual([{ name: 'Antineoplastiske midler' }]);
    await expect(
      inApp(db(), (tx) =>
        tx.update(festAtcCodes).set({ name: 'x' }).where(eq(festAtcCodes.id, 'L')),
      ),
    ).rejects.toThrow();

    const xml = readFileSync(ATC_KODEVERK, 'utf8');
    const withoutAtc = (name: string) => {
      const path = join(scratch, name);
      writeFileSync(
        path,
        xml.replace(
          /<OppfKodeverk>(?:(?!<\/OppfKodeverk>)[\s\S])*?7180[\s\S]*?<\/OppfKodeverk>/,
          '',
        ),
      );
      return path;
    };
    const partial = await importFest(db(), withoutAtc('atc-partial.xml'), { partial: true });
    expect(partial.counts.atcCode).toMatchObject({ added: 0, unchanged: 0, withdrawn: 0 });
    const full = await importFest(db(), withoutAtc('atc-full.xml'));
    expect(full.counts.atcCode).toMatchObject({ added: 0, unchanged: 0, withdrawn: 7 });
    const withdrawn = await atcCodes();
    expect(withdrawn).toHaveLength(7);
    expect(withdrawn.every((row) => row.withdrawn !== null)).toBe(true);
    const back = await importFest(db(), ATC_KODEVERK);
    expect(back.counts.atcCode).toMatchObject({ added: 0, changed: 0, restored: 7, withdrawn: 0 });
    expect((await atcCodes()).every((row) => row.withdrawn === null)).toBe(true);
  });
});
