import { and, asc, desc, eq, gt, inArray, like, or, sql } from 'drizzle-orm';
import { inApp, type Db, type Tx } from '../../db/database.server';
import {
  festHistory,
  festImports,
  festPackages,
  festProducts,
  festRefundGroups,
} from '../../db/schema';
import {
  authorisationKind,
  currentPrice,
  felleskatalogenUrl,
  formatStrength,
  formatStrengths,
  marketingStatus,
  packageIsMarketed,
  PRICE_TYPES,
  refundBasis,
  type MarketingStatus,
  type RefundBasis,
} from './domain/drug';
import { contradictedDrugName } from './domain/scheme-router';
import { containsPattern, MAX_LIMIT, normalise, rankDrugs, searchTokens } from './domain/search';
import {
  festChanges,
  takeSnapshot,
  type FestChange,
  type FestImportRef,
  type FestSnapshot,
} from './domain/snapshot';
import { dateInNorway } from '../cases/domain/dates';
import { contextOf, drugAnswer, type Answers } from '../cases/domain/questionnaire';

/** How many prefiltered rows the ranking sees at most (best database guesses first). */
const CANDIDATES = 400;

export interface CodedValue {
  code: string;
  name: string | null;
}

/** One row of search as you type. */
export interface DrugSearchHit {
  id: string;
  /** NavnFormStyrke, e.g. «Amitriptylin Abcur tab 50 mg»: also the label a choice is posted with. */
  name: string;
  atc: CodedValue | null;
  form: string | null;
  strength: string | null;
  substances: string[];
  marketingStatus: MarketingStatus;
  /** Preparattype 11: no Norwegian MT, needs a godkjenningsfritak. */
  requiresExemption: boolean;
}

export interface DrugPackage {
  id: string;
  varenr: string | null;
  packSize: string | null;
  marketed: boolean;
  /** Pharmacy retail price (AUP) in force, NOK. */
  aup: number | null;
}

export interface DrugRefundGroup {
  basis: RefundBasis;
  basisName: string | null;
  groupNumber: string | null;
  eligibleUse: string | null;
  codes: { code: string; name: string | null }[];
}

/** Everything the application form and the case page show about a drug. */
export interface DrugFacts {
  id: string;
  name: string;
  brand: string | null;
  atc: CodedValue | null;
  form: { code: string | null; name: string | null; description: string | null };
  substances: { name: string | null; strength: string | null }[];
  strength: string | null;
  preparattype: CodedValue | null;
  requiresExemption: boolean;
  typeSoknadSlv: CodedValue | null;
  reseptgruppe: string | null;
  marketingStatus: MarketingStatus;
  /** ISO timestamp when the product left FEST; null while it is there. */
  withdrawnAt: string | null;
  /** Packages by AUP, cheapest first (without a price last). */
  packages: DrugPackage[];
  cheapestAup: { amount: number; varenr: string | null; packSize: string | null } | null;
  spcUrl: string | null;
  felleskatalogenUrl: string;
  refund: { bluePrescription: boolean; hPrescription: boolean; groups: DrugRefundGroup[] };
}

const coded = (code: string | null, name: string | null): CodedValue | null =>
  code === null ? null : { code, name };

/**
 * Search as you type by product name, substance or ATC code. Products still in FEST come first,
 * then by how well they match (see `rankDrugs`); withdrawn ones last.
 */
export function searchDrugs(
  db: Db,
  query: string,
  limit = 10,
  today = dateInNorway(new Date()),
): Promise<DrugSearchHit[]> {
  return inApp(db, (tx) => searchDrugsIn(tx, query, limit, today));
}

/**
 * `searchDrugs` through the caller's `tx`: a transaction, or the app role's connections of
 * `readAsApp` (the search endpoint's, which read the session there).
 */
export async function searchDrugsIn(
  tx: Db,
  query: string,
  limit = 10,
  today = dateInNorway(new Date()),
): Promise<DrugSearchHit[]> {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return [];
  const q = normalise(query);
  const rows = await tx
    .select({
      id: festProducts.id,
      name: festProducts.name,
      brand: festProducts.brand,
      atcCode: festProducts.atcCode,
      atcName: festProducts.atcName,
      formName: festProducts.formName,
      formLong: festProducts.formLong,
      preparattypeCode: festProducts.preparattypeCode,
      substances: festProducts.substances,
      withdrawnAt: festProducts.withdrawnAt,
    })
    .from(festProducts)
    .where(and(...tokens.map((t) => like(festProducts.searchText, containsPattern(t)))))
    .orderBy(
      sql`${festProducts.withdrawnAt} is not null`,
      sql`nullif(strpos(${festProducts.searchText}, ${q}), 0) nulls last`,
      asc(festProducts.name),
    )
    .limit(CANDIDATES);
  const ranked = rankDrugs(
    query,
    rows.map((r) => ({
      ...r,
      withdrawn: r.withdrawnAt !== null,
      substances: r.substances.map((s) => s.name).filter((n): n is string => n !== null),
      resolved: r.substances,
    })),
    Math.min(Math.max(limit, 1), MAX_LIMIT),
  );
  const packages = await packagesOf(
    tx,
    ranked.map((r) => r.id),
  );
  return ranked.map((r) => ({
    id: r.id,
    name: r.name,
    atc: coded(r.atcCode, r.atcName),
    form: r.formLong ?? r.formName,
    strength: formatStrengths(r.resolved),
    substances: r.substances,
    marketingStatus: marketingStatus(r.withdrawn, packages.get(r.id) ?? [], today),
    requiresExemption: authorisationKind(r.preparattypeCode) === 'exemptionRequired',
  }));
}

async function packagesOf(tx: Db, productIds: string[]) {
  const byProduct = new Map<
    string,
    (typeof festPackages.$inferSelect & { withdrawn: boolean })[]
  >();
  if (productIds.length === 0) return byProduct;
  const rows = await tx
    .select()
    .from(festPackages)
    .where(inArray(festPackages.productId, productIds));
  for (const row of rows) {
    if (row.productId === null) continue;
    const list = byProduct.get(row.productId) ?? [];
    list.push({ ...row, withdrawn: row.withdrawnAt !== null });
    byProduct.set(row.productId, list);
  }
  return byProduct;
}

/** The facts of one product (also a withdrawn one: old cases point at it), or null if unknown. */
export async function getDrugFacts(
  db: Db,
  productId: string,
  today = dateInNorway(new Date()),
): Promise<DrugFacts | null> {
  return inApp(db, (tx) => getDrugFactsIn(tx, productId, today));
}

/** `getDrugFacts` in the caller's transaction (FEST has no row-level security: any role reads it). */
export async function getDrugFactsIn(
  tx: Tx,
  productId: string,
  today = dateInNorway(new Date()),
): Promise<DrugFacts | null> {
  const [product] = await tx.select().from(festProducts).where(eq(festProducts.id, productId));
  if (!product) return null;
  const allPackages = (await packagesOf(tx, [product.id])).get(product.id) ?? [];
  // A product's current packs speak for it; a withdrawn product is described by its last ones.
  const current = allPackages.filter((p) => !p.withdrawn);
  const packs = current.length ? current : allPackages;

  const groupIds = [...new Set(packs.flatMap((p) => p.refundGroupIds))];
  const groups = groupIds.length
    ? await tx.select().from(festRefundGroups).where(inArray(festRefundGroups.id, groupIds))
    : [];
  const refundGroups: DrugRefundGroup[] = groups.map((g) => ({
    basis: refundBasis(g.basisCode, g.basisName),
    basisName: g.basisName,
    groupNumber: g.groupNumber,
    eligibleUse: g.eligibleUse,
    codes: g.codes.map((c) => ({ code: c.code, name: c.name })),
  }));

  const packages: DrugPackage[] = packs
    .map((p) => ({
      id: p.id,
      varenr: p.varenr,
      packSize: p.packSize,
      marketed: packageIsMarketed(p, today),
      aup: currentPrice(p.prices, PRICE_TYPES.aup, today),
    }))
    .sort((a, b) => (a.aup ?? Infinity) - (b.aup ?? Infinity));
  const cheapest = packages[0];

  return {
    id: product.id,
    name: product.name,
    brand: product.brand,
    atc: coded(product.atcCode, product.atcName),
    form: { code: product.formCode, name: product.formName, description: product.formLong },
    substances: product.substances.map((s) => ({ name: s.name, strength: formatStrength(s) })),
    strength: formatStrengths(product.substances),
    preparattype: coded(product.preparattypeCode, product.preparattypeName),
    requiresExemption: authorisationKind(product.preparattypeCode) === 'exemptionRequired',
    typeSoknadSlv: coded(product.typeSoknadSlvCode, product.typeSoknadSlvName),
    reseptgruppe: product.reseptgruppe,
    marketingStatus: marketingStatus(product.withdrawnAt !== null, allPackages, today),
    withdrawnAt: product.withdrawnAt?.toISOString() ?? null,
    packages,
    cheapestAup:
      cheapest && cheapest.aup !== null
        ? { amount: cheapest.aup, varenr: cheapest.varenr, packSize: cheapest.packSize }
        : null,
    spcUrl: product.spcUrl,
    felleskatalogenUrl: felleskatalogenUrl(product.brand, product.name),
    refund: {
      bluePrescription: refundGroups.some((g) => g.basis === 'bluePrescription'),
      hPrescription: refundGroups.some((g) => g.basis === 'hPrescription'),
      groups: refundGroups,
    },
  };
}

/**
 * The imports after `afterImportId` that changed the product or one of its packages (or brought
 * them back), oldest first: the extracts a change shown on the case page came with, from the
 * history the importer keeps (`fest_history`).
 */
export async function festChangeImportsIn(
  tx: Tx,
  productId: string,
  afterImportId: number | null,
): Promise<FestImportRef[]> {
  const packages = tx
    .select({ id: festPackages.id })
    .from(festPackages)
    .where(eq(festPackages.productId, productId));
  const rows = await tx
    .selectDistinct({ id: festImports.id, hentetAt: festImports.hentetAt })
    .from(festHistory)
    .innerJoin(festImports, eq(festImports.id, festHistory.importId))
    .where(
      and(
        afterImportId === null ? undefined : gt(festHistory.importId, afterImportId),
        or(
          and(eq(festHistory.kind, 'product'), eq(festHistory.entryId, productId)),
          and(eq(festHistory.kind, 'package'), inArray(festHistory.entryId, packages)),
        ),
      ),
    )
    .orderBy(asc(festImports.id));
  return rows.map((r) => ({ id: r.id, hentetAt: r.hentetAt?.toISOString() ?? null }));
}

/** A case's drug as the pages that judge or send it show it (ADR 0027), beside its snapshot. */
export interface CaseDrug {
  /** Today's FEST facts of the drug answered, when it was picked from FEST. */
  drugFacts: DrugFacts | null;
  /** What has changed in FEST since the snapshot (empty without one). */
  festChanges: FestChange[];
  /** The FEST extracts those changes came with, oldest first (empty without changes). */
  festChangedIn: FestImportRef[];
  /**
   * The drug's name when today's FEST contradicts the scheme answered (`contradictedDrugName`:
   * «uten norsk markedsføringstillatelse» for a drug FEST has marketed with Norwegian MT), else
   * null: the `SchemeWarning` on the summary, the case page and the assessment page.
   */
  schemeWarning: string | null;
}

/**
 * The drug of a case in the caller's transaction: today's FEST facts of the drug answered, what
 * FEST has changed since the snapshot the case was sent with (compared with the product that was
 * sent: a returned case may name another drug by now), and whether FEST contradicts the scheme.
 * The warning follows today's FEST, as the facts the scheme is judged on now; the snapshot and
 * its changes say what the applicant saw.
 */
export async function caseDrugIn(
  tx: Tx,
  answers: Answers,
  snapshot: FestSnapshot | null,
): Promise<CaseDrug> {
  const drugId = drugAnswer(answers)?.id ?? null;
  const drugFacts = drugId ? await getDrugFactsIn(tx, drugId) : null;
  const schemeWarning = contradictedDrugName(contextOf(answers).scheme, drugFacts);
  if (!snapshot) return { drugFacts, festChanges: [], festChangedIn: [], schemeWarning };
  const sentId = snapshot.facts.id;
  const today = sentId === drugId ? drugFacts : await getDrugFactsIn(tx, sentId);
  const changes = festChanges(snapshot, today);
  const changedIn =
    changes.length > 0
      ? await festChangeImportsIn(tx, sentId, snapshot.festImport?.id ?? null)
      : [];
  return { drugFacts, festChanges: changes, festChangedIn: changedIn, schemeWarning };
}

/** The last successful FEST import: the extract today's facts come from. */
async function latestImportIn(tx: Tx): Promise<FestImportRef | null> {
  const [run] = await tx
    .select({ id: festImports.id, hentetAt: festImports.hentetAt })
    .from(festImports)
    .where(eq(festImports.status, 'succeeded'))
    .orderBy(desc(festImports.id))
    .limit(1);
  return run ? { id: run.id, hentetAt: run.hentetAt?.toISOString() ?? null } : null;
}

/**
 * The product's facts as FEST has them at `now`, kept for the case (`cases.fest_snapshot`), with
 * the import they come from; null for a product FEST does not know.
 */
export async function festSnapshotIn(
  tx: Tx,
  productId: string,
  now: Date,
): Promise<FestSnapshot | null> {
  const facts = await getDrugFactsIn(tx, productId, dateInNorway(now));
  return facts && takeSnapshot(facts, await latestImportIn(tx), now);
}

/**
 * What a posted drug choice (`<name>` = product id, `<name>Label` = the text) refers to: the
 * product only when the text is still its name. Without JavaScript the text can be edited while
 * the id stays, and then the text is what the applicant meant: the product of that name, when
 * FEST has exactly one (no id is posted at all without JavaScript, or when a name is typed and not
 * picked from the list), else free text (null).
 */
export async function resolveDrugChoice(
  db: Db,
  choice: { id: string; label: string },
): Promise<DrugFacts | null> {
  if (choice.id !== '') {
    const facts = await getDrugFacts(db, choice.id);
    if (facts && normalise(facts.name) === normalise(choice.label)) return facts;
  }
  const named = await productNamed(db, choice.label);
  return named ? getDrugFacts(db, named) : null;
}

/**
 * The one product FEST names `label` (as `normalise` compares names), among those still in FEST
 * when there are any; null when none is, or several are (parallel imports share a name, and then
 * the name alone does not say which).
 */
async function productNamed(db: Db, label: string): Promise<string | null> {
  const name = normalise(label);
  if (searchTokens(name).length === 0) return null;
  const exact = (await searchDrugs(db, label, MAX_LIMIT)).filter(
    (hit) => normalise(hit.name) === name,
  );
  const current = exact.filter((hit) => hit.marketingStatus !== 'withdrawn');
  const candidates = current.length > 0 ? current : exact;
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}
