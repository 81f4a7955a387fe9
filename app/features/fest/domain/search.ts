/** Search as you type: normalisation and the ranking rule (pure; the database only prefilters). */
import type { ProductData, ResolvedSubstance, StrengthData } from './m30';

/** Shorter queries return nothing: one letter matches half the register. */
const MIN_QUERY_LENGTH = 2;
export const MAX_LIMIT = 50;

/** Case- and width-insensitive, single-spaced. Done here, not in SQL, so æ/ø/å fold the same everywhere. */
export function normalise(value: string): string {
  return value.normalize('NFKC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
}

/** The words of a query; every one must occur in a hit. */
export function searchTokens(query: string): string[] {
  const q = normalise(query);
  return q.length < MIN_QUERY_LENGTH ? [] : q.split(' ');
}

export interface SearchFields {
  name: string;
  brand: string | null;
  atcCode: string | null;
  atcName: string | null;
  substances: readonly string[];
}

/** What the database matches tokens against (stored per product, derived after each import). */
export function searchText(fields: SearchFields): string {
  const parts = [fields.name, fields.brand, ...fields.substances, fields.atcName, fields.atcCode]
    .filter((part): part is string => !!part)
    .map(normalise);
  return [...new Set(parts)].join(' ');
}

/** What a product's substances and search text are derived from. */
export type ProductSearchInput = Pick<
  ProductData,
  'name' | 'brand' | 'atcCode' | 'atcName' | 'strengthIds'
>;

/** Strengths by id and substance names by id, as far as they are known. */
export interface SubstanceReferences {
  strengths: ReadonlyMap<string, StrengthData>;
  substances: ReadonlyMap<string, string>;
}

export interface ProductSearch {
  substances: ResolvedSubstance[];
  searchText: string;
}

/**
 * A product's substances (RefVirkestoffMedStyrke → VirkestoffMedStyrke → Virkestoff, in its
 * order; a strength that is not known is left out, a substance that is not known has no name) and
 * its search text. The one definition: the importer derives with it both the products it writes
 * and those whose strengths or substances an import may have changed.
 */
export function productSearch(
  product: ProductSearchInput,
  references: SubstanceReferences,
): ProductSearch {
  const substances: ResolvedSubstance[] = [];
  for (const id of product.strengthIds) {
    const strength = references.strengths.get(id);
    if (!strength) continue;
    const { substanceId, amount, unit, perAmount, perUnit } = strength;
    const name = substanceId === null ? null : (references.substances.get(substanceId) ?? null);
    substances.push({ name, amount, unit, perAmount, perUnit });
  }
  const names = substances.map((s) => s.name).filter((n): n is string => n !== null);
  return { substances, searchText: searchText({ ...product, substances: names }) };
}

/**
 * Match tiers, best first. A product is ranked by the best tier it reaches; ties go by name.
 * ATC codes are only ever matched from their start (a code's middle means nothing).
 */
const MATCH_TIERS = [
  'atcExact',
  'exact',
  'atcPrefix',
  'namePrefix',
  'substancePrefix',
  'wordPrefix',
  'contains',
  'allWords',
] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

const words = (value: string) => value.split(/[\s,/()+-]+/).filter(Boolean);

/** The best tier at which `query` matches, or null when some word of the query is missing. */
export function matchTier(query: string, fields: SearchFields): MatchTier | null {
  const q = normalise(query);
  if (q.length < MIN_QUERY_LENGTH) return null;
  const atc = fields.atcCode ? normalise(fields.atcCode) : null;
  const names = [fields.name, fields.brand].filter((v): v is string => !!v).map(normalise);
  const substances = [...fields.substances, fields.atcName]
    .filter((v): v is string => !!v)
    .map(normalise);
  const all = [...names, ...substances];

  if (atc === q) return 'atcExact';
  if (all.includes(q)) return 'exact';
  if (atc?.startsWith(q)) return 'atcPrefix';
  if (names.some((n) => n.startsWith(q))) return 'namePrefix';
  if (substances.some((s) => s.startsWith(q))) return 'substancePrefix';
  if (all.some((v) => words(v).some((w) => w.startsWith(q)))) return 'wordPrefix';
  if (all.some((v) => v.includes(q))) return 'contains';
  const found = (token: string) => all.some((v) => v.includes(token)) || !!atc?.startsWith(token);
  return q.split(' ').every(found) ? 'allWords' : null;
}

export interface RankCandidate extends SearchFields {
  id: string;
  withdrawn: boolean;
}

/** Norwegian collation, built once (building a collator costs more than a search's sorting). */
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

/**
 * Ranks candidates for a query: products still in FEST before withdrawn ones, then by match tier,
 * then by name (Norwegian collation). Non-matches are dropped; at most `limit` are returned.
 */
export function rankDrugs<T extends RankCandidate>(
  query: string,
  candidates: readonly T[],
  limit: number,
): T[] {
  return candidates
    .map((candidate) => ({ candidate, tier: matchTier(query, candidate) }))
    .filter((r): r is { candidate: T; tier: MatchTier } => r.tier !== null)
    .sort(
      (a, b) =>
        Number(a.candidate.withdrawn) - Number(b.candidate.withdrawn) ||
        MATCH_TIERS.indexOf(a.tier) - MATCH_TIERS.indexOf(b.tier) ||
        collator.compare(a.candidate.name, b.candidate.name) ||
        (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0),
    )
    .slice(0, Math.max(0, limit))
    .map((r) => r.candidate);
}

/** A query word as a LIKE pattern that matches it anywhere (wildcards in the word are literal). */
export function containsPattern(token: string): string {
  return `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
