import { createHash } from 'node:crypto';
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
} from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.server';
import {
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
  mapEntry,
  parseHentetDato,
  type FestKind,
  type FestRecord,
  type ImportCounts,
  type ResolvedSubstance,
} from './domain/m30';
import { searchText } from './domain/search';
import { M30Reader } from './m30-reader.server';

const TABLES = {
  product: festProducts,
  package: festPackages,
  substance: festSubstances,
  strength: festStrengths,
  refundGroup: festRefundGroups,
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
  const now = new Date();
  const counts = emptyCounts();
  const pending = new Map<FestKind, Map<string, FestRecord>>(FEST_KINDS.map((k) => [k, new Map()]));
  const reader = new M30Reader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let checked = false;

  // One batch is written while the parser reads on: the database works (on PostgreSQL, in its
  // own process) while the next batch is parsed. A failed write stops the import at the next chunk.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const settle = async () => {
    await writing;
    if (failure) throw failure.error;
  };
  const drain = async (all: boolean) => {
    for (const entry of reader.take()) {
      for (const record of mapEntry(entry)) pending.get(record.kind)?.set(record.id, record);
    }
    if (!checked && reader.hentetDato !== null) {
      checked = true;
      if (options.skipIfNotNewer && (await hasNewerOrSame(tx, reader.hentetDato))) {
        throw new NotNewer(reader.hentetDato);
      }
    }
    for (const [kind, records] of pending) {
      if (records.size === 0 || (!all && records.size < batchSize)) continue;
      await settle();
      const batch = [...records.values()];
      records.clear();
      writing = writeBatch(tx, kind, batch, { importId, now }, counts[kind]).catch(
        (error: unknown) => {
          failure = { error };
        },
      );
    }
    if (all) await settle();
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
  } finally {
    // Never leave a write running on the transaction when the import stops early.
    await writing;
  }

  const hentetDato = reader.hentetDato ?? '';
  if (!options.partial) {
    const products = counts.product;
    if (products.added + products.changed + products.unchanged + products.restored === 0) {
      throw new Error('The extract has no products: refusing to withdraw every product');
    }
    for (const kind of FEST_KINDS)
      counts[kind].withdrawn = await withdrawMissing(tx, kind, importId, now);
  }
  await deriveProductSearch(tx, batchSize);
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

/** A table row built from a record: its content plus the bookkeeping columns. */
type TrackedRow = FestRecord['data'] & {
  id: string;
  festChangedAt: string | null;
  contentHash: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  changedAt: Date;
  lastSeenImportId: number;
  withdrawnAt: null;
};

interface RunContext {
  importId: number;
  now: Date;
}

const hashOf = (record: FestRecord) =>
  createHash('sha256')
    .update(JSON.stringify([record.festChangedAt, record.data]))
    .digest('hex');

/** Inserts new entries, updates changed or returning ones, and marks the rest as seen. */
async function writeBatch(
  tx: Tx,
  kind: FestKind,
  records: FestRecord[],
  run: RunContext,
  counts: ImportCounts[FestKind],
): Promise<void> {
  const table: TrackedTable = TABLES[kind];
  const existing = new Map(
    (
      await tx
        .select({
          id: table.id,
          contentHash: table.contentHash,
          changedAt: table.changedAt,
          withdrawnAt: table.withdrawnAt,
        })
        .from(table)
        .where(
          inIds(
            table,
            records.map((r) => r.id),
          ),
        )
    ).map((row) => [row.id, row]),
  );

  const rows: TrackedRow[] = [];
  const unchanged: string[] = [];
  for (const record of records) {
    const contentHash = hashOf(record);
    const before = existing.get(record.id);
    const changed = before !== undefined && before.contentHash !== contentHash;
    if (!before) counts.added++;
    else if (changed) counts.changed++;
    if (before?.withdrawnAt) counts.restored++;
    if (before && !changed && !before.withdrawnAt) {
      counts.unchanged++;
      unchanged.push(record.id);
      continue;
    }
    rows.push({
      id: record.id,
      festChangedAt: record.festChangedAt,
      ...record.data,
      contentHash,
      firstSeenAt: run.now,
      lastSeenAt: run.now,
      changedAt: before && !changed ? before.changedAt : run.now,
      lastSeenImportId: run.importId,
      withdrawnAt: null,
    });
  }
  if (rows.length) await upsert(tx, table, rows);
  if (unchanged.length) {
    await tx
      .update(table)
      .set({ lastSeenAt: run.now, lastSeenImportId: run.importId })
      .where(inIds(table, unchanged));
  }
}

/** Columns an update never touches: the key, the first sighting, and what is derived later. */
const KEEP_ON_UPDATE = new Set(['id', 'firstSeenAt', 'substances', 'searchText']);

/** `id in (…)` with the ids as one JSON parameter, however many (not one parameter per id). */
const inIds = (table: TrackedTable, ids: string[]) =>
  sql`${table.id} in (select json_array_elements_text(${JSON.stringify(ids)}::json))`;

/**
 * Inserts or updates a batch as one statement with one parameter: the rows as a JSON array, read
 * back with `json_to_recordset` into the table's own column types. Building a statement with a
 * parameter per value costs more than the database's work on it (tens of thousands of parameters).
 */
async function upsert(tx: Tx, table: TrackedTable, rows: TrackedRow[]) {
  const first = rows[0];
  if (!first) return;
  const columns = Object.entries<Column>(getTableColumns(table)).filter(([key]) => key in first);
  const json = JSON.stringify(
    rows.map((row) => {
      const values: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value: unknown = row[key as keyof TrackedRow];
        values[column.name] = value instanceof Date ? value.toISOString() : value;
      }
      return values;
    }),
  );
  const name = (column: Column) => sql.identifier(column.name);
  const list = sql.join(
    columns.map(([, column]) => name(column)),
    sql`, `,
  );
  const types = sql.join(
    columns.map(([, column]) => sql`${name(column)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  const set = sql.join(
    columns
      .filter(([key]) => !KEEP_ON_UPDATE.has(key))
      .map(([, column]) => sql`${name(column)} = excluded.${name(column)}`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ${table} (${list})
    select ${list} from json_to_recordset(${json}::json) as r(${types})
    on conflict (id) do update set ${set}`);
}

/** Marks entries this full extract did not have as withdrawn; returns how many. */
async function withdrawMissing(tx: Tx, kind: FestKind, importId: number, now: Date) {
  const table: TrackedTable = TABLES[kind];
  const missing = and(isNull(table.withdrawnAt), ne(table.lastSeenImportId, importId));
  const [row] = await tx.select({ n: count() }).from(table).where(missing);
  if (row?.n) await tx.update(table).set({ withdrawnAt: now }).where(missing);
  return row?.n ?? 0;
}

/**
 * Resolves each product's substances and strengths (RefVirkestoffMedStyrke → VirkestoffMedStyrke
 * → Virkestoff) and its search text, page by page, writing only what differs.
 */
async function deriveProductSearch(tx: Tx, pageSize: number): Promise<void> {
  let after = '';
  for (;;) {
    const page = await tx
      .select({
        id: festProducts.id,
        name: festProducts.name,
        brand: festProducts.brand,
        atcCode: festProducts.atcCode,
        atcName: festProducts.atcName,
        substances: festProducts.substances,
        searchText: festProducts.searchText,
        resolved: sql<ResolvedSubstance[]>`coalesce((
          select json_agg(json_build_object(
            'name', s.name, 'amount', st.amount, 'unit', st.unit,
            'perAmount', st.per_amount, 'perUnit', st.per_unit) order by r.ord)
          from unnest(${festProducts.strengthIds}) with ordinality as r(id, ord)
          join ${festStrengths} st on st.id = r.id
          left join ${festSubstances} s on s.id = st.substance_id), '[]'::json)`,
      })
      .from(festProducts)
      .where(gt(festProducts.id, after))
      .orderBy(asc(festProducts.id))
      .limit(pageSize);
    const last = page.at(-1);
    if (!last) return;
    after = last.id;

    const updates = page.flatMap((p) => {
      const substances = p.resolved;
      const text = searchText({
        ...p,
        substances: substances.map((s) => s.name).filter((n): n is string => n !== null),
      });
      const same = text === p.searchText && canonical(substances) === canonical(p.substances);
      return same ? [] : [{ id: p.id, substances, search_text: text }];
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
