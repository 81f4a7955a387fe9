/**
 * A refused re-application («Start ny søknad fra denne», posted from the clocks panel): nothing was
 * created, and the case page says why (`?nysoknad=` on its address). `invalidTransition`: the case
 * is in a status a new application cannot be started from (the page was out of date);
 * `forbidden`: the actor may not start one from this case.
 */
export const REAPPLY_REFUSALS = ['invalidTransition', 'forbidden'] as const;
export type ReapplyRefusal = (typeof REAPPLY_REFUSALS)[number];

const PARAM = 'nysoknad';

/** The case page's address after a refused re-application. */
export const reapplyRefusedUrl = (caseId: string, refusal: ReapplyRefusal) =>
  `/saker/${caseId}?${PARAM}=${refusal}`;

/** The refusal the case page's address carries (unknown values are ignored). */
export function reapplyRefusal(params: URLSearchParams): ReapplyRefusal | null {
  const value = params.get(PARAM);
  return REAPPLY_REFUSALS.find((r) => r === value) ?? null;
}
