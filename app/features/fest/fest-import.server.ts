import { hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  ne,
  sql,
  type Column,
  type SQL,
  type SQLChunk,
} from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import {
  festAtcCodes,
  festHistory,
  festImports,
  festPackages,
  festProducts,
  festRefundGroups,
  festStrengths,
  festSubstances,
} from '../../db/schema';
import {
  emptyCounts,
  FEST_KINDS,
  parseHentetDato,
  type FestKind,
  type FestRecord,
  type ImportCounts,
  type ProductData,
  type ResolvedSubstance,
  type StrengthData,
} from './domain/m30';
import { productSearch, type ProductSearch, type ProductSearchInput } from './domain/search';
import { M30Reader } from './m30-reader.server';

const TABLES = {
  product: festProducts,
  package: festPackages,
  substance: festSubstances,
  strength: festStrengths,
  refundGroup: festRefundGroups,
  atcCode: festAtcCodes,
} as const;
type TrackedTable = (typeof TABLES)[FestKind];

export interface FestImportProgress {
  /** Bytes read from the file or download (compressed bytes for a .gz). */
  bytesRead: number;
  totalBytes: number | null;
}

export interface FestImportOptions {
  /**
   * A partial extract only adds and updates. By default an extract is full (as FEST publishes
   * it), and entries it lacks are marked withdrawn.
   */
  partial?: boolean;
  /** Do nothing when an extract at least as new (by HentetDato) has been imported already. */
  skipIfNotNewer?: boolean;
  onProgress?: (progress: FestImportProgress) => void;
  /** Rows per statement. */
  batchSize?: number;
}

export interface FestImportResult {
  importId: number;
  status: 'succeeded' | 'skipped';
  hentetDato: string;
  counts: ImportCounts;
  bytesRead: number;
}

/** Rolls the import transaction back when the extract is not newer than what we have. */
class NotNewer extends Error {
  constructor(readonly hentetDato: string) {
    super('not newer');
  }
}

/**
 * Imports a FEST M30 extract (`.xml` or `.xml.gz`; a file path or an http(s) URL) in one
 * transaction, streaming: memory stays flat whatever the size. Idempotent: the same extract again
 * changes nothing. Entries are never deleted; those missing from a newer full extract are marked
 * withdrawn, and un-withdrawn if they come back. Runs as the database owner (like the seed).
 */
export async function importFest(
  db: Db,
  source: string,
  options: FestImportOptions = {},
): Promise<FestImportResult> {
  const [run] = await db
    .insert(festImports)
    .values({ source: describeSource(source), status: 'running' })
    .returning({ id: festImports.id });
  if (!run) throw new Error('Could not record the FEST import');
  const progress: FestImportProgress = { bytesRead: 0, totalBytes: null };
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('soknadsportal.fest-import'))`);
      const counts = await load(tx, run.id, source, options, progress);
      const result: FestImportResult = {
        importId: run.id,
        status: 'succeeded',
        hentetDato: counts.hentetDato,
        counts: counts.counts,
        bytesRead: progress.bytesRead,
      };
      await tx
        .update(festImports)
        .set({
          status: 'succeeded',
          hentetDato: counts.hentetDato,
          hentetAt: parseHentetDato(counts.hentetDato),
          finishedAt: new Date(),
          bytesRead: progress.bytesRead,
          counts: counts.counts,
        })
        .where(eq(festImports.id, run.id));
      return result;
    });
  } catch (error) {
    const skipped = error instanceof NotNewer;
    await db
      .update(festImports)
      .set({
        status: skipped ? 'skipped' : 'failed',
        hentetDato: skipped ? error.hentetDato : null,
        hentetAt: skipped ? parseHentetDato(error.hentetDato) : null,
        finishedAt: new Date(),
        bytesRead: progress.bytesRead,
        error: skipped ? null : String(error),
      })
      .where(eq(festImports.id, run.id));
    if (!skipped) throw error;
    return {
      importId: run.id,
      status: 'skipped',
      hentetDato: error.hentetDato,
      counts: emptyCounts(),
      bytesRead: progress.bytesRead,
    };
  }
}

/** Whether an extract from this source has ever been imported (or found not newer). */
export async function hasImportedFrom(db: Db, source: string): Promise<boolean> {
  const [row] = await db
    .select({ id: festImports.id })
    .from(festImports)
    .where(
      and(
        eq(festImports.source, describeSource(source)),
        inArray(festImports.status, ['succeeded', 'skipped']),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A URL without credentials or query (which may hold a token), or the file path. */
function describeSource(source: string): string {
  if (!isUrl(source)) return source;
  const url = new URL(source);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

async function load(
  tx: Tx,
  importId: number,
  source: string,
  options: FestImportOptions,
  progress: FestImportProgress,
): Promise<{ hentetDato: string; counts: ImportCounts }> {
  const batchSize = options.batchSize ?? 1000;
  const run: RunContext = { importId, now: new Date() };
  const counts = emptyCounts();
  // Rows waiting for their batch, by kind (products apart, below).
  const batches = new Map<FestKind, RowBatch>(FEST_KINDS.map((k) => [k, new RowBatch()]));
  // Products are written with their substances and search text, derived from the strengths and
  // substances they refer to, which come after them in the file (`KatVirkestoff`). So they are
  // held until that catalogue has closed (a full extract's 9,000, 41 MB into 73 MB), as their
  // row's JSON and the fields the search derives from (strings of their own: no piece of the
  // parsed text that would keep the whole chunk it was cut from alive), then written a batch at a
  // time, while the rest of the file is parsed.
  const products = new Map<string, HeldProduct>();
  const references: References = { strengths: new Map(), substances: new Map() };
  // A strength or substance read after products were written (a file out of schema order):
  // this import's products are derived again at the end.
  const order = { productsWritten: false, lateReferences: false };
  const reader = new M30Reader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const writer = new BatchWriter(tx, run, counts);
  let checked = false;

  const writeProducts = async () => {
    const held: HeldProduct[] = [];
    for (const [id, product] of products) {
      products.delete(id); // let go as it is taken
      held.push(product);
      if (held.length === batchSize) break;
    }
    // No lookup behind a write that may have failed.
    await resolveMissing(
      tx,
      held.map((p) => p.search),
      references,
      () => writer.settle(),
    );
    const derived = held.map((p) => withDerived(p.row, productSearch(p.search, references)));
    order.productsWritten = true;
    await writer.write('product', `[${derived.join(',')}]`);
  };

  const drain = async (all: boolean) => {
    if (!checked && reader.hentetDato !== null) {
      checked = true;
      if (options.skipIfNotNewer && (await hasNewerOrSame(tx, reader.hentetDato))) {
        throw new NotNewer(reader.hentetDato);
      }
    }
    for (const record of reader.take()) {
      const row = rowJson(record);
      const id = own(record.id);
      if (record.kind === 'product') {
        products.set(id, { row, search: ownSearchInput(record.data) });
        continue;
      }
      if (record.kind === 'strength') {
        const { substanceId } = record.data;
        references.strengths.set(id, { ...record.data, substanceId: ownOrNull(substanceId) });
      } else if (record.kind === 'substance') {
        references.substances.set(id, own(record.data.name));
      }
      if (order.productsWritten && (record.kind === 'strength' || record.kind === 'substance')) {
        order.lateReferences = true;
      }
      const batch = batches.get(record.kind);
      if (!batch) continue;
      // One statement cannot update a row twice: an id repeated within a batch (not in a valid
      // extract) goes into the next one.
      if (batch.has(id)) await writer.write(record.kind, batch.take());
      batch.add(id, row);
      if (batch.size >= batchSize) await writer.write(record.kind, batch.take());
    }
    if (all) {
      for (const [kind, batch] of batches) if (batch.size) await writer.write(kind, batch.take());
      while (products.size) await writeProducts();
    } else if (reader.substancesRead && products.size >= batchSize && writer.idle) {
      // A batch whenever the database has nothing else to write: the products' statements are
      // spread over the rest of the parse instead of queueing up (and stopping it) at once.
      await writeProducts();
    }
  };

  const opened = await openSource(source);
  progress.totalBytes = opened.totalBytes;
  options.onProgress?.(progress);
  const counted = countBytes(opened.chunks, (n) => {
    progress.bytesRead += n;
    options.onProgress?.(progress);
  });
  try {
    for await (const chunk of decompress(counted)) {
      reader.write(decoder.decode(chunk, { stream: true }));
      await drain(false);
    }
    reader.write(decoder.decode());
    reader.end();
    await drain(true);
    await writer.settle();
  } finally {
    // Never leave a write running on the transaction when the import stops early.
    await writer.stop();
  }

  const hentetDato = reader.hentetDato ?? '';
  if (!options.partial) {
    const product = counts.product;
    if (product.added + product.changed + product.unchanged + product.restored === 0) {
      throw new Error('The extract has no products: refusing to withdraw every product');
    }
    for (const kind of FEST_KINDS)
      counts[kind].withdrawn = await withdrawMissing(tx, kind, importId, run.now);
  }
  // Products this extract did not have (withdrawn ones, or all others in a partial extract) may
  // refer to strengths or substances it changed; so may its own, after a late reference.
  await deriveProductSearch(tx, batchSize, order.lateReferences ? null : importId, references);
  return { hentetDato, counts };
}

async function hasNewerOrSame(tx: Tx, hentetDato: string): Promise<boolean> {
  const at = parseHentetDato(hentetDato);
  if (!at) return false;
  const [row] = await tx
    .select({ id: festImports.id })
    .from(festImports)
    .where(and(eq(festImports.status, 'succeeded'), sql`${festImports.hentetAt} >= ${at}`))
    .limit(1);
  return row !== undefined;
}

/** A product read and not yet written: its row's JSON, and what its search text derives from. */
interface HeldProduct {
  row: string;
  search: ProductSearchInput;
}

/** What a product's substances and search text derive from, in strings of its own. */
const ownSearchInput = (data: ProductData): ProductSearchInput => ({
  name: own(data.name),
  brand: ownOrNull(data.brand),
  atcCode: ownOrNull(data.atcCode),
  atcName: ownOrNull(data.atcName),
  strengthIds: data.strengthIds.map(own),
});

/**
 * Strengths by id and substance names by id: this extract's, and those products refer to from
 * the database (read by `resolveMissing`).
 */
interface References {
  strengths: Map<string, StrengthData>;
  substances: Map<string, string>;
}

/**
 * Adds to the references the strengths and substances that these products refer to and the
 * references lack (they may be in the database from earlier extracts). None for the products of a
 * full extract.
 */
async function resolveMissing(
  tx: Tx,
  products: Iterable<ProductSearchInput>,
  references: References,
  beforeRead: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const strengthIds = new Set<string>();
  for (const product of products) {
    for (const id of product.strengthIds) {
      if (!references.strengths.has(id)) strengthIds.add(id);
    }
  }
  if (strengthIds.size) {
    await beforeRead();
    const rows = await tx
      .select({
        id: festStrengths.id,
        substanceId: festStrengths.substanceId,
        amount: festStrengths.amount,
        unit: festStrengths.unit,
        perAmount: festStrengths.perAmount,
        perUnit: festStrengths.perUnit,
      })
      .from(festStrengths)
      .where(inIds(festStrengths, [...strengthIds]));
    for (const { id, ...strength } of rows) references.strengths.set(id, strength);
  }
  const substanceIds = new Set<string>();
  for (const strength of references.strengths.values()) {
    const id = strength.substanceId;
    if (id !== null && !references.substances.has(id)) substanceIds.add(id);
  }
  if (substanceIds.size) {
    await beforeRead();
    const rows = await tx
      .select({ id: festSubstances.id, name: festSubstances.name })
      .from(festSubstances)
      .where(inIds(festSubstances, [...substanceIds]));
    for (const { id, name } of rows) references.substances.set(id, name);
  }
}

/**
 * A copy of a string from the parser that is kept: the parser's strings are slices of the text
 * chunk they were read from (64 kB), and one kept slice keeps its whole chunk alive.
 */
const own = (text: string) => ` ${text}`.slice(1);
const ownOrNull = (text: string | null) => (text === null ? null : own(text));

/** A product's row JSON (from `rowJson`) with its substances and search text appended. */
function withDerived(row: string, derived: ProductSearch): string {
  return `${row.slice(0, -1)},"substances":${JSON.stringify(derived.substances)},"searchText":${JSON.stringify(derived.searchText)}}`;
}

interface RunContext {
  importId: number;
  now: Date;
}

/**
 * A record as one JSON object for `json_to_recordset`: its id, `Tidspunkt` and content hash, and
 * its data's fields under their own (property) names. The content hash is the SHA-256 of
 * `[festChangedAt, data]` as JSON, built from the same serialisation.
 */
function rowJson(record: FestRecord): string {
  const data = JSON.stringify(record.data);
  const changedAt = JSON.stringify(record.festChangedAt);
  const contentHash = hash('sha256', `[${changedAt},${data}]`, 'hex');
  const fields = data.slice(1, -1);
  return `{"id":${JSON.stringify(record.id)},"festChangedAt":${changedAt},"contentHash":"${contentHash}"${fields && `,${fields}`}}`;
}

const batchCounts = z.object({
  added: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  restored: z.number(),
});

const OPEN = '['.charCodeAt(0);
const COMMA = ','.charCodeAt(0);
const CLOSE = ']'.charCodeAt(0);

/**
 * One kind's rows waiting for their batch, as the UTF-8 of their JSON array, each written in as
 * it is read: a row's string dies young, instead of waiting (promoted to the old generation, so
 * kept until a full collection) for its batch. The buffer is kept from batch to batch.
 */
class RowBatch {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private readonly ids = new Set<string>();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string, row: string): void {
    const needed = this.length + Buffer.byteLength(row) + 2; // a separator and the closing ]
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, 2 * this.buffer.length));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.buffer[this.length++] = this.ids.size ? COMMA : OPEN;
    this.length += this.buffer.write(row, this.length);
    this.ids.add(id);
  }

  /** The rows as one JSON array; the batch is empty again. */
  take(): string {
    this.buffer[this.length++] = CLOSE;
    const json = this.buffer.toString('utf8', 0, this.length);
    this.length = 0;
    this.ids.clear();
    return json;
  }
}

/** Batches sent and not yet written: the parse runs at most this far ahead of the database. */
const IN_FLIGHT = 3;

/**
 * Writes batches one statement each, in order, while the caller goes on parsing (on PostgreSQL
 * the database works in its own process meanwhile). Up to `IN_FLIGHT` batches are queued, each
 * sent when the one before it is done; `write` waits for the oldest beyond that, so memory stays
 * flat whatever the file.
 * A failed write is thrown by the next `write` or `settle`.
 */
class BatchWriter {
  private readonly inFlight: Promise<void>[] = [];
  /** Batches sent or queued whose statement has not finished. */
  private pending = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly tx: Tx,
    private readonly run: RunContext,
    private readonly counts: ImportCounts,
  ) {}

  /** Writes a batch: its rows as one JSON array. */
  async write(kind: FestKind, json: string): Promise<void> {
    while (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    if (this.failure) throw this.failure.error;
    const counts = this.counts[kind];
    // One after the other on the connection, each sent as the one before it is done.
    const previous = this.inFlight.at(-1) ?? Promise.resolve();
    const written = previous
      .then(async () => {
        if (this.failure) return;
        const result = await this.tx.execute(upsertStatement(kind, json, this.run));
        const [row] = rowsOf(result, batchCounts);
        if (!row) throw new Error('The FEST batch returned no counts');
        counts.added += row.added;
        counts.changed += row.changed;
        counts.unchanged += row.unchanged;
        counts.restored += row.restored;
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.pending--);
    this.pending++;
    this.inFlight.push(written);
  }

  /** Whether every batch sent so far has been written. */
  get idle(): boolean {
    return this.pending === 0;
  }

  async settle(): Promise<void> {
    await this.stop();
    if (this.failure) throw this.failure.error;
  }

  /** Waits for the writes in flight, whatever their outcome. */
  async stop(): Promise<void> {
    while (this.inFlight.length) await this.inFlight.shift();
  }
}

/** Set from the run on every row written: when it was seen, and by which import. */
const RUN_COLUMNS = new Set([
  'firstSeenAt',
  'lastSeenAt',
  'changedAt',
  'lastSeenImportId',
  'withdrawnAt',
]);

/**
 * Inserts new entries and updates the others (their content, when last seen, withdrawn no more;
 * `changed_at` only when the content hash differs), as one statement with the rows as one JSON
 * parameter read back with `json_to_recordset` into the table's own column types. An entry whose
 * content changed, or that comes back after a withdrawal, is first kept in `fest_history` as it
 * was (the whole row). It returns how many rows were added, changed, unchanged and restored:
 * every part of the statement sees the table as it was before it, not what `written` does to it.
 */
function upsertStatement(kind: FestKind, json: string, run: RunContext): SQL {
  const table: TrackedTable = TABLES[kind];
  const columns = Object.entries<Column>(getTableColumns(table)).filter(
    ([key]) => !RUN_COLUMNS.has(key),
  );
  const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);
  const name = (column: Column) => sql.identifier(column.name);
  // The key is `id` in the rows, whatever the table's column is called (`code` for ATC codes).
  const key = name(table.id);
  const now = sql`${run.now.toISOString()}::timestamptz`;
  return sql`
    with r as (
      select * from json_to_recordset(${json}::json)
        as r(${list(columns.map(([key, column]) => sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`))})
    ),
    prior as (
      select p, r."contentHash" as new_hash from r join ${table} as p on p.${key} = r.id
    ),
    archived as (
      insert into ${festHistory} (kind, entry_id, import_id, replaced_at, entry)
      select ${kind}, (prior.p).${key}, ${run.importId}::integer, ${now}, to_jsonb(prior.p)
      from prior
      where (prior.p).content_hash <> prior.new_hash or (prior.p).withdrawn_at is not null
    ),
    written as (
      insert into ${table} as t (${list(columns.map(([, column]) => name(column)))},
        first_seen_at, last_seen_at, changed_at, last_seen_import_id, withdrawn_at)
      select ${list(columns.map(([key]) => sql`r.${sql.identifier(key)}`))},
        ${now}, ${now}, ${now}, ${run.importId}::integer, null
      from r
      on conflict (${key}) do update set
        ${list(
          columns
            .filter(([key]) => key !== 'id')
            .map(([, column]) => sql`${name(column)} = excluded.${name(column)}`),
        )},
        last_seen_at = excluded.last_seen_at,
        last_seen_import_id = excluded.last_seen_import_id,
        withdrawn_at = null,
        changed_at = case when t.content_hash = excluded.content_hash
          then t.changed_at else excluded.changed_at end
    )
    select
      (select count(*) from r)::integer - count(*)::integer as added,
      count(*) filter (where (p).content_hash <> new_hash)::integer as changed,
      count(*) filter (where (p).content_hash = new_hash and (p).withdrawn_at is null)::integer
        as unchanged,
      count(*) filter (where (p).withdrawn_at is not null)::integer as restored
    from prior`;
}

/** `id in (…)` with the ids as one JSON parameter, however many (not one parameter per id). */
const inIds = (table: TrackedTable, ids: string[]) =>
  sql`${table.id} in (select json_array_elements_text(${JSON.stringify(ids)}::json))`;

/** Marks entries this full extract did not have as withdrawn; returns how many. */
async function withdrawMissing(tx: Tx, kind: FestKind, importId: number, now: Date) {
  const table: TrackedTable = TABLES[kind];
  const missing = and(isNull(table.withdrawnAt), ne(table.lastSeenImportId, importId));
  const [row] = await tx.select({ n: count() }).from(table).where(missing);
  if (row?.n) await tx.update(table).set({ withdrawnAt: now }).where(missing);
  return row?.n ?? 0;
}

/**
 * Derives the substances and search text of the products the import `except` did not write
 * (withdrawn ones, or the rest of the register for a partial extract: their strengths or
 * substances may have changed; all products when `except` is null), page by page, with the same
 * `productSearch` as the products it wrote, and writes only what differs.
 */
async function deriveProductSearch(
  tx: Tx,
  pageSize: number,
  except: number | null,
  references: References,
): Promise<void> {
  let after = '';
  for (;;) {
    const page = await tx
      .select({
        id: festProducts.id,
        name: festProducts.name,
        brand: festProducts.brand,
        atcCode: festProducts.atcCode,
        atcName: festProducts.atcName,
        strengthIds: festProducts.strengthIds,
        substances: festProducts.substances,
        searchText: festProducts.searchText,
      })
      .from(festProducts)
      .where(
        and(
          gt(festProducts.id, after),
          except === null ? undefined : ne(festProducts.lastSeenImportId, except),
        ),
      )
      .orderBy(asc(festProducts.id))
      .limit(pageSize);
    const last = page.at(-1);
    if (!last) return;
    after = last.id;

    await resolveMissing(tx, page, references);
    const updates = page.flatMap((p) => {
      const { substances, searchText } = productSearch(p, references);
      const same = searchText === p.searchText && canonical(substances) === canonical(p.substances);
      return same ? [] : [{ id: p.id, substances, search_text: searchText }];
    });
    if (updates.length) {
      await tx.execute(sql`
        update ${festProducts} as p set substances = v.substances, search_text = v.search_text
        from json_to_recordset(${JSON.stringify(updates)}::json)
          as v(id text, substances jsonb, search_text text)
        where p.id = v.id`);
    }
  }
}

/** Compares substance lists whatever key order jsonb gave them. */
const canonical = (substances: ResolvedSubstance[]) =>
  JSON.stringify(substances.map((s) => [s.name, s.amount, s.unit, s.perAmount, s.perUnit]));

interface OpenedSource {
  chunks: AsyncIterable<Uint8Array>;
  totalBytes: number | null;
}

async function openSource(source: string): Promise<OpenedSource> {
  if (isUrl(source)) {
    const response = await fetch(source);
    if (!response.ok || !response.body) {
      throw new Error(
        `FEST download failed: HTTP ${response.status} from ${describeSource(source)}`,
      );
    }
    const length = Number(response.headers.get('content-length'));
    return { chunks: webChunks(response.body), totalBytes: length > 0 ? length : null };
  }
  const { size } = await stat(source);
  return { chunks: createReadStream(source), totalBytes: size };
}

async function* webChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel();
  }
}

async function* countBytes(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** Gunzips when the content starts with the gzip magic bytes, whatever the name says. */
async function* decompress(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headLength += next.value.length;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const first = Buffer.concat(head);
  if (first[0] !== 0x1f || first[1] !== 0x8b) {
    yield* all();
    return;
  }
  const input = Readable.from(all());
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  yield* input.pipe(gunzip);
}
