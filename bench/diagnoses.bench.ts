/**
 * Benchmark of the diagnosis search (ICD-10 + ICPC-2, ≈20,000 codes), as ratios against a floor
 * measured in the same run: a linear scan that only lower-cases each text and checks whether it
 * contains the query. Run: `npm run bench:diagnoses`.
 */
import { ICD10, ICPC2 } from '@navikt/diagnosekoder';
import { buildDiagnosisIndex } from '../app/features/diagnoses/domain/search';

const LIMIT = 20;
const RUNS = 300;

/** What people type, by kind of query. */
const QUERIES: [string, string[]][] = [
  ['exact code', ['c509', 'C50.9', 'X76', 'i21.0a', 'E11.9']],
  ['code prefix', ['C50', 'e11', 'J4', 'K8']],
  ['word starts', ['bryst kreft', 'diabetes type 2', 'hodepine', 'astma', 'revmatoid artritt']],
  ['compound words', ['brystkreft', 'lungekreft', 'tarmkreft', 'hudkreft']],
  ['contains / no match', ['tuberkulose', 'meniere', 'xyzzy', 'sklerose']],
];

function median(runs: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const rows = [...ICD10, ...ICPC2];
/** The floor: lower-case every text and test `includes`, every time. */
function linearScan(query: string): number {
  const q = query.toLowerCase();
  let hits = 0;
  for (const row of rows) if (row.text.toLowerCase().includes(q)) hits++;
  return hits;
}

const buildStart = performance.now();
const index = buildDiagnosisIndex({ ICD10, ICPC2 });
const buildMs = performance.now() - buildStart;

const all = QUERIES.flatMap(([, queries]) => queries);
const floor = median(RUNS, () => all.forEach(linearScan)) / all.length;
console.log(
  `\n${index.size} diagnoses; index built once per process in ${buildMs.toFixed(0)} ms (cold)`,
);
console.log(`floor (lower-case + includes over every text): ${floor.toFixed(3)} ms per query\n`);
const report = (name: string, ms: number) =>
  console.log(
    `  ${name.padEnd(24)} ${ms.toFixed(3).padStart(8)} ms   ${(ms / floor).toFixed(3).padStart(6)} × floor`,
  );
for (const [kind, queries] of QUERIES) {
  report(kind, median(RUNS, () => queries.forEach((q) => index.search(q, LIMIT))) / queries.length);
}
report('all queries', median(RUNS, () => all.forEach((q) => index.search(q, LIMIT))) / all.length);
