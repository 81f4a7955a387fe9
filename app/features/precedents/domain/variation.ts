import { isApproval } from './practice';
import { shownCount } from './suppression';

export interface VariationDecision {
  trustId: string;
  trustName: string;
  outcome: string;
  processingSeconds: number | null;
}

/** One trust's (or the nation's) figures; every figure is null when the count is under 5. */
export interface VariationRow {
  trustId: string | null;
  trustName: string;
  /** null: under 5. */
  decisions: number | null;
  approvalRate: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

const DAY_SECONDS = 24 * 60 * 60;

/** The p-th percentile (0–1) by linear interpolation between ranks (as percentile_cont). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? 0;
  return a + (b - a) * (rank - low);
}

function figures(trustId: string | null, trustName: string, rows: readonly VariationDecision[]) {
  const n = shownCount(rows.length);
  if (n === null) {
    return {
      trustId,
      trustName,
      decisions: null,
      approvalRate: null,
      medianDays: null,
      p90Days: null,
    };
  }
  const days = rows
    .map((r) => r.processingSeconds)
    .filter((s): s is number => s !== null)
    .map((s) => s / DAY_SECONDS)
    .sort((a, b) => a - b);
  return {
    trustId,
    trustName,
    decisions: n,
    approvalRate: rows.filter((r) => isApproval(r.outcome)).length / rows.length,
    medianDays: percentile(days, 0.5),
    p90Days: percentile(days, 0.9),
  };
}

/** Per trust side by side (by name), and the national total, with small counts suppressed. */
export function variationTable(rows: readonly VariationDecision[]): {
  trusts: VariationRow[];
  national: VariationRow;
} {
  const byTrust = new Map<string, VariationDecision[]>();
  for (const r of rows) byTrust.set(r.trustId, [...(byTrust.get(r.trustId) ?? []), r]);
  const trusts = [...byTrust.entries()]
    .map(([id, list]) => figures(id, list[0]?.trustName ?? '', list))
    .sort((a, b) => a.trustName.localeCompare(b.trustName, 'nb'));
  return { trusts, national: figures(null, '', rows) };
}
