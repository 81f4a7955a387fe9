import {
  codeKey,
  DIAGNOSIS_SYSTEMS,
  displayCode,
  type Diagnosis,
  type DiagnosisLookup,
  type DiagnosisSystem,
} from './diagnosis';

/** A row of a classification as the code lists ship it: the code without its dot. */
export interface ClassificationRow {
  code: string;
  text: string;
}

export type Classifications = Record<DiagnosisSystem, readonly ClassificationRow[]>;

export interface DiagnosisIndex {
  /** Number of diagnoses in the index. */
  readonly size: number;
  /** The best `limit` matches for what the user typed, best first (see `buildDiagnosisIndex`). */
  search(query: string, limit: number): Diagnosis[];
  find: DiagnosisLookup;
}

/** Letters folded as a Norwegian keyboard writes them; other diacritics are dropped. */
const FOLD: Partial<Record<string, string>> = { ö: 'ø', ä: 'æ' };

/**
 * Lower case, with æ, ø and å kept as the letters they are, ö/ä written as ø/æ, and other
 * diacritics removed (`Ménières` → `menieres`, `Sjögren` → `sjøgren`). Norwegian writes Greek
 * «eu» both ways (`reumatoid`/`revmatoid`, `pneumoni`/`pnevmoni`), so it is always `ev`.
 */
export function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{ASCII}æøå]/gu, (ch) => FOLD[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, ''))
    .replaceAll('eu', 'ev');
}

/** The words of a normalised text: runs of letters and digits. */
export function words(normalised: string): string[] {
  return normalised.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Search words the classification texts do not use. ICD-10 says «ondartet svulst» or names the
 * tumour type (chapter C, C00–C97), ICPC-2 says «ondartet»; people search for «kreft», «cancer».
 */
const ALIASES: readonly {
  terms: readonly string[];
  applies: (system: DiagnosisSystem, key: string, textWords: readonly string[]) => boolean;
}[] = [
  {
    terms: ['kreft', 'cancer'],
    applies: (system, key, textWords) =>
      system === 'ICD10' ? key.startsWith('C') : textWords.some((w) => w.startsWith('ondart')),
  },
];

/** A query that looks like a code: a letter, a digit, then letters or digits (dots removed). */
const CODE_LIKE = /^[A-Z][0-9][0-9A-Z]*$/;
/** The shortest half of a compound word (`bryst|kreft`) that is searched for on its own. */
const MIN_PART = 3;
/** At most this many query words are used. */
const MAX_WORDS = 8;

/** Ranking tiers, best first. */
const TIER = { exactCode: 0, codePrefix: 1, wordStarts: 2, compoundWordStarts: 3, contains: 4 };
const TIER_COUNT = Object.keys(TIER).length;

interface Entry {
  id: number;
  diagnosis: Diagnosis;
  /** Position of the system in DIAGNOSIS_SYSTEMS (ICD-10 first). */
  systemOrder: number;
  key: string;
  /** The words of the text and the alias terms. */
  terms: readonly string[];
}

/** An entry found by a search, with what it is ranked by. */
interface Hit {
  entry: Entry;
  /** Query words that are whole words of the text (or a compound of two). */
  wholeWords: number;
}

/** First index in the sorted array whose value is ≥ `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byCode = (a: Entry, b: Entry) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.systemOrder - b.systemOrder;
const byRelevance = (a: Hit, b: Hit) =>
  b.wholeWords - a.wholeWords ||
  a.entry.diagnosis.text.length - b.entry.diagnosis.text.length ||
  a.entry.systemOrder - b.entry.systemOrder ||
  byCode(a.entry, b.entry);

/**
 * How a query word matches an entry: a term starts with it, or contains it; for compound matchers
 * also when both halves of the word (`bryst|kreft`) match terms of the entry.
 */
interface Matcher {
  inside: boolean;
  compound: boolean;
}

const MATCHERS = {
  wordStarts: { inside: false, compound: false },
  compoundWordStarts: { inside: false, compound: true },
  contains: { inside: true, compound: true },
} satisfies Record<string, Matcher>;

const termMatches = (matcher: Matcher, term: string, part: string) =>
  matcher.inside ? term.includes(part) : term.startsWith(part);

/** The ways to cut a word in two halves of at least MIN_PART letters (`bryst|kreft`). */
function halves(word: string): [string, string][] {
  const cuts: [string, string][] = [];
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    cuts.push([word.slice(0, cut), word.slice(cut)]);
  }
  return cuts;
}

/** The distinct three-letter sequences of a word (none when it is shorter). */
function trigrams(word: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i++) found.add(word.slice(i, i + 3));
  return found;
}

/** Whether the word matches one of the terms (or, for compound matchers, both halves do). */
function matches(matcher: Matcher, terms: readonly string[], word: string): boolean {
  const one = (part: string) => terms.some((t) => termMatches(matcher, t, part));
  return one(word) || (matcher.compound && halves(word).some(([h, t]) => one(h) && one(t)));
}

/** Whether the word is a whole term, or a compound of two whole terms (`brystkreft`). */
const isWholeWord = (word: string, terms: readonly string[]) =>
  terms.includes(word) || halves(word).some(([h, t]) => terms.includes(h) && terms.includes(t));

/**
 * Builds the search index over both classifications. Ranking, best first:
 *
 * 1. the code exactly (any case, with or without the dot: `c509`, `C50.9`);
 * 2. codes starting with the query (`C50` → C50.0 … C50.9), in code order;
 * 3. every query word starts a word of the text (`bryst svulst`, `diab type 2`);
 * 4. the same, where a query word is a compound of two such word starts (`brystkreft`);
 * 5. every query word (or both halves of a compound) occurs anywhere in the text
 *    (`tuberkulose` → «Lungetuberkulose»).
 *
 * Within tiers 3–5, texts where more query words are whole words come first (`bryst` finds
 * «bryst» before «brysthinne»), then shorter (more general) texts, then ICD-10 before ICPC-2, then
 * code order. Letter case, ö/ä and diacritics do not matter; æ, ø and å are letters of their own.
 */
export function buildDiagnosisIndex(classifications: Classifications): DiagnosisIndex {
  const entries: Entry[] = [];
  const byCompact = new Map<string, Diagnosis>();
  const byKey = new Map<string, Entry[]>();
  const termPostings = new Map<string, number[]>();

  DIAGNOSIS_SYSTEMS.forEach((system, systemOrder) => {
    for (const row of classifications[system]) {
      const key = codeKey(row.code);
      const diagnosis: Diagnosis = { system, code: displayCode(system, row.code), text: row.text };
      const textWords = words(normalise(row.text));
      const aliases = ALIASES.filter((a) => a.applies(system, key, textWords));
      const entryTerms: string[] = [];
      for (const term of [...textWords, ...aliases.flatMap((a) => a.terms)]) {
        if (!entryTerms.includes(term)) entryTerms.push(term);
      }
      const entry: Entry = { id: entries.length, diagnosis, systemOrder, key, terms: entryTerms };
      entries.push(entry);
      byCompact.set(`${system}:${key}`, diagnosis);
      const sameKey = byKey.get(key);
      if (sameKey) sameKey.push(entry);
      else byKey.set(key, [entry]);
      for (const term of entryTerms) {
        const postings = termPostings.get(term);
        if (postings) postings.push(entry.id);
        else termPostings.set(term, [entry.id]);
      }
    }
  });

  const terms = [...termPostings.keys()].sort();
  const postingsByTerm = terms.map((t) => termPostings.get(t) ?? []);
  const inCodeOrder = [...entries].sort(byCode);
  const sortedKeys = inCodeOrder.map((e) => e.key);

  // Marks, reused by every search (a search is synchronous).
  const candidateMark = new Uint32Array(entries.length);
  let markValue = 0;

  // Terms by the three-letter sequences in them, to find the terms a part occurs inside.
  const termsByTrigram = new Map<string, number[]>();
  terms.forEach((term, t) => {
    for (const trigram of trigrams(term)) {
      const found = termsByTrigram.get(trigram);
      if (found) found.push(t);
      else termsByTrigram.set(trigram, [t]);
    }
  });

  /** The positions of the terms the part matches; a sorted range for word starts. */
  function termsMatching(matcher: Matcher, part: string): number[] {
    const found: number[] = [];
    if (matcher.inside) {
      // Only terms holding the part's rarest trigram can hold the part.
      let pool: readonly number[] | null = null;
      for (const trigram of trigrams(part)) {
        const withTrigram = termsByTrigram.get(trigram) ?? [];
        if (!pool || withTrigram.length < pool.length) pool = withTrigram;
      }
      for (const t of pool ?? terms.keys()) {
        if ((terms[t] ?? '').includes(part)) found.push(t);
      }
    } else {
      for (let t = lowerBound(terms, part); t < terms.length; t++) {
        if (!(terms[t] ?? '').startsWith(part)) break;
        found.push(t);
      }
    }
    return found;
  }

  const postingCount = (termPositions: readonly number[]) =>
    termPositions.reduce((sum, t) => sum + (postingsByTerm[t]?.length ?? 0), 0);

  /**
   * The entries every query word matches. Candidates come from the postings of the longest
   * (usually most selective) query word, and of the rarer half of each of its compound cuts;
   * everything else is tested on those candidates only.
   */
  function matchingAll(queryWords: readonly string[], matcher: Matcher): Entry[] {
    const [first, ...others] = [...queryWords].sort((a, b) => b.length - a.length);
    if (first === undefined) return [];
    const mark = ++markValue;
    const found: Entry[] = [];
    const consider = (termPositions: readonly number[], test: (entry: Entry) => boolean) => {
      for (const t of termPositions) {
        for (const id of postingsByTerm[t] ?? []) {
          const entry = entries[id];
          if (!entry || candidateMark[id] === mark || !test(entry)) continue;
          candidateMark[id] = mark;
          if (others.every((w) => matches(matcher, entry.terms, w))) found.push(entry);
        }
      }
    };
    consider(termsMatching(matcher, first), () => true);
    if (matcher.compound) {
      for (const [head, tail] of halves(first)) {
        const heads = termsMatching(matcher, head);
        const tails = termsMatching(matcher, tail);
        const [rarer, other] =
          postingCount(heads) <= postingCount(tails) ? [heads, tail] : [tails, head];
        consider(rarer, (entry) => entry.terms.some((t) => termMatches(matcher, t, other)));
      }
    }
    return found;
  }

  function search(query: string, limit: number): Diagnosis[] {
    const tiers: Entry[][] = Array.from({ length: TIER_COUNT }, () => []);
    const seen = new Set<number>();
    const add = (tier: number, found: Iterable<Entry>) => {
      for (const entry of found) {
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
        tiers[tier]?.push(entry);
      }
    };
    const needMore = () => seen.size < limit;

    const key = codeKey(query);
    if (CODE_LIKE.test(key)) {
      add(TIER.exactCode, byKey.get(key) ?? []);
      const prefixed: Entry[] = [];
      for (let i = lowerBound(sortedKeys, key); i < inCodeOrder.length; i++) {
        const entry = inCodeOrder[i];
        if (!entry?.key.startsWith(key)) break;
        prefixed.push(entry);
      }
      add(TIER.codePrefix, prefixed);
    }

    const queryWords = words(normalise(query)).slice(0, MAX_WORDS);
    if (queryWords.length > 0) {
      if (needMore()) add(TIER.wordStarts, matchingAll(queryWords, MATCHERS.wordStarts));
      if (needMore() && queryWords.some((w) => w.length >= 2 * MIN_PART)) {
        add(TIER.compoundWordStarts, matchingAll(queryWords, MATCHERS.compoundWordStarts));
      }
      if (needMore()) add(TIER.contains, matchingAll(queryWords, MATCHERS.contains));
    }

    const rank = (found: Entry[], tier: number): Entry[] =>
      tier <= TIER.codePrefix
        ? found.sort(byCode)
        : found
            .map((entry) => ({
              entry,
              wholeWords: queryWords.filter((w) => isWholeWord(w, entry.terms)).length,
            }))
            .sort(byRelevance)
            .map((hit) => hit.entry);
    return tiers
      .flatMap(rank)
      .slice(0, Math.max(0, limit))
      .map((e) => e.diagnosis);
  }

  return {
    size: entries.length,
    search,
    find: (system, code) => byCompact.get(`${system}:${codeKey(code)}`),
  };
}
