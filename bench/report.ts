/**
 * The shape every benchmark reports, and the printer. Each figure carries its floor (measured in
 * the same run) and its target, so the printed report says for itself what holds and what does not.
 */
export interface Figure {
  /** Section heading, e.g. "pages (PostgreSQL, 1,000,000 cases)". */
  section: string;
  name: string;
  value: number;
  unit: 'ms' | 'kB' | 'MB' | 'req/s' | 'rows' | 's' | 'count';
  /** The floor measured in the same run, in the same unit, when the figure has one. */
  floor?: number;
  /** The target in words, e.g. "≤ 2× floor and ≤ 50 ms". */
  target?: string;
  /** Whether the target holds; undefined when the figure has no target. */
  ok?: boolean;
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(Math.abs(n) >= 10 ? 1 : 2);

/** Prints figures grouped by section, with ratio against floor and target verdict. */
export function printFigures(
  figures: readonly Figure[],
  out: (line: string) => void = console.log,
) {
  const sections = [...new Set(figures.map((f) => f.section))];
  for (const section of sections) {
    out(`\n${section}`);
    for (const f of figures.filter((x) => x.section === section)) {
      const ratio = f.floor
        ? `${(f.value / f.floor).toFixed(2)}× floor (${fmt(f.floor)} ${f.unit})`
        : '';
      const verdict = f.ok === undefined ? '' : f.ok ? 'OK  ' : 'MISS';
      out(
        `  ${verdict.padEnd(4)} ${f.name.padEnd(48)} ${fmt(f.value).padStart(9)} ${f.unit.padEnd(5)} ${ratio.padEnd(34)} ${f.target ?? ''}`,
      );
    }
  }
}

/** p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The milliseconds one run of `fn` takes. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `warmUp` times unmeasured, then `runs` times; returns each run's milliseconds. */
export async function sampleTimes(
  runs: number,
  fn: () => Promise<unknown>,
  warmUp = Math.min(10, runs),
): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(fn));
  return samples;
}
