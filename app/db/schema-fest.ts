import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type {
  FestPrice,
  FestRefundCode,
  ImportCounts,
  ResolvedSubstance,
} from '../features/fest/domain/m30';

/**
 * FEST (M30) reference data: national, not tenant data, so no row-level security. The importer
 * (running as the database owner) writes; the application role only reads (migration `fest_grants`).
 * Rows are keyed by FEST's own inner `Id` and never deleted: an entry missing from a newer full
 * extract gets `withdrawn_at`, so old cases keep pointing at it.
 */

const tstz = (name: string) => timestamp(name, { withTimezone: true });

/** Bookkeeping every imported entity has: content hash and when it was seen. */
const tracked = () => ({
  /** `Tidspunkt` of the FEST entry: when FEST last changed it. */
  festChangedAt: text('fest_changed_at'),
  /** SHA-256 of the mapped content; a different hash means the entry changed. */
  contentHash: text('content_hash').notNull(),
  firstSeenAt: tstz('first_seen_at').notNull(),
  lastSeenAt: tstz('last_seen_at').notNull(),
  /** When the content last changed in our copy (first import counts). */
  changedAt: tstz('changed_at').notNull(),
  lastSeenImportId: integer('last_seen_import_id').notNull(),
  /** Set when a newer full extract no longer has the entry; cleared if it reappears. */
  withdrawnAt: tstz('withdrawn_at'),
});

/** One run of the importer: which extract, when, and what it changed. */
export const festImports = pgTable('fest_imports', {
  id: serial('id').primaryKey(),
  source: text('source').notNull(),
  /** `HentetDato` of the extract, as written in the file, and as an instant. */
  hentetDato: text('hentet_dato'),
  hentetAt: tstz('hentet_at'),
  /** `skipped`: an extract at least as new had been imported already. */
  status: text('status', { enum: ['running', 'succeeded', 'skipped', 'failed'] }).notNull(),
  startedAt: tstz('started_at').notNull().defaultNow(),
  finishedAt: tstz('finished_at'),
  bytesRead: integer('bytes_read'),
  /** Per entity kind: added, changed, unchanged, withdrawn, restored. */
  counts: jsonb('counts').$type<ImportCounts>(),
  error: text('error'),
});

/** LegemiddelMerkevare: one brand in one form and strength. */
export const festProducts = pgTable(
  'fest_products',
  {
    id: text('id').primaryKey(),
    /** NavnFormStyrke, e.g. «Amitriptylin Abcur tab 50 mg». */
    name: text('name').notNull(),
    /** Varenavn, e.g. «Amitriptylin Abcur». */
    brand: text('brand'),
    atcCode: text('atc_code'),
    atcName: text('atc_name'),
    formCode: text('form_code'),
    formName: text('form_name'),
    formLong: text('form_long'),
    preparattypeCode: text('preparattype_code'),
    preparattypeName: text('preparattype_name'),
    typeSoknadSlvCode: text('type_soknad_slv_code'),
    typeSoknadSlvName: text('type_soknad_slv_name'),
    reseptgruppe: text('reseptgruppe'),
    spcUrl: text('spc_url'),
    /** RefVirkestoffMedStyrke, in `Sortering` order. */
    strengthIds: text('strength_ids').array().notNull(),
    ...tracked(),
    /** Derived after each import from the references (not part of the content hash). */
    substances: jsonb('substances').$type<ResolvedSubstance[]>().notNull().default([]),
    /** Derived: normalised name, brand, substances and ATC, for search as you type. */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [index('fest_products_atc').on(t.atcCode)],
);

/** Legemiddelpakning: one pack (Varenr) of a product. */
export const festPackages = pgTable(
  'fest_packages',
  {
    id: text('id').primaryKey(),
    /** Pakningsinfo/RefLegemiddelMerkevare (the product's inner Id; may dangle). */
    productId: text('product_id'),
    varenr: text('varenr'),
    ean: text('ean'),
    name: text('name').notNull(),
    atcCode: text('atc_code'),
    preparattypeCode: text('preparattype_code'),
    /** Pakningsstr with its unit, e.g. «100 stykk». */
    packSize: text('pack_size'),
    marketedFrom: date('marketed_from'),
    deregisteredOn: date('deregistered_on'),
    unavailableFrom: date('unavailable_from'),
    prices: jsonb('prices').$type<FestPrice[]>().notNull(),
    /** Refusjon/RefRefusjonsgruppe: ids of refund groups (KatRefusjon). */
    refundGroupIds: text('refund_group_ids').array().notNull(),
    ...tracked(),
  },
  (t) => [index('fest_packages_product').on(t.productId)],
);

/** Virkestoff: an active substance. */
export const festSubstances = pgTable('fest_substances', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  nameEnglish: text('name_english'),
  ...tracked(),
});

/** VirkestoffMedStyrke: a substance at a strength, referenced by products. */
export const festStrengths = pgTable('fest_strengths', {
  id: text('id').primaryKey(),
  substanceId: text('substance_id'),
  amount: text('amount'),
  unit: text('unit'),
  perAmount: text('per_amount'),
  perUnit: text('per_unit'),
  ...tracked(),
});

/** Refusjonsgruppe inside a Refusjonshjemmel (KatRefusjon): what packages' refund refers to. */
export const festRefundGroups = pgTable('fest_refund_groups', {
  id: text('id').primaryKey(),
  basisCode: text('basis_code'),
  basisName: text('basis_name'),
  requiresDecision: boolean('requires_decision'),
  groupNumber: text('group_number'),
  atcCode: text('atc_code'),
  eligibleUse: text('eligible_use'),
  codes: jsonb('codes').$type<FestRefundCode[]>().notNull(),
  ...tracked(),
});

/**
 * An ATC code of any level (`L`, `L01`, `L01F`, `L01FA`, `L01FA01`) with its name: the `Element`s
 * of the ATC code system (OID 2.16.578.1.12.4.1.1.7180) in `KatKodeverk`. Keyed by the code (the
 * importer's record id), not the element's `Id`.
 */
export const festAtcCodes = pgTable('fest_atc_codes', {
  id: text('code').primaryKey(),
  /** The first `Term/Term`, e.g. «Proteinkinasehemmere» for L01F. */
  name: text('name'),
  ...tracked(),
});

/**
 * A FEST entry as it was before an import changed its content or brought it back after a
 * withdrawal (BRIEF: the import "keeps history"): the whole row as it was, under the import that
 * replaced it. With the current row it tells what FEST said of an entry at any time since the
 * first import. Written only by the importer, in the same statement as the change.
 */
export const festHistory = pgTable(
  'fest_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The entry's kind (`FestKind`: product, package, substance, strength, refundGroup, atcCode). */
    kind: text('kind').notNull(),
    entryId: text('entry_id').notNull(),
    /** The import that replaced this version, and when. */
    importId: integer('import_id')
      .notNull()
      .references(() => festImports.id),
    replacedAt: tstz('replaced_at').notNull(),
    /** The row as it was, by column name (`to_jsonb`), its bookkeeping included. */
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('fest_history_entry').on(t.kind, t.entryId, t.replacedAt)],
);
